// The messages between a worker host and a worker (docs/workers.md), and the worker side's helper.
import { parentPort } from 'node:worker_threads';
import type { ErrorCode, WireError, WireIssue } from '../../shared/errors';

/**
 * Host → worker: run a task, or abort the task with that id. `cancelFlag` (shared memory, set to 1 on
 * abort) lets a synchronous loop see the abort without returning to the event loop, which the abort
 * message needs.
 */
export type WorkerRequest = { id: number; type: string; payload?: unknown; cancelFlag?: Int32Array } | { id: number; type: 'abort' };

/** Worker → host: any number of progress messages, then exactly one result or error per request. */
export type WorkerReply =
  | { id: number; type: 'progress'; progress: unknown }
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'error'; error: WireError };

export interface TaskContext<P> {
  /** Sends a progress message to the host (structured-cloned: plain data only). */
  progress(progress: P): void;
  /** Aborted when the host sends `{id, type:'abort'}`; a task should stop and throw CANCELLED. */
  signal: AbortSignal;
  /** True once the host aborted; reads shared memory, so it works inside a loop that never awaits a macrotask. */
  cancelled(): boolean;
}

type Handler = (payload: unknown, context: TaskContext<unknown>) => unknown;

const handlers = new Map<string, Handler>();
const running = new Map<number, AbortController>();

/** Errors cross as `{code, message}`: an AppError keeps its code (and its issues: the keyed sentence), anything else is INTERNAL. */
export function toWireError(error: unknown): WireError {
  const e = error as { name?: string; code?: unknown; message?: unknown; issues?: unknown };
  if (e && e.name === 'AppError' && typeof e.code === 'string') {
    const wire: WireError = { code: e.code as ErrorCode, message: String(e.message) };
    return Array.isArray(e.issues) ? { ...wire, issues: e.issues as WireIssue[] } : wire;
  }
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(error) };
}

function listen(): void {
  if (!parentPort) throw new Error('onRequest() is for worker files started by the worker host.');
  const port = parentPort;
  port.on('message', (message: WorkerRequest) => {
    if (message.type === 'abort') {
      running.get(message.id)?.abort();
      return;
    }
    const { id, type } = message;
    const handler = handlers.get(type);
    if (!handler) {
      port.postMessage({ id, type: 'error', error: { code: 'UNKNOWN_METHOD', message: `This worker has no task "${type}".` } } satisfies WorkerReply);
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    const flag = 'cancelFlag' in message ? message.cancelFlag : undefined;
    const context: TaskContext<unknown> = {
      progress: (progress) => port.postMessage({ id, type: 'progress', progress } satisfies WorkerReply),
      signal: controller.signal,
      cancelled: () => {
        if (flag && Atomics.load(flag, 0) !== 0) controller.abort();
        return controller.signal.aborted;
      },
    };
    Promise.resolve()
      .then(() => handler('payload' in message ? message.payload : undefined, context))
      .then(
        (result) => port.postMessage({ id, type: 'result', result } satisfies WorkerReply),
        (error: unknown) => port.postMessage({ id, type: 'error', error: toWireError(error) } satisfies WorkerReply),
      )
      // a result that cannot be cloned (a function, a class with private state) still answers the request
      .catch((error: unknown) => port.postMessage({ id, type: 'error', error: toWireError(error) } satisfies WorkerReply))
      .finally(() => running.delete(id));
  });
}

/** Registers the handler of one task type in a worker file. */
export function onRequest<Payload, Result, Progress = unknown>(
  type: string,
  handler: (payload: Payload, context: TaskContext<Progress>) => Result | Promise<Result>,
): void {
  if (handlers.size === 0) listen();
  handlers.set(type, handler as Handler);
}
