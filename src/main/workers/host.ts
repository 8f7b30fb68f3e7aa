// One worker host for all four runtimes: Electron main (out/main), browser mode and the CLI (out/node),
// and TypeScript from source (vitest, tsx). See docs/workers.md.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { WorkerReply, WorkerRequest } from './protocol';

const here = fileURLToPath(import.meta.url);

/**
 * The file of the worker `name` (source `src/main/workers/<name>.worker.ts`) for the code running now:
 * from source it is that .ts file; from a bundle (out/main/index.js, out/node/cli.mjs, out/node/server.mjs)
 * it is `workers/<name>.worker.<js|mjs>` next to the bundle, with the bundle's own extension.
 */
export function workerFile(name: string): string {
  const ext = extname(here);
  if (ext === '.ts') return join(dirname(here), `${name}.worker.ts`);
  return join(dirname(here), 'workers', `${name}.worker${ext}`);
}

const live = new Set<Worker>();

/** Worker threads started by any host and not yet exited. */
export function liveWorkers(): number {
  return live.size;
}

/**
 * A .ts worker file runs through tsx. `execArgv: ['--import', 'tsx']` does not reach a worker's entry
 * on Node 20 (ERR_UNKNOWN_FILE_EXTENSION), so a one-line bootstrap registers tsx, then imports the file.
 */
function startWorker(file: string): Worker {
  if (extname(file) !== '.ts') return new Worker(file);
  const tsxApi = join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return new Worker(code, { eval: true });
}

export interface RequestOptions<Progress> {
  onProgress?: (progress: Progress) => void;
  /** On abort the worker gets `{id, type:'abort'}`; after the grace period it is terminated. */
  signal?: AbortSignal;
}

export interface WorkerHostOptions {
  /** How long an aborted task may take to end before the worker is terminated (default 2000 ms). */
  graceMs?: number;
}

interface Pending {
  worker: Worker;
  resolve(result: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: never) => void;
  aborted: boolean;
  cleanup(): void;
}

const cancelled = () => new AppError('CANCELLED', 'The work was cancelled.');

/**
 * Starts one worker file on the first request and keeps it for the next ones (a long-lived worker);
 * a worker that crashed or was terminated is started again by the next request.
 */
export class WorkerHost {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly graceMs: number;

  constructor(
    readonly file: string,
    options: WorkerHostOptions = {},
  ) {
    this.graceMs = options.graceMs ?? 2000;
  }

  /** The running worker's thread id, or null when none runs. */
  get threadId(): number | null {
    return this.worker?.threadId ?? null;
  }

  /** Runs task `type` in the worker. Rejects with the worker's `{code, message}`, CANCELLED after an abort, INTERNAL on a crash. */
  request<Result, Progress = unknown>(type: string, payload: unknown, options: RequestOptions<Progress> = {}): Promise<Result> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(cancelled());
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    return new Promise<Result>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        entry.aborted = true;
        Atomics.store(cancelFlag, 0, 1);
        worker.postMessage({ id, type: 'abort' } satisfies WorkerRequest);
        timer = setTimeout(() => void worker.terminate(), this.graceMs);
      };
      const entry: Pending = {
        worker,
        resolve: resolve as (result: unknown) => void,
        reject,
        onProgress: onProgress as ((progress: never) => void) | undefined,
        aborted: false,
        cleanup: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          this.pending.delete(id);
          if (this.pending.size === 0) worker.unref();
        },
      };
      this.pending.set(id, entry);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.ref();
      worker.postMessage({ id, type, payload, cancelFlag } satisfies WorkerRequest);
    });
  }

  /** Terminates the worker; requests still running reject with CANCELLED. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    for (const entry of this.pending.values()) if (entry.worker === worker) entry.aborted = true;
    await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    if (!existsSync(this.file)) throw new AppError('INTERNAL', `The worker file ${this.file} is missing; run: npm run build`);
    const worker = startWorker(this.file);
    let crash: Error | undefined;
    live.add(worker);
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (error) => (crash = error));
    worker.on('exit', (code) => {
      live.delete(worker);
      if (this.worker === worker) this.worker = null;
      const why = crash ? crash.message : `exit code ${code}`;
      for (const entry of [...this.pending.values()]) {
        if (entry.worker !== worker) continue;
        entry.cleanup();
        entry.reject(entry.aborted ? cancelled() : new AppError('INTERNAL', `The worker ${basename(this.file)} stopped unexpectedly: ${why}`));
      }
    });
    this.worker = worker;
    return worker;
  }

  private onReply(reply: WorkerReply): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    if (reply.type === 'progress') {
      if (!entry.aborted) entry.onProgress?.(reply.progress as never);
      return;
    }
    entry.cleanup();
    if (entry.aborted) entry.reject(reply.type === 'error' && reply.error.code === 'CANCELLED' ? new AppError('CANCELLED', reply.error.message) : cancelled());
    // The issues travel too: a keyed error is worded in the UI language from them.
    else if (reply.type === 'error') entry.reject(new AppError(reply.error.code, reply.error.message, reply.error.issues));
    else entry.resolve(reply.result);
  }
}

/** Starts the worker `name`, runs one task, and ends the worker: the promise settles once the thread is gone. */
export async function runInWorker<Result, Progress = unknown>(
  name: string,
  type: string,
  payload: unknown,
  options: RequestOptions<Progress> & WorkerHostOptions = {},
): Promise<Result> {
  const host = new WorkerHost(workerFile(name), options);
  try {
    return await host.request<Result, Progress>(type, payload, options);
  } finally {
    await host.close();
  }
}
