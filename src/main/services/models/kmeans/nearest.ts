/**
 * The K-means assignment step, shared by the fit and by assign() so both give the same label for the
 * same row: the centroid at the smallest squared Euclidean distance, ties to the lowest centroid index.
 */

/** Writes labels[i] (nearest centroid) and dist[i] (its squared distance) for every row; returns Σ dist (the inertia). */
export function assignNearest(
  x: Float64Array,
  n: number,
  d: number,
  centroids: Float64Array,
  k: number,
  labels: Int32Array,
  dist: Float64Array,
): number {
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const base = i * d;
    let best = Infinity;
    let label = 0;
    for (let c = 0; c < k; c++) {
      const cb = c * d;
      let s = 0;
      for (let f = 0; f < d; f++) {
        const t = x[base + f] - centroids[cb + f];
        s += t * t;
      }
      if (s < best) {
        best = s;
        label = c;
      }
    }
    labels[i] = label;
    dist[i] = best;
    inertia += best;
  }
  return inertia;
}

/** Squared Euclidean distance between row i of x and row j of y (both with d columns). */
export function squaredDistance(x: Float64Array, i: number, y: Float64Array, j: number, d: number): number {
  const a = i * d;
  const b = j * d;
  let s = 0;
  for (let f = 0; f < d; f++) {
    const t = x[a + f] - y[b + f];
    s += t * t;
  }
  return s;
}

/** The squared distance, summed 8 columns at a time and given up once above `limit`: exact when ≤ limit, else a partial sum (> limit, ≤ the distance). */
export function squaredUpTo(x: Float64Array, a: number, y: Float64Array, b: number, d: number, limit: number): number {
  let s = 0;
  let f = 0;
  while (f < d) {
    const end = f + 8 < d ? f + 8 : d;
    for (; f < end; f++) {
      const t = x[a + f] - y[b + f];
      s += t * t;
    }
    if (s > limit) return s;
  }
  return s;
}
