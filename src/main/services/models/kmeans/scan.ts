/**
 * The k-scan behind "how many clusters?": K-means for every k in kMin … kMax (same options and seed
 * for each), with its inertia and mean silhouette, and two suggestions:
 *  - bestSilhouetteK: the k with the highest silhouette (ties: the smaller k);
 *  - elbowK: the elbow of the inertia curve — the k farthest below the chord from the first point to
 *    the last, both axes scaled to [0, 1] (k by the range, inertia by first − last), so the answer does
 *    not depend on the units; null with fewer than 3 ks or no point below the chord.
 * suggestedK is bestSilhouetteK, or elbowK where no silhouette is defined, or else kMin. Silhouettes
 * are scored on one seeded sample of rows for every k (silhouette.ts), so they compare like with like.
 */
import { fitKMeans, type KMeansOptions, type KMeansResult } from './kmeans';
import { badInput, checkInteger, checkMatrix, countDistinctRows } from './input';
import { silhouetteOfSample, silhouetteSample, type SilhouetteOptions } from './silhouette';

export interface ScanOptions extends Omit<KMeansOptions, 'k' | 'init'> {
  /** Smallest k, ≥ 1. Default 2. */
  kMin?: number;
  /** Largest k, ≥ kMin and ≤ the number of distinct rows. Default 12. */
  kMax?: number;
  /** Rows the silhouette is scored on (silhouette.ts). Default 3000. */
  sampleSize?: number;
  /** Seed of the silhouette sample. Default: the K-means seed. */
  silhouetteSeed?: number;
  /** Called after each k, e.g. to report progress. */
  onK?: (row: ScanRow, done: number, total: number) => void;
}

export interface ScanRow {
  k: number;
  inertia: number;
  /** Mean silhouette; null where undefined (k = 1, or the scored rows fall in one cluster). */
  silhouette: number | null;
  iterations: number;
  converged: boolean;
  sizes: Int32Array;
}

export interface ScanResult {
  rows: ScanRow[];
  /** The fit behind each row, same order: refitting with the same options gives the same one. */
  fits: KMeansResult[];
  bestSilhouetteK: number | null;
  elbowK: number | null;
  suggestedK: number;
  /** How many rows each silhouette was scored on. */
  silhouetteRows: number;
}

export function scanK(x: Float64Array, n: number, d: number, options: ScanOptions = {}): ScanResult {
  checkMatrix(x, n, d);
  const kMin = options.kMin ?? 2;
  const kMax = options.kMax ?? 12;
  checkInteger('kMin', kMin, 1);
  checkInteger('kMax', kMax, kMin);
  const distinct = countDistinctRows(x, n, d, kMax);
  if (distinct < kMax) throw badInput(`kMax = ${kMax} is more than the ${distinct} distinct rows (customers) in the data; choose kMax ≤ ${distinct}.`);
  const silhouetteOptions: SilhouetteOptions = { sampleSize: options.sampleSize, seed: options.silhouetteSeed ?? options.seed };
  const sample = silhouetteSample(x, n, d, silhouetteOptions);

  const rows: ScanRow[] = [];
  const fits: KMeansResult[] = [];
  const { restarts, maxIterations, tolerance, seed } = options;
  for (let k = kMin; k <= kMax; k++) {
    const fit = fitKMeans(x, n, d, { k, restarts, maxIterations, tolerance, seed });
    const row: ScanRow = {
      k,
      inertia: fit.inertia,
      silhouette: k < 2 ? null : silhouetteOfSample(sample, fit.labels),
      iterations: fit.iterations,
      converged: fit.converged,
      sizes: fit.sizes,
    };
    rows.push(row);
    fits.push(fit);
    options.onK?.(row, k - kMin + 1, kMax - kMin + 1);
  }

  let bestSilhouetteK: number | null = null;
  let best = -Infinity;
  for (const r of rows) {
    if (r.silhouette !== null && r.silhouette > best) {
      best = r.silhouette;
      bestSilhouetteK = r.k;
    }
  }
  const elbowK = elbow(rows.map((r) => r.k), rows.map((r) => r.inertia));
  return { rows, fits, bestSilhouetteK, elbowK, suggestedK: bestSilhouetteK ?? elbowK ?? kMin, silhouetteRows: sample.rows.length };
}

/**
 * The k farthest below the chord of the curve (ks ascending): with u = (k − k₀)/(k_last − k₀) and
 * v = (I − I_last)/(I₀ − I_last) the chord is u + v = 1 and a point's distance below it is
 * (1 − u − v)/√2; the largest positive one wins (ties: the smaller k).
 */
export function elbow(ks: readonly number[], inertias: readonly number[]): number | null {
  const m = ks.length;
  if (m < 3) return null;
  const span = ks[m - 1] - ks[0];
  const drop = inertias[0] - inertias[m - 1];
  if (!(span > 0) || !(drop > 0)) return null;
  let pick: number | null = null;
  let far = 0;
  for (let j = 1; j < m - 1; j++) {
    const below = 1 - (ks[j] - ks[0]) / span - (inertias[j] - inertias[m - 1]) / drop;
    if (below > far) {
      far = below;
      pick = ks[j];
    }
  }
  return pick;
}
