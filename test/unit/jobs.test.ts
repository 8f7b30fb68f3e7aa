import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src/shared/contract';
import { JobRegistry } from '../../src/main/services/jobs/jobs';

describe('jobs', () => {
  it('throttle progress with an injected clock and always emit forced updates', async () => {
    let now = 0;
    const registry = new JobRegistry(() => now, 200);
    const seen: JobProgress[] = [];
    await registry.run('test', 'job-1', (p) => seen.push(p), async (job) => {
      for (let i = 1; i <= 10; i++) {
        now += 50; // 20 updates per second offered; at most 5 per second pass
        job.progress({ step: 'rows', rowsDone: i * 1000, fraction: i / 10 });
      }
      job.progress({ step: 'done', rowsDone: 10_000, fraction: 1 }, true);
    });
    expect(seen.map((p) => p.rowsDone)).toEqual([1000, 5000, 9000, 10_000]);
    expect(seen[1]).toMatchObject({ jobId: 'job-1', kind: 'test', rowsPerSecond: 20_000, fraction: 0.5 });
  });

  it('cancel runs the cancel handlers and the job ends as CANCELLED', async () => {
    const registry = new JobRegistry();
    let interrupted = false;
    const running = registry.run('test', 'job-2', () => undefined, async (job) => {
      job.onCancel(() => {
        interrupted = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      job.throwIfCancelled();
      return 'finished';
    });
    expect(registry.list()).toEqual(['job-2']);
    expect(registry.cancel('job-2')).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(interrupted).toBe(true);
    expect(registry.cancel('job-2')).toBe(false);
  });
});
