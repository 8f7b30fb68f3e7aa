/**
 * K-means (Lloyd) with k-means++ seeding and seeded restarts: the run with the lowest inertia is kept.
 * Deterministic: the same data, options and seed give the same result on every machine (restart r
 * draws from its own mulberry32 stream, seeded from `seed` and r).
 *
 * Labels are canonical, so results are comparable between runs and restarts: clusters are renumbered
 * by descending size, equal sizes by their first member (lowest row index), and the rows reassigned
 * to the renumbered centroids with assign()'s rule; the renumbering repeats (at most 4 times) in the
 * rare case that an exact distance tie moved a row and upset the order. So `assign(centroids, x, d)`
 * gives back exactly the fitted labels.
 */
import { mulberry32 } from '../../../../shared/metrics/random';
import { kmeansPlusPlus } from './init';
import { badInput, checkInteger, checkMatrix, checkNumber, countDistinctRows } from './input';
import { lloyd, type LloydRun } from './lloyd';
import { assignNearest } from './nearest';

export interface KMeansOptions {
  /** Number of clusters, 1 … the number of distinct rows. */
  k: number;
  /** Seeded k-means++ runs; the lowest inertia wins (ties: the earliest). Default 4. */
  restarts?: number;
  /** Most update steps per run. Default 300. */
  maxIterations?: number;
  /**
   * Relative tolerance, as scikit-learn's tol: a run stops once the centroids moved, in total,
   * Σ‖Δc‖² ≤ tolerance × (mean per-column variance of x). Default 1e-4; 0 = only on a fixed point.
   */
  tolerance?: number;
  /** Seed of the k-means++ draws, an integer 0 … 2³² − 1. Default 0. */
  seed?: number;
  /** Starting centroids (k × d) instead of k-means++: one run, restarts and seed unused. */
  init?: Float64Array;
}

export const KMEANS_DEFAULTS = { restarts: 4, maxIterations: 300, tolerance: 1e-4, seed: 0 } as const;

export interface KMeansResult {
  k: number;
  d: number;
  /** k × d, row-major, cluster 0 first (the largest). */
  centroids: Float64Array;
  /** Per row, its cluster 0 … k − 1 (canonical order). */
  labels: Int32Array;
  /** Σ over rows of the squared distance to its centroid. */
  inertia: number;
  /** Update steps of the kept run. */
  iterations: number;
  /** Whether the kept run converged (fixed point or tolerance) before maxIterations. */
  converged: boolean;
  /** Rows per cluster, descending. */
  sizes: Int32Array;
  /** Which restart was kept (0-based). */
  restart: number;
}

/** Fits K-means to x (n × d, row-major, finite). Throws BAD_ARGUMENT for bad data or options. */
export function fitKMeans(x: Float64Array, n: number, d: number, options: KMeansOptions): KMeansResult {
  checkMatrix(x, n, d);
  const { k } = options;
  const restarts = options.restarts ?? KMEANS_DEFAULTS.restarts;
  const maxIterations = options.maxIterations ?? KMEANS_DEFAULTS.maxIterations;
  const tolerance = options.tolerance ?? KMEANS_DEFAULTS.tolerance;
  const seed = options.seed ?? KMEANS_DEFAULTS.seed;
  checkInteger('k', k, 1);
  checkInteger('restarts', restarts, 1, 1000);
  checkInteger('maxIterations', maxIterations, 1);
  checkNumber('tolerance', tolerance, 0);
  checkInteger('seed', seed, 0, 2 ** 32 - 1);
  if (k > n) throw badInput(`k = ${k} is more than the ${n} rows (customers); choose k ≤ ${n}.`);
  const distinct = countDistinctRows(x, n, d, k);
  if (distinct < k) throw badInput(`k = ${k} is more than the ${distinct} distinct rows (customers) in the data; choose k ≤ ${distinct}.`);
  if (options.init !== undefined) {
    if (!(options.init instanceof Float64Array) || options.init.length !== k * d) throw badInput(`init must be a Float64Array of k × d = ${k} × ${d} starting centroids.`);
    checkMatrix(options.init, k, d, 'init');
  }

  const shiftTolerance = tolerance * meanColumnVariance(x, n, d);
  let best: LloydRun | null = null;
  let bestRestart = 0;
  const runs = options.init ? 1 : restarts;
  for (let r = 0; r < runs; r++) {
    const centroids = new Float64Array(k * d);
    if (options.init) centroids.set(options.init);
    else kmeansPlusPlus(x, n, d, k, mulberry32(restartSeed(seed, r)), centroids);
    const run = lloyd(x, n, d, k, centroids, maxIterations, shiftTolerance);
    if (best === null || run.inertia < best.inertia) {
      best = run;
      bestRestart = r;
    }
  }
  const run = best!;
  const sizes = canonicalize(x, n, d, k, run);
  return {
    k,
    d,
    centroids: run.centroids,
    labels: run.labels,
    inertia: run.inertia,
    iterations: run.iterations,
    converged: run.converged,
    sizes,
    restart: bestRestart,
  };
}

/** The nearest of the k centroids (k × d) for each row of `rows` (a multiple of d values): K-means' own rule, ties to the lower index. */
export function assign(centroids: Float64Array, rows: Float64Array, d: number): Int32Array {
  checkInteger('d', d, 1);
  if (centroids.length === 0 || centroids.length % d !== 0) throw badInput(`centroids hold ${centroids.length} values, not k × ${d} for some k ≥ 1.`);
  if (rows.length % d !== 0) throw badInput(`The rows hold ${rows.length} values, not a multiple of the ${d} columns.`);
  const k = centroids.length / d;
  const m = rows.length / d;
  checkMatrix(centroids, k, d, 'centroids');
  const labels = new Int32Array(m);
  if (m === 0) return labels;
  checkMatrix(rows, m, d, 'The rows to assign');
  assignNearest(rows, m, d, centroids, k, labels, new Float64Array(m));
  return labels;
}

/** Restart r's seed: spread by the golden-ratio constant so neighbouring seeds give unrelated streams. */
function restartSeed(seed: number, r: number): number {
  return (seed + Math.imul(r, 0x9e3779b9)) >>> 0;
}

function meanColumnVariance(x: Float64Array, n: number, d: number): number {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) mean[f] += x[i * d + f];
  for (let f = 0; f < d; f++) mean[f] /= n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) {
      const t = x[i * d + f] - mean[f];
      total += t * t;
    }
  }
  return total / n / d;
}

/** Renumbers run's clusters canonically in place (centroids, labels, dist, inertia); returns the sizes. */
function canonicalize(x: Float64Array, n: number, d: number, k: number, run: LloydRun): Int32Array {
  for (let pass = 0; pass < 4; pass++) {
    const order = canonicalOrder(run.labels, n, k);
    if (order.every((c, i) => c === i)) break;
    const permuted = new Float64Array(k * d);
    for (let c = 0; c < k; c++) permuted.set(run.centroids.subarray(order[c] * d, order[c] * d + d), c * d);
    run.centroids = permuted;
    run.inertia = assignNearest(x, n, d, permuted, k, run.labels, run.dist);
  }
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[run.labels[i]]++;
  return sizes;
}

/** order[new] = old cluster: by descending size, then by first member (an empty cluster last). */
function canonicalOrder(labels: Int32Array, n: number, k: number): number[] {
  const sizes = new Int32Array(k);
  const first = new Int32Array(k).fill(n);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (sizes[c]++ === 0) first[c] = i;
  }
  return Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || first[a] - first[b]);
}
