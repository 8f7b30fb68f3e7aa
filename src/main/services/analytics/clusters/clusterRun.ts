import { quotedIdentifier } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { segmentSpecSchema, tierNames } from '../../../../shared/analytics';
import type { ClusterRunArgs, ClusterRunReport } from '../../../../shared/clusters';
import { AppError, badArgument } from '../../../../shared/errors';
import { writeFileAtomic } from '../../files/atomicFile';
import type { Session, Sql } from '../../db/database';
import type { Job } from '../../jobs/jobs';
import type { Project } from '../../project/projectStore';
import { finishRun, startRun } from '../../runs/runs';
import type { WorkerHost } from '../../../workers/host';
import { addDays } from '../dates';
import { ensureReceiptFacts } from '../receiptFacts';
import { purchaseDateRange } from '../segmentSpec';
import { computeSegments, runSegmentTables } from '../segments';
import { buildClusterFeatures } from './features';
import { clusterProfiles } from './profiles';
import { clusterInWorker } from '../../../workers/trainInWorker';

/**
 * A clustering run: the window's per-customer features (DuckDB), the scaling, the k scan and the
 * K-means fit (in the training worker, so the app stays responsive), the profiles and names, the
 * cluster × tier grid, and every customer's cluster saved in customer_clusters with the scaling and
 * centroids under models/<runId>/ (new data is assigned to the nearest saved centroid). A failure
 * or a cancel leaves no half-written run.
 */
export async function runClusters(project: Project, args: ClusterRunArgs, job: Job, host: WorkerHost): Promise<ClusterRunReport> {
  const { db } = project;
  const started = performance.now();
  const window = args.window ?? (await purchaseDateRange(db));
  if (window.from > window.to) throw badArgument(`The window starts (${window.from}) after it ends (${window.to}).`, ['window'], 'rangeReversed', { ...window });
  const run = await project.commit(() => startRun(db, project.dir, { kind: 'clusters', settings: args, seed: args.seed, backend: 'js' }));
  const tables = runSegmentTables(run.tablePrefix);
  try {
    job.progress({ step: 'features', rowsDone: 0, fraction: 0.02 }, true);
    await project.commit(() => ensureReceiptFacts(db));
    const features = await buildClusterFeatures(db, window, args.features, args.categoryGroups);
    const n = features.customers.length;
    if (n === 0) throw badArgument(`No purchases from ${window.from} to ${window.to}.`, ['window'], 'periodEmpty', { ...window });
    const d = features.names.length;
    job.throwIfCancelled();
    const abort = new AbortController();
    job.onCancel(() => abort.abort());
    const total = args.k === 'auto' ? 11 : 1;
    const computed = await clusterInWorker(
      host,
      { x: features.x, n, d, names: features.names, log1p: args.logSkewed ? features.skewed : [], k: args.k, seed: args.seed, restarts: args.restarts },
      { signal: abort.signal, onProgress: (p) => job.progress({ step: `k=${p.k}`, rowsDone: n, fraction: 0.1 + (0.75 * p.done) / total }) },
    );
    job.throwIfCancelled();
    const { profiles, overallMeans } = clusterProfiles(features.x, n, d, computed.labels, computed.k, features.names);
    job.progress({ step: 'profiles', rowsDone: n, fraction: 0.9 }, true);
    const tierCross = await project.commit(() => clusterTiers(db, window, features.customers, computed.labels, computed.k, tables));
    const report: ClusterRunReport = {
      run: { id: run.runId, seconds: 0, seed: args.seed },
      window,
      featureGroup: args.features,
      features: features.names,
      constantFeatures: computed.scaler.constantFeatures.map((j) => features.names[j]),
      customers: n,
      k: computed.k,
      scan: computed.scan,
      suggestedK: computed.suggestedK,
      elbowK: computed.elbowK,
      silhouette: computed.silhouette,
      inertia: computed.inertia,
      overallMeans,
      profiles,
      tierCross,
      map: { x: computed.map.x, y: computed.map.y, cluster: computed.map.rows.map((i) => computed.labels[i]), explained: computed.map.explained },
    };
    const modelFile = join(run.dir, 'clusters.json');
    writeFileAtomic(modelFile, JSON.stringify({ features: features.names, groups: features.groups, scaler: computed.scaler, k: computed.k, centroids: computed.centroids }));
    report.run.seconds = (performance.now() - started) / 1000;
    await project.commit(async () => {
      await saveAssignments(db, run.runId, features.customers, computed.labels, profiles.map((p) => p.name.ko));
      for (const t of [tables.segments, tables.spec]) await db.run(`DROP TABLE IF EXISTS ${quotedIdentifier(t)}`);
      return finishRun(db, run.runId, { status: 'done', metrics: report as unknown as Record<string, unknown>, artifacts: [relative(project.dir, modelFile)] });
    });
    return report;
  } catch (error) {
    const cancelled = job.cancelled || (error instanceof AppError && error.code === 'CANCELLED');
    await project
      .commit(async () => {
        for (const t of [tables.segments, tables.spec]) await db.run(`DROP TABLE IF EXISTS ${quotedIdentifier(t)}`);
        await db.run(`DELETE FROM customer_clusters WHERE run_id = $1`, [run.runId]);
        await finishRun(db, run.runId, { status: cancelled ? 'cancelled' : 'failed', error: String((error as Error).message ?? error) });
      })
      .catch(() => undefined);
    rmSync(run.dir, { recursive: true, force: true });
    if (cancelled) throw new AppError('CANCELLED', 'The clustering was cancelled; nothing was kept and the project is unchanged.');
    throw error;
  }
}

/** Cluster × RFM tier of the window (default weights and shares, computed into the run's own tables). */
async function clusterTiers(db: Session, window: { from: string; to: string }, customers: string[], labels: Int32Array, k: number, tables: ReturnType<typeof runSegmentTables>): Promise<ClusterRunReport['tierCross']> {
  const summary = await computeSegments(db, segmentSpecSchema.parse({ window, asOf: addDays(window.to, 1) }), tables);
  const tiers = summary.tierCount;
  const rows = await db.all<{ customer_id: string; tier: number | null }>(`SELECT customer_id, tier FROM ${quotedIdentifier(tables.segments)}`);
  const tierOf = new Map(rows.map((r) => [r.customer_id, r.tier]));
  const counts = Array.from({ length: k }, () => new Array<number>(tiers).fill(0));
  customers.forEach((c, i) => {
    const t = tierOf.get(c);
    if (t !== null && t !== undefined) counts[labels[i]][t] += 1;
  });
  return { tiers: tierNames(summary.spec.tierNames, tiers, 'ko'), counts };
}

/** Replaces a run's saved assignments (customer, cluster, the cluster's current name). */
export async function saveAssignments(db: Sql, runId: string, customers: string[], labels: Int32Array, names: string[]): Promise<void> {
  await db.run(`DELETE FROM customer_clusters WHERE run_id = $1`, [runId]);
  for (let i = 0; i < customers.length; i += 2000) {
    const values: (string | number)[] = [runId];
    const rows: string[] = [];
    for (let j = i; j < Math.min(customers.length, i + 2000); j++) {
      values.push(customers[j], labels[j], names[labels[j]]);
      rows.push(`($${values.length - 2}, $${values.length - 1}::INTEGER, $${values.length})`);
    }
    await db.run(`INSERT INTO customer_clusters SELECT $1, c, k, nm FROM (VALUES ${rows.join(', ')}) v(c, k, nm)`, values);
  }
}
