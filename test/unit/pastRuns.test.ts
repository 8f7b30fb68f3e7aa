import { describe, expect, it } from 'vitest';
import { pastRuns, type RunsClient } from '../../src/renderer/src/components/pastRuns';
import type { RunInfo } from '../../src/shared/runs';

const run = (runId: string, status: RunInfo['status'], metrics: Record<string, unknown> | null = { best: runId }): RunInfo => ({
  runId,
  kind: 'recommend',
  status,
  settings: {},
  seed: 42,
  dataFingerprint: 'f',
  backend: 'js',
  startedAt: '2024-01-01T10:00:00',
  finishedAt: null,
  seconds: 1,
  metrics,
  artifacts: [],
  resultTables: [],
  error: null,
});

/** A fake runs service per project folder; `hold` keeps the next list of a project unanswered until released. */
function fakeClient(start: Record<string, RunInfo[]>) {
  const store = structuredClone(start);
  const calls: string[] = [];
  const held = new Map<string, () => void>();
  const holds = new Set<string>();
  const client: RunsClient = {
    runs: {
      list: async ({ project, kind }) => {
        calls.push(`list ${project} ${kind}`);
        if (holds.has(project)) {
          holds.delete(project);
          await new Promise<void>((resolve) => held.set(project, resolve));
        }
        return structuredClone(store[project] ?? []);
      },
      get: async ({ project, runId }) => {
        calls.push(`get ${project} ${runId}`);
        const found = store[project]?.find((r) => r.runId === runId);
        if (!found) throw new Error(`no run ${runId}`);
        return found;
      },
      delete: async ({ project, runId }) => {
        calls.push(`delete ${project} ${runId}`);
        const found = store[project].find((r) => r.runId === runId)!;
        store[project] = store[project].filter((r) => r !== found);
        return found;
      },
    },
  };
  return { client, calls, hold: (project: string) => holds.add(project), release: (project: string) => held.get(project)?.() };
}

describe('past runs of one kind', () => {
  it('lists the finished runs of the kind asked for, opens a run as its report, deletes one and answers the list after it', async () => {
    const fake = fakeClient({ '/p': [run('a', 'done'), run('b', 'failed', null), run('c', 'done')] });
    const runs = pastRuns(fake.client, 'recommend');
    expect((await runs.list('/p'))!.map((r) => r.runId)).toEqual(['a', 'c']);
    expect(await runs.report<{ best: string }>('/p', 'c')).toEqual({ best: 'c' });
    expect((await runs.remove('/p', 'a'))!.map((r) => r.runId)).toEqual(['c']);
    expect(fake.calls).toEqual(['list /p recommend', 'get /p c', 'delete /p a', 'list /p recommend']);
    await expect(runs.report('/p', 'a')).rejects.toThrow('no run a');
  });

  it('an older list answered after a newer one was asked for (another project opened) is dropped', async () => {
    const fake = fakeClient({ '/old': [run('x', 'done')], '/new': [run('y', 'done')] });
    const runs = pastRuns(fake.client, 'churn');
    fake.hold('/old');
    const older = runs.list('/old');
    const newer = await runs.list('/new');
    fake.release('/old');
    expect(newer!.map((r) => r.runId)).toEqual(['y']);
    expect(await older).toBeNull();
    // A cancel (the page went away) drops the one in flight too.
    fake.hold('/new');
    const gone = runs.list('/new');
    runs.cancel();
    fake.release('/new');
    expect(await gone).toBeNull();
  });
});
