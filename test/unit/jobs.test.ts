import { describe, expect, it } from 'vitest';
import type { JobProgress, JobState } from '../../src/shared/contract';
import { JobRegistry, type JobEvents } from '../../src/main/services/jobs/jobs';

function recorder(): JobEvents & { progressSeen: JobProgress[]; finishedSeen: JobState[] } {
  const progressSeen: JobProgress[] = [];
  const finishedSeen: JobState[] = [];
  return { progressSeen, finishedSeen, progress: (p) => progressSeen.push(p), finished: (s) => finishedSeen.push(s) };
}

/** A promise the test settles by hand, so a job runs exactly as long as the test wants. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('jobs', () => {
  it('throttle progress with an injected clock and always emit forced updates', async () => {
    let now = 0;
    const registry = new JobRegistry(() => now, 200);
    const events = recorder();
    await registry.run('test', 'job-1', events, async (job) => {
      for (let i = 1; i <= 10; i++) {
        now += 50; // 20 updates per second offered; at most 5 per second pass
        job.progress({ step: 'rows', rowsDone: i * 1000, fraction: i / 10 });
      }
      job.progress({ step: 'done', rowsDone: 10_000, fraction: 1 }, true);
    });
    expect(events.progressSeen.map((p) => (p.detail.type === 'rows' ? p.detail.rowsDone : -1))).toEqual([1000, 5000, 9000, 10_000]);
    expect(events.progressSeen[1]).toMatchObject({ jobId: 'job-1', kind: 'test', fraction: 0.5, detail: { type: 'rows', rowsPerSecond: 20_000 } });
  });

  it('training progress carries its own detail', async () => {
    const registry = new JobRegistry(() => 0, 0);
    const events = recorder();
    await registry.run('train', undefined, events, async (job) => {
      job.progress({ step: 'epoch 1', fraction: 0.5, training: { phase: 'epoch', epoch: 1, epochs: 2, batch: 3, batches: 3, loss: 0.5, metrics: { auc: 0.7 }, samplesPerSecond: 1000 } }, true);
    });
    expect(events.progressSeen[0].detail).toEqual({ type: 'training', phase: 'epoch', epoch: 1, epochs: 2, batch: 3, batches: 3, loss: 0.5, metrics: { auc: 0.7 }, samplesPerSecond: 1000 });
  });

  it('cancel runs the cancel handlers and the job ends as CANCELLED, kept as cancelled', async () => {
    const registry = new JobRegistry();
    const events = recorder();
    let interrupted = false;
    const started = gate();
    const release = gate();
    const running = registry.run('test', 'job-2', events, async (job) => {
      job.onCancel(() => {
        interrupted = true;
        release.open();
      });
      started.open();
      await release.wait;
      job.throwIfCancelled();
      return 'finished';
    });
    await started.wait;
    expect(registry.running()).toEqual(['job-2']);
    expect(registry.cancel('job-2')).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(interrupted).toBe(true);
    expect(registry.cancel('job-2')).toBe(false);
    expect(registry.get('job-2')).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(events.finishedSeen.map((s) => s.status)).toEqual(['cancelled']);
  });

  it('issues ids, keeps the result of a finished job and lists running jobs first', async () => {
    const registry = new JobRegistry();
    const events = recorder();
    const done = await registry.run('test', undefined, events, async () => ({ answer: 42 }));
    expect(done).toEqual({ answer: 42 });
    const first = events.finishedSeen[0];
    expect(first.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(registry.get(first.jobId)).toMatchObject({ status: 'done', result: { answer: 42 }, error: null });

    const hold = gate();
    const id = registry.reserve('data.importLpoint', 'import', '/tmp/p');
    const running = registry.run('import', id, events, async () => {
      await hold.wait;
      return 'ok';
    });
    expect(registry.list().map((s) => [s.jobId, s.status])).toEqual([
      [id, 'running'],
      [first.jobId, 'done'],
    ]);
    expect(registry.get(id)).toMatchObject({ method: 'data.importLpoint', project: '/tmp/p', status: 'running' });
    hold.open();
    await running;
    expect(registry.get(id)).toMatchObject({ status: 'done', result: 'ok' });
    await expect(registry.run('import', id, events, async () => 'again')).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });

  it('a failed job keeps its error; a reserved job cancelled before its work starts never runs it', async () => {
    const registry = new JobRegistry();
    const events = recorder();
    await expect(registry.run('test', 'bad', events, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(registry.get('bad')).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: 'Unexpected error: disk full' } });

    const id = registry.reserve('data.generateSample', 'generate', null);
    expect(registry.cancel(id)).toBe(true);
    let ran = false;
    await expect(
      registry.run('generate', id, events, async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(ran).toBe(false);
    expect(registry.get(id).status).toBe('cancelled');
  });

  it('keeps only the newest finished jobs', async () => {
    const registry = new JobRegistry(() => 0, 200, 2);
    const events = recorder();
    for (const id of ['a', 'b', 'c']) await registry.run('test', id, events, async () => id);
    expect(registry.list().map((s) => s.jobId).sort()).toEqual(['b', 'c']);
    expect(() => registry.get('a')).toThrow(/no job with id a/);
  });
});
