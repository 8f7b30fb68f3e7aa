import { fitKMeans, fitScaler, pca2, scanK, silhouetteScore, type KMeansResult, type ScanRow } from '../../models/kmeans';
import { sampleSorted } from '../../models/gbdt/random';
import { mulberry32 } from '../../../../shared/metrics/random';
import { CLUSTER_K_MAX, CLUSTER_K_MIN } from '../../../../shared/clusters';
import { keyedError } from '../../../../shared/errors';

/** The numbers of a clustering, computed off the main thread (the training worker): no database, plain data in and out. */
export interface ClusterComputeInput {
  x: Float64Array;
  n: number;
  d: number;
  names: string[];
  /** Columns to log1p before standardising. */
  log1p: string[];
  k: number | 'auto';
  seed: number;
  restarts: number;
}

export interface ClusterComputeResult {
  scaler: { means: number[]; sds: number[]; log1p: number[]; constantFeatures: number[] };
  scan: { k: number; inertia: number; silhouette: number | null }[];
  suggestedK: number | null;
  elbowK: number | null;
  k: number;
  centroids: number[];
  labels: Int32Array;
  inertia: number;
  silhouette: number | null;
  map: { rows: number[]; x: number[]; y: number[]; explained: [number, number] };
}

/** Customers drawn on the map (a seeded sample beyond it). */
export const MAP_POINTS = 3000;

export function computeClusters(input: ClusterComputeInput, onK?: (row: ScanRow, done: number, total: number) => void): ClusterComputeResult {
  const { n, d, seed } = input;
  const fixed = input.k === 'auto' ? null : input.k;
  // Fewer customers than clusters (or than the scan's largest k) cannot be clustered.
  const needed = fixed ?? CLUSTER_K_MAX;
  if (n < Math.max(needed, CLUSTER_K_MIN) * 2) {
    throw keyedError('BAD_ARGUMENT', `Only ${n} customers bought in the window; ${fixed ? `${fixed} clusters` : 'the scan up to 12 clusters'} need at least ${needed * 2}.`, 'clusterTooFewCustomers', { n, min: needed * 2 });
  }
  const scaler = fitScaler(input.x, n, d, { columns: input.names, log1p: input.log1p });
  if (scaler.constantFeatures.length === d) {
    throw keyedError('BAD_ARGUMENT', 'Every feature is the same for every customer in the window; there is nothing to cluster.', 'clusterAllConstant', {});
  }
  const z = scaler.transform(input.x);
  let fit: KMeansResult;
  let scan: ClusterComputeResult['scan'] = [];
  let suggestedK: number | null = null;
  let elbowK: number | null = null;
  let silhouette: number | null;
  if (fixed === null) {
    const result = scanK(z, n, d, { kMin: CLUSTER_K_MIN, kMax: CLUSTER_K_MAX, restarts: input.restarts, seed, onK });
    scan = result.rows.map((r) => ({ k: r.k, inertia: r.inertia, silhouette: r.silhouette }));
    suggestedK = result.suggestedK;
    elbowK = result.elbowK;
    const at = result.rows.findIndex((r) => r.k === result.suggestedK);
    fit = result.fits[at];
    silhouette = result.rows[at].silhouette;
  } else {
    fit = fitKMeans(z, n, d, { k: fixed, restarts: input.restarts, seed });
    silhouette = silhouetteScore(z, n, d, fit.labels, { seed });
  }
  const pca = pca2(z, n, d, { seed });
  const shown = Math.min(n, MAP_POINTS);
  const rows = new Int32Array(shown);
  if (shown === n) for (let i = 0; i < n; i++) rows[i] = i;
  else sampleSorted(n, shown, mulberry32(seed ^ 0x3c6ef372), rows);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    scaler: { means: Array.from(scaler.means), sds: Array.from(scaler.sds), log1p: Array.from(scaler.log1p), constantFeatures: scaler.constantFeatures },
    scan,
    suggestedK,
    elbowK,
    k: fit.k,
    centroids: Array.from(fit.centroids),
    labels: fit.labels,
    inertia: fit.inertia,
    silhouette,
    map: {
      rows: Array.from(rows),
      x: Array.from(rows, (i) => round(pca.projection[2 * i])),
      y: Array.from(rows, (i) => round(pca.projection[2 * i + 1])),
      explained: [pca.explainedVarianceRatio[0], pca.explainedVarianceRatio[1]],
    },
  };
}
