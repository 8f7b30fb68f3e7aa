import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type CallContext, type Handlers, type Services } from '../src/main/app';
import { confSettings } from '../src/main/services/settings/settingsStore';
import { dispatch } from '../src/main/transport/dispatch';
import type { Events } from '../src/shared/contract';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const SHARED_LPOINT = join(import.meta.dirname, '..', '..', 'shared', 'data', 'lpoint2022');

export function tempDir(prefix = 'cw-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of a fixture folder that a test may change. */
export function fixtureCopy(name: string, into: string): string {
  const target = join(into, name);
  cpSync(join(FIXTURES, name), target, { recursive: true });
  return target;
}

export interface Harness {
  services: Services;
  handlers: Handlers;
  events: { name: keyof Events; payload: unknown }[];
  ctx: CallContext;
  root: string;
  /** A contract call through the real gate; a `{ code, message }` reply is thrown as an error carrying the code. */
  call: <T>(method: string, args: unknown) => Promise<T>;
  close: () => Promise<void>;
}

/** Real services on real DuckDB files in a fresh temp folder; settings kept in that folder too. */
export function harness(): Harness {
  const { dir, cleanup } = tempDir();
  const app = createApp({ settings: confSettings(join(dir, 'settings')), dataDir: join(dir, 'app-data') });
  const { services, handlers } = app;
  const events: Harness['events'] = [];
  const ctx: CallContext = { emit: (name, payload) => events.push({ name, payload }) };
  return {
    services,
    handlers,
    events,
    ctx,
    root: dir,
    call: async <T,>(method: string, args: unknown): Promise<T> => {
      const reply = await dispatch(handlers, method, args, ctx);
      if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
      return reply.result as T;
    },
    close: async () => {
      await app.close();
      cleanup();
    },
  };
}
