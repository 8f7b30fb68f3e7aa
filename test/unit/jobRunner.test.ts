import { describe, expect, it } from 'vitest';
import { CallError } from '../../src/shared/api';
import type { Events, JobState, JobStatus } from '../../src/shared/contract';
import type { WireError } from '../../src/shared/errors';
import { jobRunner, type JobClient } from '../../src/renderer/src/api/jobRunner';
import { jobFigures } from '../../src/renderer/src/components/jobFigures';

type Finished = Events['job.finished'];

/** A fake client: the test decides when a job ends and whether its event is delivered. */
function fakeClient(options: { endDuringStart?: { status: JobStatus; event: boolean } } = {}) {
  const log: string[] = [];
  const listeners = new Set<(f: Finished) => void>();
  const connected = new Set<() => void>();
  const states = new Map<string, JobState>();
  let n = 0;
  const state = (jobId: string): JobState => ({
    jobId,
    kind: 'import',
    method: 'data.importLpoint',
    project: '/p',
    status: 'running',
    startedAt: '2021-01-01T00:00:00.000Z',
    finishedAt: null,
    seconds: 0,
    progress: null,
    result: undefined,
    error: null,
  });
  const end = (jobId: string, status: JobStatus, { event = true, result, error = null }: { event?: boolean; result?: unknown; error?: WireError | null } = {}) => {
    Object.assign(states.get(jobId)!, { status, result, error, finishedAt: '2021-01-01T00:00:01.000Z' });
    if (event) for (const l of [...listeners]) l({ jobId, kind: 'import', ok: status === 'done', cancelled: status === 'cancelled', seconds: 1, status });
  };
  const client: JobClient = {
    on: ((event: string, listener: (f: Finished) => void) => {
      log.push(`on ${event}`);
      listeners.add(listener);
      return () => listeners.delete(listener);
    }) as JobClient['on'],
    jobs: {
      start: async ({ method }) => {
        log.push(`start ${method}`);
        const jobId = `job-${++n}`;
        states.set(jobId, state(jobId));
        const during = options.endDuringStart;
        if (during) end(jobId, during.status, { event: during.event, result: { rows: 7 } });
        return { jobId };
      },
      get: async ({ jobId }) => {
        log.push(`get ${jobId}`);
        const s = states.get(jobId);
        if (!s) throw new CallError('NOT_FOUND', `no job ${jobId}`);
        return { ...s };
      },
    },
  };
  const onConnected = (l: () => void) => {
    connected.add(l);
    return () => connected.delete(l);
  };
  return { client, onConnected, end, log, listeners, reconnect: () => [...connected].forEach((l) => l()) };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const args = { project: '/p', folder: '/f' };

describe('runJob: jobs with server-issued ids, waited for by their job.finished event', () => {
  it('subscribes before starting, answers the result after job.finished, and unsubscribes', async () => {
    const fake = fakeClient();
    const { runJob } = jobRunner(fake.client, fake.onConnected);
    const running = runJob('data.importLpoint', args);
    await settle();
    expect(fake.log.slice(0, 2)).toEqual(['on job.finished', 'start data.importLpoint']);
    fake.end('job-1', 'done', { result: { files: [] } });
    expect(await running).toEqual({ files: [] });
    expect(fake.listeners.size).toBe(0);
  });

  it('tells onJobStarted the server-issued id', async () => {
    const fake = fakeClient();
    const runner = jobRunner(fake.client, fake.onConnected);
    const started: string[] = [];
    runner.onJobStarted((id, method) => started.push(`${method} ${id}`));
    const running = runner.runJob('data.importLpoint', args);
    await settle();
    expect(started).toEqual(['data.importLpoint job-1']);
    fake.end('job-1', 'done', { result: 1 });
    expect(await running).toBe(1);
  });

  it('a job that ended before its id was known (event before the start answer) still resolves', async () => {
    const fake = fakeClient({ endDuringStart: { status: 'done', event: true } });
    const { runJob } = jobRunner(fake.client, fake.onConnected);
    expect(await runJob('data.importLpoint', args)).toEqual({ rows: 7 });
  });

  it('a job whose event the subscription never saw is found ended by jobs.get after subscribing', async () => {
    const fake = fakeClient({ endDuringStart: { status: 'done', event: false } });
    const { runJob } = jobRunner(fake.client, fake.onConnected);
    expect(await runJob('data.importLpoint', args)).toEqual({ rows: 7 });
  });

  it('an event lost while the stream was disconnected is made good on reconnect', async () => {
    const fake = fakeClient();
    const { runJob } = jobRunner(fake.client, fake.onConnected);
    let result: unknown = 'pending';
    void runJob('data.importLpoint', args).then((r) => (result = r));
    await settle();
    fake.end('job-1', 'done', { event: false, result: 'loaded' });
    await settle();
    expect(result).toBe('pending'); // nothing told it yet
    fake.reconnect();
    await settle();
    expect(result).toBe('loaded');
  });

  it('a failed job throws a CallError with its code; a cancelled one CANCELLED (the banner and the notice)', async () => {
    const fake = fakeClient();
    const { runJob } = jobRunner(fake.client, fake.onConnected);
    const failing = runJob('data.importLpoint', args);
    await settle();
    // A keyed error's issue comes along, so the banner words it in the UI language.
    const issues = [{ path: [], message: 'no files', code: 'custom', key: 'noLpointFiles', params: { folder: '/f' } }];
    fake.end('job-1', 'failed', { error: { code: 'NO_LPOINT_FILES', message: 'no files', issues } });
    const failure = await failing.catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CallError);
    expect(failure).toMatchObject({ code: 'NO_LPOINT_FILES', message: 'no files', issues });

    const cancelling = runJob('data.importLpoint', args);
    await settle();
    fake.end('job-2', 'cancelled', { error: { code: 'CANCELLED', message: 'cancelled' } });
    await expect(cancelling).rejects.toMatchObject({ name: 'CallError', code: 'CANCELLED' });
  });

  it('waitForJob attaches to a job started before (after a reload)', async () => {
    const fake = fakeClient();
    const runner = jobRunner(fake.client, fake.onConnected);
    const { jobId } = await fake.client.jobs.start({ method: 'project.openSample', args: {} });
    const waiting = runner.waitForJob<string>(jobId);
    await settle();
    fake.end(jobId, 'done', { result: '/sample' });
    expect(await waiting).toBe('/sample');
  });
});

describe('the job tray figures for each progress detail', () => {
  it('rows: rows done and rows per second', () => {
    expect(jobFigures({ type: 'rows', rowsDone: 1_234_567, rowsPerSecond: 250_000 }, 'ko')).toBe('1,234,567 행 · 250,000 행/초');
  });

  it('training: epoch, batch, loss, metrics and samples per second', () => {
    const text = jobFigures(
      { type: 'training', phase: 'epoch', epoch: 3, epochs: 10, batch: 12, batches: 40, loss: 0.123456, metrics: { auc: 0.81 }, samplesPerSecond: 75_123.4 },
      'en',
    );
    expect(text).toBe('epoch 3/10 · batch 12/40 · loss 0.1235 · auc 0.8100 · 75,123 samples/s');
  });
});
