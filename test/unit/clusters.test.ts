import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterRunReport } from '../../src/shared/clusters';
import type { RunInfo } from '../../src/shared/runs';
import { dispatch } from '../../src/main/transport/dispatch';
import { DEFAULT_CATEGORY_GROUPS, resolveGroups } from '../../src/main/services/analytics/clusters';
import { harness, type Harness } from '../helpers';

let h: Harness;
let project: string;
let manifest: string;

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 2000, seed: 13 });
  manifest = join(data, 'GENERATOR_MANIFEST.json');
  project = join(h.root, 'p');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
}, 180_000);
afterAll(() => h?.close());

const run = (args: Record<string, unknown>) => h.call<ClusterRunReport>('clusters.run', { project, ...args });

describe('customer clusters', () => {
  it('auto k: scans 2..12, fits the suggested k, profiles and names every cluster, saves every customer\'s cluster; finds the planted archetypes', async () => {
    const report = await run({ seed: 3 });
    expect(report.scan.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(report.k).toBe(report.suggestedK);
    const best = Math.max(...report.scan.map((r) => r.silhouette ?? -1));
    expect(report.silhouette).toBe(best);
    // Inertia falls with k.
    for (let i = 1; i < report.scan.length; i++) expect(report.scan[i].inertia).toBeLessThan(report.scan[i - 1].inertia * 1.001);
    expect(report.profiles).toHaveLength(report.k);
    expect(report.profiles.reduce((s, p) => s + p.size, 0)).toBe(report.customers);
    expect(new Set(report.profiles.map((p) => p.name.ko)).size).toBe(report.k);
    for (const p of report.profiles) {
      expect(p.traits.length).toBeGreaterThan(0);
      for (const t of p.traits) expect(Number.isFinite(t.z)).toBe(true);
    }
    // Every buyer of the window, once; the saved assignment agrees with the profile sizes.
    const db = (await h.services.projects.get(project)).db;
    const buyers = (await db.one<{ n: number }>(`SELECT count(DISTINCT customer_id)::BIGINT AS n FROM purchases`))!.n;
    expect(report.customers).toBe(buyers);
    const sizes = await db.all<{ cluster: number; n: number }>(`SELECT cluster, count(*)::BIGINT AS n FROM customer_clusters WHERE run_id = $1 GROUP BY 1 ORDER BY 1`, [report.run.id]);
    expect(sizes.map((s) => s.n)).toEqual(report.profiles.map((p) => p.size));
    // The cluster × tier grid counts every clustered customer with a tier.
    expect(report.tierCross.counts.flat().reduce((a, b) => a + b, 0)).toBe(report.customers);
    expect(report.map.x.length).toBe(Math.min(3000, report.customers));
    // New data is placed with the saved scaling and centroids (nearest centroid): on the same data, exactly the fitted clusters.
    const placed = await h.call<{ customers: number; sizes: number[]; moved: number; added: number }>('clusters.assign', { project, runId: report.run.id });
    expect(placed).toMatchObject({ customers: report.customers, moved: 0, added: 0 });
    expect(placed.sizes).toEqual(report.profiles.map((p) => p.size));
    // A shorter window: fewer customers, each placed in one of the run's clusters.
    const h1 = await h.call<{ customers: number; sizes: number[] }>('clusters.assign', { project, runId: report.run.id, window: { from: '2021-01-01', to: '2021-06-30' } });
    expect(h1.customers).toBeLessThan(report.customers);
    expect(h1.sizes.reduce((a, b) => a + b, 0)).toBe(h1.customers);
    expect((await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM customer_clusters WHERE run_id = $1`, [report.run.id]))!.n).toBe(h1.customers);
    await h.call('clusters.assign', { project, runId: report.run.id });
    // The clusters find the generator's planted shopper archetypes (far above chance: ARI 0).
    const truth = await h.call<{ ari: number; customers: number }>('clusters.compareTruth', { project, runId: report.run.id, truth: manifest });
    expect(truth.customers).toBe(report.customers);
    expect(truth.ari).toBeGreaterThan(0.3);
  }, 180_000);

  it('a fixed k on one feature group; the same seed gives the same clusters; the CSV has one row per customer in Korean', async () => {
    const a = await run({ k: 4, features: 'behaviour', seed: 8 });
    const b = await run({ k: 4, features: 'behaviour', seed: 8 });
    expect(a.scan).toEqual([]);
    expect(a.k).toBe(4);
    expect(a.features.some((f) => f.startsWith('cat_share_'))).toBe(false);
    expect(a.profiles.map((p) => p.size)).toEqual(b.profiles.map((p) => p.size));
    expect(a.inertia).toBe(b.inertia);
    const out = join(h.root, 'clusters.csv');
    const written = await h.call<{ rows: number }>('clusters.exportCsv', { project, runId: a.run.id, out });
    expect(written.rows).toBe(a.customers);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF고객번호,군집,군집 이름')).toBe(true);
    expect(text.trimEnd().split(/\r?\n/)).toHaveLength(a.customers + 1);
    // Renaming keeps the analyst's word on the run; a name another cluster has is refused.
    await h.call('clusters.rename', { project, runId: a.run.id, cluster: 1, name: '주말 가족' });
    const reopened = (await h.call<RunInfo>('runs.get', { project, runId: a.run.id })).metrics as unknown as ClusterRunReport;
    expect(reopened.profiles[1].name).toEqual({ ko: '주말 가족', en: '주말 가족' });
    expect(await dispatch(h.handlers, 'clusters.rename', { project, runId: a.run.id, cluster: 2, name: '주말 가족' }, h.ctx)).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', issues: [{ key: 'clusterNameTaken' }] },
    });
    // The latest clustering is a customer filter everywhere (Overview, Segments): by the clusters' current names.
    const filters = await h.call<{ field: string; name?: string; values: { value: string; customers: number }[] }[]>('data.customerAttributes', { project });
    const byCluster = filters.find((f) => f.field === 'cluster')!;
    expect(byCluster.name).toBe(b.run.id);
    expect(byCluster.values.map((v) => v.value)).toEqual(b.profiles.map((p) => p.name.ko));
    await h.call('clusters.rename', { project, runId: b.run.id, cluster: 0, name: '첫 군집' });
    const segments = await h.call<{ all: { customers: number } }>('segments.compute', {
      project,
      customers: { field: 'cluster', name: b.run.id, values: ['첫 군집'] },
    });
    expect(segments.all.customers).toBe(b.profiles[0].size);
    // … and a column of the segments CSV.
    const segCsv = join(h.root, 'segments.csv');
    await h.call('segments.exportCsv', { project, out: segCsv });
    const segLines = readFileSync(segCsv, 'utf8').trimEnd().split(/\r?\n/);
    expect(segLines[0].endsWith(',고객 군집')).toBe(true);
    expect(segLines.slice(1).every((l) => l.endsWith(',첫 군집'))).toBe(true);
    // Deleting the run takes its assignments with it.
    await h.call('runs.delete', { project, runId: b.run.id });
    const db = (await h.services.projects.get(project)).db;
    expect((await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM customer_clusters WHERE run_id = $1`, [b.run.id]))!.n).toBe(0);
  }, 180_000);

  it('bad input: a window without purchases, a cluster that does not exist, a manifest of other data — clear errors, nothing half-written', async () => {
    const before = new Set((await h.call<RunInfo[]>('runs.list', { project, kind: 'clusters' })).map((r) => r.runId));
    const empty = await dispatch(h.handlers, 'clusters.run', { project, window: { from: '2030-01-01', to: '2030-06-30' } }, h.ctx);
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', issues: [{ path: ['window'], key: 'periodEmpty' }] } });
    const runs = await h.call<RunInfo[]>('runs.list', { project, kind: 'clusters' });
    expect(runs.length).toBe(before.size + 1);
    // The new run (found by id: two runs may share a start time to the clock's resolution) failed and kept nothing.
    expect(runs.find((r) => !before.has(r.runId))).toMatchObject({ status: 'failed', artifacts: [] });
    const done = runs.find((r) => r.status === 'done')!;
    expect(await dispatch(h.handlers, 'clusters.rename', { project, runId: done.runId, cluster: 40, name: 'x' }, h.ctx)).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', issues: [{ key: 'clusterMissing' }] },
    });
    const other = join(h.root, 'other.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(other, JSON.stringify({ groundTruth: { archetypes: { ko: ['a'], byCustomer: '000' } } }));
    expect(await dispatch(h.handlers, 'clusters.compareTruth', { project, runId: done.runId, truth: other }, h.ctx)).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', issues: [{ key: 'manifestMismatch' }] },
    });
  }, 120_000);

  it('category groups: the default map merges the catalogue; unknown categories keep their name, the smallest merge into 기타 past 14 groups', () => {
    expect(DEFAULT_CATEGORY_GROUPS['축산물']).toBe('신선식품');
    const own = Array.from({ length: 20 }, (_, i) => ({ category: `cat${i}`, lines: 100 - i }));
    const groups = resolveGroups(own, {});
    expect(new Set(groups.values()).size).toBe(14);
    expect(groups.get('cat0')).toBe('cat0');
    expect(groups.get('cat19')).toBe('기타');
  });
});
