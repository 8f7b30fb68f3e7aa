/**
 * Lloyd's iterations from given starting centroids: update (each centroid = the mean of its rows),
 * then assign (each row to its nearest centroid), until the labels stop changing, the centroids move
 * less than the tolerance, or maxIterations updates have run.
 *
 * The assignment step skips distances by Elkan's bounds (Elkan 2003), which gives Lloyd's assignments
 * while measuring few distances: per row an upper bound u on the distance to its own centroid and a
 * lower bound l_c on the distance to each centroid c; when centroid c moves by p, l_c shrinks by p and
 * u grows by its own centroid's p. Centroid c cannot take the row while u ≤ l_c or u ≤ ½·gap(own, c)
 * (triangle inequality), nor any centroid while u ≤ ½ · the gap to the nearest other centroid.
 * Otherwise u is tightened and c measured (only as far as it can still beat u). Once a run stops, one
 * full assignment pass (assignNearest, as assign() uses) sets the labels, the distances and the
 * inertia, so the labels returned are exactly the nearest centroids returned (scikit-learn's final
 * E-step), whatever a rounding in the bounds did. Memory: n·k doubles of lower bounds (30,000 × 12:
 * 2.9 MB).
 */
import { assignNearest, squaredUpTo } from './nearest';

export interface LloydRun {
  centroids: Float64Array;
  labels: Int32Array;
  /** Per row, the squared distance to its centroid. */
  dist: Float64Array;
  inertia: number;
  /** Update steps run. */
  iterations: number;
  /** Whether it stopped on a fixed point or the tolerance rather than on maxIterations. */
  converged: boolean;
}

/**
 * Runs Lloyd from `centroids` (k × d, updated in place and returned). `shiftTolerance` is absolute:
 * stop once Σ_c ‖c_new − c_old‖² ≤ shiftTolerance.
 */
export function lloyd(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  centroids: Float64Array,
  maxIterations: number,
  shiftTolerance: number,
): LloydRun {
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  // lower[i·k + c] ≤ distance from row i to centroid c.
  const lower = new Float64Array(n * k);
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  const moved = new Float64Array(k);
  const between = new Float64Array(k * k);
  const half = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const base = i * d;
    const lb = i * k;
    let best = Infinity;
    let label = 0;
    for (let c = 0; c < k; c++) {
      const dc = Math.sqrt(squared(x, base, centroids, c * d, d));
      lower[lb + c] = dc;
      if (dc < best) {
        best = dc;
        label = c;
      }
    }
    labels[i] = label;
    upper[i] = best;
  }
  // The sums behind the centroids are kept up to date as rows change cluster (below), so an update
  // step costs k·d, not n·d. Rounding drift over a run is far below any distance that matters.
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c]++;
    const base = i * d;
    const cb = c * d;
    for (let f = 0; f < d; f++) sums[cb + f] += x[base + f];
  }

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const shift = updateCentroids(x, n, d, k, labels, upper, lower, centroids, sums, counts, moved);
    for (let i = 0; i < n; i++) {
      upper[i] += moved[labels[i]];
      const lb = i * k;
      for (let c = 0; c < k; c++) {
        const l = lower[lb + c] - moved[c];
        lower[lb + c] = l > 0 ? l : 0;
      }
    }
    centroidGaps(centroids, k, d, between, half);
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let a = labels[i];
      let u = upper[i];
      if (u <= half[a]) continue;
      const base = i * d;
      const lb = i * k;
      let tight = false;
      for (let c = 0; c < k; c++) {
        if (c === a || u <= lower[lb + c] || u <= between[a * k + c]) continue;
        if (!tight) {
          u = Math.sqrt(squared(x, base, centroids, a * d, d));
          lower[lb + a] = u;
          tight = true;
          if (u <= lower[lb + c] || u <= between[a * k + c]) continue;
        }
        // Measured only as far as it can beat u: a partial sum still gives a valid lower bound.
        const dc = Math.sqrt(squaredUpTo(x, base, centroids, c * d, d, u * u));
        lower[lb + c] = dc;
        if (dc < u) {
          a = c;
          u = dc;
        }
      }
      upper[i] = u;
      const was = labels[i];
      if (a !== was) {
        labels[i] = a;
        counts[was]--;
        counts[a]++;
        const wb = was * d;
        const ab = a * d;
        for (let f = 0; f < d; f++) {
          const v = x[base + f];
          sums[wb + f] -= v;
          sums[ab + f] += v;
        }
        changed++;
      }
    }
    // Unchanged labels: the next update would give the same centroids (a fixed point).
    if (changed === 0 || shift <= shiftTolerance) {
      converged = true;
      break;
    }
  }
  const dist = new Float64Array(n);
  const inertia = assignNearest(x, n, d, centroids, k, labels, dist);
  return { centroids, labels, dist, inertia, iterations, converged };
}

function squared(x: Float64Array, a: number, y: Float64Array, b: number, d: number): number {
  let s = 0;
  for (let f = 0; f < d; f++) {
    const t = x[a + f] - y[b + f];
    s += t * t;
  }
  return s;
}

/** between[a·k + b] = ½ · distance of centroids a and b; half[c] = the least of them over b ≠ c (Infinity when k = 1). */
function centroidGaps(centroids: Float64Array, k: number, d: number, between: Float64Array, half: Float64Array): void {
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const s = 0.5 * Math.sqrt(squared(centroids, a * d, centroids, b * d, d));
      between[a * k + b] = between[b * k + a] = s;
      if (s < half[a]) half[a] = s;
      if (s < half[b]) half[b] = s;
    }
  }
}

/**
 * centroid c = mean of the rows labelled c (from the running sums); moved[c] = how far it went;
 * returns Σ_c ‖new − old‖².
 *
 * Empty clusters (rule): a cluster left with no rows is re-seeded with the row farthest from its own
 * centroid (largest distance under the last assignment; ties to the lowest row index), taken only from
 * a cluster that keeps at least one other row; that row moves to the empty cluster (label and the
 * donor's sum updated) and becomes its centroid. Several empty clusters take the farthest, second
 * farthest, … rows. So a centroid is never the mean of nothing: never NaN.
 */
function updateCentroids(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  labels: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  centroids: Float64Array,
  sums: Float64Array,
  counts: Int32Array,
  moved: Float64Array,
): number {
  let dist: Float64Array | null = null;
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) continue;
    if (dist === null) {
      // Exact distances to the centroids of the last assignment (the bounds are only bounds).
      dist = new Float64Array(n);
      for (let i = 0; i < n; i++) dist[i] = squared(x, i * d, centroids, labels[i] * d, d);
    }
    let far = -1;
    for (let i = 0; i < n; i++) if (counts[labels[i]] > 1 && (far < 0 || dist[i] > dist[far])) far = i;
    if (far < 0) break; // cannot happen: with n ≥ k rows and an empty cluster, another holds ≥ 2
    const from = labels[far];
    const base = far * d;
    for (let f = 0; f < d; f++) {
      sums[from * d + f] -= x[base + f];
      sums[c * d + f] = x[base + f];
    }
    counts[from]--;
    counts[c] = 1;
    labels[far] = c;
    dist[far] = -1; // taken: not drawn again for another empty cluster
    // Its bounds are void: u = ∞ and every l = 0 make the next step measure it afresh.
    upper[far] = Infinity;
    lower.fill(0, far * k, far * k + k);
  }
  let shift = 0;
  for (let c = 0; c < k; c++) {
    const cb = c * d;
    const inv = 1 / counts[c];
    let m = 0;
    for (let f = 0; f < d; f++) {
      const v = sums[cb + f] * inv;
      const t = v - centroids[cb + f];
      m += t * t;
      centroids[cb + f] = v;
    }
    moved[c] = Math.sqrt(m);
    shift += m;
  }
  return shift;
}
