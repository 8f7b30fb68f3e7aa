import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeSegments, loadSegments, runSegmentTables } from '../../src/main/services/analytics';
import { dataFingerprint, finishRun, startRun } from '../../src/main/services/runs/runs';
import { segmentSpecSchema } from '../../src/shared/analytics';
import type { RunInfo } from '../../src/shared/runs';
import { fixtureCopy, harness, type Harness } from '../helpers';

let h: Harness;
let project: string;
beforeEach(async () => {
  h = harness();
  project = join(h.root, 'project');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: fixtureCopy('lpoint', h.root) });
});
afterEach(() => h.close());

describe('the run registry', () => {
  it('records a run with its settings, seed, data fingerprint and files, listable and reloadable', async () => {
    const run = await h.services.projects.write(project, 'test run', async (p) => {
      const started = await startRun(p.db, p.dir, { kind: 'validation', settings: { cutoff: '2021-03-31' }, seed: 7, backend: 'cpu' });
      writeFileSync(join(started.dir, 'model.json'), '{}');
      return { started, done: await finishRun(p.db, started.runId, { status: 'done', metrics: { auc: 0.71 }, artifacts: [relative(p.dir, join(started.dir, 'model.json'))] }) };
    });
    expect(run.done).toMatchObject({ kind: 'validation', status: 'done', seed: 7, backend: 'cpu', settings: { cutoff: '2021-03-31' }, metrics: { auc: 0.71 } });
    expect(run.done.artifacts).toEqual([join('models', run.started.runId, 'model.json')]);
    expect(run.done.seconds).toBeGreaterThanOrEqual(0);
    expect(run.done.dataFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(existsSync(join(project, 'models', run.started.runId, 'model.json'))).toBe(true);

    const listed = await h.call<RunInfo[]>('runs.list', { project });
    expect(listed.map((r) => r.runId)).toEqual([run.started.runId]);
    expect(await h.call<RunInfo>('runs.get', { project, runId: run.started.runId })).toEqual(run.done);
    expect(await h.call<RunInfo[]>('runs.list', { project, kind: 'churn' })).toEqual([]);
    await expect(h.call('runs.get', { project, runId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the data fingerprint changes when the data does', async () => {
    const before = await h.services.projects.read(project, (p) => dataFingerprint(p.db));
    const extra = fixtureCopy('lpoint', join(h.root, 'again'));
    writeFileSync(join(extra, 'LPOINT_BIG_COMP_01_DEMO.csv'), 'cust,ma_fem_dv,ages,zon_hlv\r\nM999999999,여성,40대,Z10\r\n');
    await h.call('data.importLpoint', { project, folder: extra, replace: true });
    const after = await h.services.projects.read(project, (p) => dataFingerprint(p.db));
    expect(after).not.toBe(before);
  });

  it('a run writes segments to its own tables and leaves the saved segments as they were', async () => {
    await h.call('segments.compute', { project, weights: [0.3, 0.2, 0.5] });
    const load = async () => ({ ...(await h.call<{ timingsMs: unknown }>('segments.load', { project })), timingsMs: null });
    const saved = await load();
    const runTables = await h.services.projects.write(project, 'test run', async (p) => {
      const run = await startRun(p.db, p.dir, { kind: 'validation', settings: {}, seed: null });
      const tables = runSegmentTables(run.tablePrefix);
      const summary = await computeSegments(p.db, segmentSpecSchema.parse({ weights: [1, 0, 0] }), tables);
      expect(summary.spec.weights).toEqual([1, 0, 0]);
      await finishRun(p.db, run.runId, { status: 'done', resultTables: [tables.segments, tables.spec] });
      return tables;
    });
    expect(await load()).toEqual(saved);
    const fromRun = await h.services.projects.read(project, (p) => loadSegments(p.db, runTables));
    expect(fromRun.spec.weights).toEqual([1, 0, 0]);
  });
});
