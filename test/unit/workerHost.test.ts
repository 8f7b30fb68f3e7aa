import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { generateLpoint } from '../../src/main/services/generator';
import { AppError } from '../../src/shared/errors';
import { generateInWorker, type GenerateProgress } from '../../src/main/workers/generateInWorker';
import { liveWorkers, WorkerHost, workerFile } from '../../src/main/workers/host';
import { FIXTURES, tempDir } from '../helpers';

const tmp = tempDir('cw-workers-');
afterAll(() => tmp.cleanup());

const TASKS = join(FIXTURES, 'workers', 'tasks.worker.ts');
const hosts: WorkerHost[] = [];
const host = (graceMs?: number) => {
  const h = new WorkerHost(TASKS, { graceMs });
  hosts.push(h);
  return h;
};
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

/** Resolves with the first progress message; the returned controls abort the request. */
function started() {
  const controller = new AbortController();
  let markStarted!: () => void;
  const isStarted = new Promise<void>((r) => (markStarted = r));
  return { signal: controller.signal, onProgress: () => markStarted(), isStarted, abort: () => controller.abort() };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: { code?: string; message: string }) => ({ code: e.code, message: e.message }),
  );

describe('worker host', () => {
  it('runs the source worker file through tsx in vitest', () => {
    expect(workerFile('generate')).toBe(join(import.meta.dirname, '..', '..', 'src', 'main', 'workers', 'generate.worker.ts'));
  });

  it('answers requests from one long-lived worker', async () => {
    const h = host();
    const a = await h.request<{ payload: unknown; threadId: number }>('echo', { n: 1 });
    const b = await h.request<{ payload: unknown; threadId: number }>('echo', [2]);
    expect(a.payload).toEqual({ n: 1 });
    expect(b.payload).toEqual([2]);
    expect(b.threadId).toBe(a.threadId);
    expect(h.threadId).toBe(a.threadId);
  });

  it("passes the worker's error code and message", async () => {
    expect(await codeOf(host().request('fail', null))).toEqual({ code: 'BAD_FILE', message: 'The file has no header line.' });
    expect(await codeOf(host().request('nope', null))).toMatchObject({ code: 'UNKNOWN_METHOD' });
  });

  it("passes a keyed error's issues, so the app words it in its language", async () => {
    const failed = await host().request('failKeyed', null).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AppError);
    expect(failed).toMatchObject({
      code: 'BAD_FILE',
      message: 'a.csv is empty: there is nothing to import.',
      issues: [{ path: [], key: 'fileEmpty', params: { file: 'a.csv' } }],
    });
  });

  it('rejects with a clear error when the worker crashes, and starts a fresh one next time', async () => {
    const h = host();
    const first = await h.request<{ threadId: number }>('echo', null);
    const crash = await codeOf(h.request('crash', null));
    expect(crash).toEqual({ code: 'INTERNAL', message: 'The worker tasks.worker.ts stopped unexpectedly: worker blew up' });
    const again = await h.request<{ threadId: number }>('echo', null);
    expect(again.threadId).not.toBe(first.threadId);
  });

  it('an aborted task that ends by itself keeps its worker', async () => {
    const h = host(60_000);
    const s = started();
    const pending = codeOf(h.request('untilAborted', null, s));
    await s.isStarted;
    const thread = h.threadId;
    s.abort();
    expect(await pending).toEqual({ code: 'CANCELLED', message: 'Stopped on request.' });
    expect(h.threadId).toBe(thread);
    expect((await h.request<{ threadId: number }>('echo', null)).threadId).toBe(thread);
  });

  it('terminates a worker that ignores the abort after the grace period', async () => {
    const h = host(50);
    const s = started();
    const pending = codeOf(h.request('stubborn', null, s));
    await s.isStarted;
    const before = liveWorkers();
    s.abort();
    expect(await pending).toMatchObject({ code: 'CANCELLED' });
    expect(h.threadId).toBeNull();
    expect(liveWorkers()).toBe(before - 1);
  });

  it('refuses at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await codeOf(host().request('echo', null, { signal: controller.signal }))).toMatchObject({ code: 'CANCELLED' });
  });
});

describe('generateInWorker', () => {
  const files = (dir: string) => readdirSync(dir).sort();

  it('writes the same bytes as generateLpoint in-process, with progress', async () => {
    const inProcess = join(tmp.dir, 'in-process');
    const inWorker = join(tmp.dir, 'in-worker');
    const expected = await generateLpoint({ out: inProcess, customers: 50, seed: 42 });
    const seen: GenerateProgress[] = [];
    const report = await generateInWorker({ out: inWorker, customers: 50, seed: 42 }, { onProgress: (p) => seen.push(p) });
    expect(report.files).toEqual(expected.files);
    expect(report.defects).toEqual(expected.defects);
    expect(files(inWorker)).toEqual(files(inProcess));
    expect(files(inWorker)).toHaveLength(7);
    for (const name of files(inProcess)) expect(readFileSync(join(inWorker, name)), name).toEqual(readFileSync(join(inProcess, name)));
    expect(seen[0].step).toBe('catalog');
    expect(seen.some((p) => p.step === 'customers')).toBe(true);
    expect(seen.at(-1)).toMatchObject({ step: 'done', fraction: 1 });
    expect(liveWorkers()).toBe(0);
  });

  it('passes the generator’s argument errors', async () => {
    const failed = await codeOf(generateInWorker({ out: join(tmp.dir, 'bad'), customers: 0 }));
    expect(failed).toEqual({ code: 'BAD_ARGUMENT', message: 'customers must be a whole number from 1 to 1,000,000.' });
  });

  it('stops on abort mid-run: CANCELLED from the generator itself, and the thread is gone', async () => {
    const controller = new AbortController();
    const fractions: number[] = [];
    const run = generateInWorker(
      { out: join(tmp.dir, 'aborted'), customers: 5_000, seed: 1 },
      {
        // a long grace: the generator must stop by its own check, not by terminate()
        graceMs: 60_000,
        signal: controller.signal,
        onProgress: (p) => {
          fractions.push(p.fraction);
          if (p.step === 'customers' && p.fraction > 0) controller.abort();
        },
      },
    );
    expect(await codeOf(run)).toEqual({ code: 'CANCELLED', message: 'The sample data generation was cancelled.' });
    expect(fractions.at(-1)).toBeLessThan(1);
    expect(liveWorkers()).toBe(0);
  });
});
