import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DateWindow } from '../../../../shared/analytics';
import type { ClusterRunArgs } from '../../../../shared/clusters';
import { keyedError } from '../../../../shared/errors';
import type { Sql } from '../../db/database';
import { assign, scaleRows } from '../../models/kmeans';
import { finishedClusterRun } from './finishedRun';
import { purchaseDateRange } from '../segmentSpec';
import { buildClusterFeatures } from './features';
import { saveAssignments } from './clusterRun';
import type { Project } from '../../project/projectStore';

/** What a clustering run saved (models/<runId>/clusters.json): enough to place new customers. */
interface SavedClusters {
  features: string[];
  groups: Record<string, string>;
  scaler: { means: number[]; sds: number[]; log1p: number[]; constantFeatures: number[] };
  k: number;
  centroids: number[];
}

export interface ClusterAssignment {
  runId: string;
  window: DateWindow;
  customers: number;
  /** Customers per cluster (index = cluster). */
  sizes: number[];
  /** Customers whose cluster differs from the run's saved one (0 on the data the run was fitted on). */
  moved: number;
  /** Customers the run had not clustered (new since, or outside its window). */
  added: number;
}

/**
 * Places the customers of a window (default: all the data now) with a run's saved scaling and
 * centroids: the nearest centroid, which is exactly how K-means assigns (no second model needed).
 * The features are built the same way (the run's feature group and category groups); a feature the
 * run knew that the new window lacks (a chain nobody used) counts 0. The run's saved assignments are
 * replaced, so filters and exports follow the new data.
 */
export async function assignClusters(db: Sql, projectDir: string, runId: string, window?: DateWindow): Promise<{ assignment: ClusterAssignment; customers: string[]; labels: Int32Array }> {
  const { run } = await finishedClusterRun(db, runId);
  const file = join(projectDir, 'models', runId, 'clusters.json');
  if (!existsSync(file)) throw keyedError('NOT_FOUND', `The run's model file is missing (clusters.json); run the clustering again.`, 'runMissingModel', { file: 'clusters.json' });
  let saved: SavedClusters;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as SavedClusters;
  } catch {
    throw keyedError('BAD_FILE', `The model file clusters.json is damaged (not JSON); run the clustering again.`, 'modelFileNotJson', { file: 'clusters.json' });
  }
  const settings = run.settings as unknown as ClusterRunArgs;
  const at = window ?? (await purchaseDateRange(db));
  const built = await buildClusterFeatures(db, at, settings.features, saved.groups);
  const d = saved.features.length;
  const n = built.customers.length;
  // The run's columns, in its order.
  const source = saved.features.map((name) => built.names.indexOf(name));
  const rows = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) rows[i * d + j] = source[j] >= 0 ? built.x[i * built.names.length + source[j]] : 0;
  const params = {
    d,
    means: Float64Array.from(saved.scaler.means),
    sds: Float64Array.from(saved.scaler.sds),
    log1p: Uint8Array.from(saved.scaler.log1p),
    constantFeatures: saved.scaler.constantFeatures,
  };
  const labels = n ? assign(Float64Array.from(saved.centroids), scaleRows(params, rows), d) : new Int32Array(0);
  const before = new Map((await db.all<{ customer_id: string; cluster: number }>(`SELECT customer_id, cluster FROM customer_clusters WHERE run_id = $1`, [runId])).map((r) => [r.customer_id, r.cluster]));
  let moved = 0;
  let added = 0;
  built.customers.forEach((c, i) => {
    const was = before.get(c);
    if (was === undefined) added += 1;
    else if (was !== labels[i]) moved += 1;
  });
  const sizes = new Array<number>(saved.k).fill(0);
  for (const l of labels) sizes[l] += 1;
  return { assignment: { runId, window: at, customers: n, sizes, moved, added }, customers: built.customers, labels };
}

/** Assigns and saves in the project's write turn: the run's customer_clusters rows are replaced. */
export async function assignAndSave(project: Project, runId: string, window?: DateWindow): Promise<ClusterAssignment> {
  const { assignment, customers, labels } = await assignClusters(project.db, project.dir, runId, window);
  const { report } = await finishedClusterRun(project.db, runId);
  await project.commit(() => saveAssignments(project.db, runId, customers, labels, report.profiles.map((p) => p.name.ko)));
  return assignment;
}
