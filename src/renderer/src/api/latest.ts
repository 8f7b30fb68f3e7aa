/**
 * The pure core of the renderer's data layer (no React, no DOM beyond AbortController): calls are
 * numbered, and only the answer of the newest one is delivered. The transport cannot abort a call
 * the server already runs, so what matters is that an older answer — one that arrives after a newer
 * call was started, after a cancel, or after the component went away — is dropped, never shown.
 */

/** One started call: current until a newer call starts or the sequencer is cancelled. */
export interface Ticket {
  readonly id: number;
  /** Aborted as soon as the ticket is no longer current (for work that can stop, e.g. a fetch). */
  readonly signal: AbortSignal;
  isCurrent(): boolean;
}

/** Numbers calls; `begin` makes every earlier ticket stale, `cancel` makes them all stale. */
export class Sequencer {
  private latest = 0;
  private controller: AbortController | null = null;

  begin(): Ticket {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const id = ++this.latest;
    return { id, signal: controller.signal, isCurrent: () => id === this.latest };
  }

  cancel(): void {
    this.controller?.abort();
    this.controller = null;
    this.latest++;
  }
}

/**
 * Wraps an async function so that only the newest call's answer comes back: a call that was
 * overtaken by a newer one (or by `cancel`) resolves to `{ stale: true }` instead of its value
 * or error.
 */
export function latestOnly<A extends unknown[], T>(fn: (signal: AbortSignal, ...args: A) => Promise<T>) {
  const seq = new Sequencer();
  const call = async (...args: A): Promise<{ stale: false; value: T } | { stale: true }> => {
    const ticket = seq.begin();
    try {
      const value = await fn(ticket.signal, ...args);
      return ticket.isCurrent() ? { stale: false, value } : { stale: true };
    } catch (error) {
      if (!ticket.isCurrent()) return { stale: true };
      throw error;
    }
  };
  return Object.assign(call, { cancel: () => seq.cancel() });
}

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * What `useQuery` does, without React: `run` starts a call (after an optional debounce) and
 * publishes loading, then the data or the error — but only for the newest call; `cancel` drops
 * whatever is pending or in flight. The data of the previous call stays while the next one loads.
 */
export class QueryRunner<T> {
  private readonly seq = new Sequencer();
  private timer: unknown = null;

  constructor(
    private readonly publish: (patch: Partial<QueryState<T>>) => void,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly timers: Timers = realTimers,
  ) {}

  /**
   * Starts `call`; the promise resolves when this call has settled (true: its answer was
   * published) or was overtaken (false). It never rejects: errors go to `publish` and `onError`.
   */
  run(call: (signal: AbortSignal) => Promise<T>, debounceMs = 0): Promise<boolean> {
    this.clearTimer();
    const ticket = this.seq.begin();
    this.publish({ loading: true });
    return new Promise<boolean>((resolve) => {
      const go = () => {
        this.timer = null;
        if (!ticket.isCurrent()) return resolve(false);
        let pending: Promise<T>;
        try {
          pending = call(ticket.signal);
        } catch (error) {
          pending = Promise.reject(error);
        }
        pending.then(
          (data) => {
            if (!ticket.isCurrent()) return resolve(false);
            this.publish({ data, error: null, loading: false });
            resolve(true);
          },
          (error: unknown) => {
            if (!ticket.isCurrent()) return resolve(false);
            // The previous answer stays (the page marks it as not updated) beside the error.
            this.publish({ error, loading: false });
            this.onError(error);
            resolve(true);
          },
        );
      };
      // A cancel or a newer run settles this one as overtaken at once.
      ticket.signal.addEventListener('abort', () => resolve(false), { once: true });
      if (debounceMs > 0) this.timer = this.timers.setTimeout(go, debounceMs);
      else go();
    });
  }

  /** Drops the pending and the in-flight call: their answers are ignored. */
  cancel(): void {
    this.clearTimer();
    this.seq.cancel();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
