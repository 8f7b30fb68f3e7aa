import { buildApi, type RawReply, type WorkbenchApi } from '../../../shared/api';
import { METHODS } from '../../../shared/contract';

declare global {
  interface Window {
    workbench?: WorkbenchApi;
  }
}

/**
 * The typed client: the preload's `window.workbench` inside Electron; in browser mode the same
 * verbs over HTTP (the token travels as a same-site cookie) and events over server-sent events.
 */
const connectedListeners = new Set<() => void>();
let ensureEvents: () => void = () => {};

/**
 * Called each time the event stream (re)connects — browser mode only; in Electron events never
 * have a gap. Events sent while the stream was not connected are lost, so whoever waits for an
 * event asks the server for the state again here.
 */
export function onEventsConnected(listener: () => void): () => void {
  ensureEvents();
  connectedListeners.add(listener);
  return () => connectedListeners.delete(listener);
}

function httpApi(): WorkbenchApi {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let source: EventSource | null = null;
  const ensureSource = () => {
    if (source) return;
    source = new EventSource('/api/events');
    source.addEventListener('open', () => {
      for (const l of [...connectedListeners]) l();
    });
    for (const name of ['job.progress', 'job.finished']) {
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of listeners) l(name, payload);
      });
    }
  };
  ensureEvents = ensureSource;
  return buildApi(
    METHODS,
    async (method, args) => {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args ?? {}),
        credentials: 'same-origin',
      });
      if (res.status === 403) return { ok: false, error: { code: 'FORBIDDEN', message: 'Forbidden' } } satisfies RawReply;
      return (await res.json()) as RawReply;
    },
    (listener) => {
      ensureSource();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  );
}

export const workbench: WorkbenchApi = window.workbench ?? httpApi();
