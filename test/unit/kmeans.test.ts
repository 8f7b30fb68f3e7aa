import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  assign,
  elbow,
  fitKMeans,
  fitScaler,
  pca2,
  scaleRows,
  scanK,
  silhouetteOfSample,
  silhouetteSample,
  silhouetteScore,
} from '../../src/main/services/models/kmeans';
import { AppError } from '../../src/shared/errors';
import { mulberry32 } from '../../src/shared/metrics/random';

/** Gaussian noise from the project's seeded generator (Box–Muller). */
function gaussian(seed: number): () => number {
  const random = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * `groups` planted Gaussian blobs in d dimensions: centre g sits at +spread on axis g mod d and −spread
 * on axis (g + 1) mod d (so every pair of centres is at least spread·√2 apart), rows N(centre, 1).
 * Row i belongs to blob i mod groups.
 */
function blobs(n: number, d: number, groups: number, seed: number, spread = 6): { x: Float64Array; truth: Int32Array } {
  const gauss = gaussian(seed);
  const x = new Float64Array(n * d);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = i % groups;
    truth[i] = g;
    for (let f = 0; f < d; f++) x[i * d + f] = gauss() + (f === g % d ? spread : f === (g + 1) % d ? -spread : 0);
  }
  return { x, truth };
}

/** The AppError a call throws (fails the test when it does not throw one). */
function caught(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

const allFinite = (values: ArrayLike<number>) => Array.from(values).every(Number.isFinite);

describe('K-means: hand-worked case', () => {
  // Six points, two obvious clusters, rows interleaved:
  //   A = (10,10), (12,10), (11,13) → centroid ((10+12+11)/3, (10+10+13)/3) = (11, 11)
  //   B = (0,0),   (2,0),   (1,3)   → centroid (1, 1)
  // Squared distances to the centroid, per cluster: (1+1) + (1+1) + (0+4) = 8, so inertia = 16.
  // Both clusters hold 3 rows; the tie goes to the cluster of the lowest row index: A (row 0) is cluster 0.
  const x = Float64Array.from([10, 10, 0, 0, 12, 10, 2, 0, 11, 13, 1, 3]);

  it('finds the centroids, labels, sizes and inertia computed by hand', () => {
    const fit = fitKMeans(x, 6, 2, { k: 2, seed: 0 });
    expect(Array.from(fit.labels)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(Array.from(fit.sizes)).toEqual([3, 3]);
    expect(fit.centroids[0]).toBeCloseTo(11, 12);
    expect(fit.centroids[1]).toBeCloseTo(11, 12);
    expect(fit.centroids[2]).toBeCloseTo(1, 12);
    expect(fit.centroids[3]).toBeCloseTo(1, 12);
    expect(fit.inertia).toBeCloseTo(16, 10);
    expect(fit.converged).toBe(true);
    expect(fit.k).toBe(2);
    expect(fit.d).toBe(2);
  });

  it('numbers clusters by descending size, whatever the row order', () => {
    // 2 rows near (0,0) first, then 4 near (9,9): the bigger cluster is 0 although its first row comes later.
    const y = Float64Array.from([0, 0, 1, 0, 9, 9, 10, 9, 9, 10, 10, 10]);
    const fit = fitKMeans(y, 6, 2, { k: 2 });
    expect(Array.from(fit.labels)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(Array.from(fit.sizes)).toEqual([4, 2]);
    expect(Array.from(fit.centroids)).toEqual([9.5, 9.5, 0.5, 0]);
    // One row at its own spot: k = n is allowed, inertia 0.
    const each = fitKMeans(y, 6, 2, { k: 6 });
    expect(each.inertia).toBe(0);
    expect(Array.from(each.sizes)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(each.labels)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('k = 1 gives the mean of all rows', () => {
    const fit = fitKMeans(x, 6, 2, { k: 1 });
    expect(fit.centroids[0]).toBeCloseTo(6, 12);
    expect(fit.centroids[1]).toBeCloseTo(6, 12);
    expect(Array.from(fit.labels)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('K-means: planted blobs', () => {
  // 4 blobs, 2,000 rows, 6 dimensions.
  const n = 2000;
  const d = 6;
  const { x, truth } = blobs(n, d, 4, 11);

  it('recovers the planted groups (ARI ≥ 0.95) where a random labelling scores about 0', () => {
    const fit = fitKMeans(x, n, d, { k: 4, seed: 3 });
    expect(adjustedRandIndex(truth, fit.labels)).toBeGreaterThanOrEqual(0.95);
    const random = mulberry32(99);
    const guess = Int32Array.from({ length: n }, () => Math.floor(random() * 4));
    expect(Math.abs(adjustedRandIndex(truth, guess))).toBeLessThan(0.01);
  });

  it('is deterministic: the same seed gives an identical result', () => {
    const a = fitKMeans(x, n, d, { k: 5, seed: 7, restarts: 3 });
    const b = fitKMeans(x, n, d, { k: 5, seed: 7, restarts: 3 });
    expect(b.labels).toEqual(a.labels);
    expect(b.centroids).toEqual(a.centroids);
    expect(b.inertia).toBe(a.inertia);
    expect(b.iterations).toBe(a.iterations);
    expect(b.restart).toBe(a.restart);
  });

  it('keeps the restart with the lowest inertia; reports consistent sizes; centroids are the means of their rows', () => {
    const one = fitKMeans(x, n, d, { k: 6, seed: 5, restarts: 1 });
    const four = fitKMeans(x, n, d, { k: 6, seed: 5, restarts: 4 });
    expect(four.inertia).toBeLessThanOrEqual(one.inertia);
    const counts = new Int32Array(6);
    for (const c of four.labels) counts[c]++;
    expect(four.sizes).toEqual(counts);
    for (let c = 1; c < 6; c++) expect(four.sizes[c]).toBeLessThanOrEqual(four.sizes[c - 1]);
    expect(four.sizes.reduce((s, v) => s + v, 0)).toBe(n);
    const exact = fitKMeans(x, n, d, { k: 6, seed: 5, tolerance: 0 });
    expect(exact.converged).toBe(true);
    for (let c = 0; c < 6; c++) {
      for (let f = 0; f < d; f++) {
        let sum = 0;
        for (let i = 0; i < n; i++) if (exact.labels[i] === c) sum += x[i * d + f];
        expect(exact.centroids[c * d + f]).toBeCloseTo(sum / exact.sizes[c], 9);
      }
    }
    let inertia = 0;
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < d; f++) inertia += (x[i * d + f] - exact.centroids[exact.labels[i] * d + f]) ** 2;
    }
    expect(exact.inertia).toBeCloseTo(inertia, 6);
  });

  it('assign() on the fitted rows gives back exactly the fitted labels, and places new rows by the nearest centroid', () => {
    for (const k of [2, 4, 7]) {
      const fit = fitKMeans(x, n, d, { k, seed: 1 });
      expect(assign(fit.centroids, x, d)).toEqual(fit.labels);
    }
    const fit = fitKMeans(x, n, d, { k: 4, seed: 1 });
    const newRows = new Float64Array(2 * d);
    newRows.set(fit.centroids.subarray(2 * d, 3 * d), 0);
    newRows.set(fit.centroids.subarray(0, d), d);
    newRows[0] += 0.1;
    expect(Array.from(assign(fit.centroids, newRows, d))).toEqual([2, 0]);
    expect(assign(fit.centroids, new Float64Array(0), d)).toEqual(new Int32Array(0));
  });

  it('re-seeds an empty cluster with the row farthest from its centroid: no NaN', () => {
    // Start with a third centroid far from every row: it gets no rows in the first assignment.
    const y = Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1, 5, 5, 5, 6, 6, 5, 6, 6, 20, 20]);
    const init = Float64Array.from([0.5, 0.5, 5.5, 5.5, 1000, 1000]);
    const fit = fitKMeans(y, 9, 2, { k: 3, init });
    expect(allFinite(fit.centroids)).toBe(true);
    expect(Array.from(fit.sizes).every((s) => s > 0)).toBe(true);
    // The farthest row, (20, 20), took the empty cluster and stays alone there.
    expect(fit.labels[8]).toBe(2);
    expect(Array.from(fit.sizes)).toEqual([4, 4, 1]);
    expect(Array.from(fit.centroids.subarray(4, 6))).toEqual([20, 20]);
  });

  it('copes with a constant feature and duplicated rows (no NaN)', () => {
    const y = new Float64Array(n * (d + 1));
    for (let i = 0; i < n; i++) {
      y.set(x.subarray(i * d, i * d + d), i * (d + 1));
      y[i * (d + 1) + d] = 3; // constant column
    }
    const scaled = fitScaler(y, n, d + 1);
    expect(scaled.constantFeatures).toEqual([d]);
    const z = scaled.transform(y);
    expect(allFinite(z)).toBe(true);
    const fit = fitKMeans(z, n, d + 1, { k: 4, seed: 2 });
    expect(allFinite(fit.centroids)).toBe(true);
    expect(Number.isFinite(fit.inertia)).toBe(true);
    expect(adjustedRandIndex(truth, fit.labels)).toBeGreaterThanOrEqual(0.95);
    // Only 3 distinct rows among 12: k = 3 works, every row on its centroid.
    const dup = Float64Array.from({ length: 24 }, (_, i) => [1, 2, 7, 8, 4, 4][(Math.floor(i / 2) % 3) * 2 + (i % 2)]);
    const three = fitKMeans(dup, 12, 2, { k: 3, seed: 4 });
    expect(three.inertia).toBe(0);
    expect(Array.from(three.sizes)).toEqual([4, 4, 4]);
  });
});

describe('K-means: bad input', () => {
  const x = Float64Array.from([0, 0, 1, 1, 2, 2, 0, 0]);

  it('refuses k < 1, k above the distinct rows, no rows and NaN with a BAD_ARGUMENT naming the problem', () => {
    let e = caught(() => fitKMeans(x, 4, 2, { k: 0 }));
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toBe('k must be a whole number ≥ 1; got 0.');
    expect(caught(() => fitKMeans(x, 4, 2, { k: 2.5 })).message).toBe('k must be a whole number ≥ 1; got 2.5.');
    e = caught(() => fitKMeans(x, 4, 2, { k: 4 }));
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toBe('k = 4 is more than the 3 distinct rows (customers) in the data; choose k ≤ 3.');
    expect(caught(() => fitKMeans(x, 4, 2, { k: 5 })).message).toBe('k = 5 is more than the 4 rows (customers); choose k ≤ 4.');
    e = caught(() => fitKMeans(new Float64Array(0), 0, 2, { k: 1 }));
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toBe('The data has no rows (n = 0); there is nothing to cluster.');
    const withNaN = Float64Array.from([0, 0, 1, NaN, 2, 2]);
    e = caught(() => fitKMeans(withNaN, 3, 2, { k: 2 }));
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toBe('The data has NaN at row 1, column 1; fill or drop missing and infinite values before clustering.');
    expect(caught(() => fitKMeans(Float64Array.from([0, Infinity]), 1, 2, { k: 1 })).message).toMatch(/Infinity at row 0, column 1/);
  });

  it('refuses a wrong shape and bad options', () => {
    expect(caught(() => fitKMeans(x, 3, 2, { k: 1 })).message).toBe('The data holds 8 values, but n × d = 3 × 2 = 6.');
    expect(caught(() => fitKMeans(x, 4, 2, { k: 2, restarts: 0 })).message).toBe('restarts must be a whole number from 1 to 1000; got 0.');
    expect(caught(() => fitKMeans(x, 4, 2, { k: 2, tolerance: -1 })).message).toBe('tolerance must be a finite number ≥ 0; got -1.');
    expect(caught(() => fitKMeans(x, 4, 2, { k: 2, seed: -1 })).message).toBe('seed must be a whole number from 0 to 4294967295; got -1.');
    expect(caught(() => fitKMeans(x, 4, 2, { k: 2, init: new Float64Array(3) })).message).toBe('init must be a Float64Array of k × d = 2 × 2 starting centroids.');
    expect(caught(() => assign(new Float64Array(4), new Float64Array(3), 2)).message).toBe('The rows hold 3 values, not a multiple of the 2 columns.');
    expect(caught(() => assign(new Float64Array(4), Float64Array.from([NaN, 0]), 2)).message).toMatch(/^The rows to assign has NaN at row 0, column 0/);
    expect(caught(() => scanK(x, 4, 2, { kMin: 2, kMax: 4 })).message).toBe(
      'kMax = 4 is more than the 3 distinct rows (customers) in the data; choose kMax ≤ 3.',
    );
    expect(caught(() => scanK(x, 4, 2, { kMin: 3, kMax: 2 })).message).toBe('kMax must be a whole number ≥ 3; got 2.');
  });
});

describe('standardisation', () => {
  it('standardises with the population sd, reports a constant column and scales it to 0 (never NaN)', () => {
    // Column 0: 1, 2, 3, 6 → mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5, sd √3.5. Column 1: constant 5.
    const x = Float64Array.from([1, 5, 2, 5, 3, 5, 6, 5]);
    const s = fitScaler(x, 4, 2);
    expect(Array.from(s.means)).toEqual([3, 5]);
    expect(s.sds[0]).toBeCloseTo(Math.sqrt(3.5), 14);
    expect(s.sds[1]).toBe(0);
    expect(s.constantFeatures).toEqual([1]);
    const z = s.transform(x);
    expect(z[0]).toBeCloseTo(-2 / Math.sqrt(3.5), 14);
    expect(z[6]).toBeCloseTo(3 / Math.sqrt(3.5), 14);
    for (let i = 0; i < 4; i++) expect(z[i * 2 + 1]).toBe(0);
    // New rows: the constant column stays 0 whatever its value.
    expect(Array.from(s.transform(Float64Array.from([3, 100])))).toEqual([0, 0]);
    // A constant column whose mean does not come out exactly (0.1 · 3 / 3) is still constant.
    expect(fitScaler(Float64Array.from([0.1, 0.1, 0.1]), 3, 1).constantFeatures).toEqual([0]);
  });

  it('applies log1p to named columns before standardising; scaleRows works from the saved parameters', () => {
    // spend: log1p(0) = 0, log1p(e² − 1) = 2 → mean 1, sd 1.
    const x = Float64Array.from([0, 10, Math.E ** 2 - 1, 20]);
    const s = fitScaler(x, 2, 2, { columns: ['spend', 'visits'], log1p: ['spend'] });
    expect(Array.from(s.log1p)).toEqual([1, 0]);
    expect(s.means[0]).toBeCloseTo(1, 14);
    expect(s.sds[0]).toBeCloseTo(1, 14);
    const z = s.transform(x);
    expect(z[0]).toBeCloseTo(-1, 14);
    expect(z[2]).toBeCloseTo(1, 14);
    expect(z[1]).toBe(-1);
    expect(z[3]).toBe(1);
    // As saved and read back: plain arrays, no function.
    const saved = JSON.parse(JSON.stringify({ ...s, means: [...s.means], sds: [...s.sds], log1p: [...s.log1p] }));
    const params = { ...saved, means: Float64Array.from(saved.means), sds: Float64Array.from(saved.sds), log1p: Uint8Array.from(saved.log1p) };
    expect(scaleRows(params, x)).toEqual(z);
    expect(fitScaler(x, 2, 2, { log1p: [0] }).log1p[0]).toBe(1);
  });

  it('refuses NaN, unknown log1p columns and values ≤ −1 in a log1p column', () => {
    expect(caught(() => fitScaler(Float64Array.from([1, NaN]), 1, 2)).message).toMatch(/NaN at row 0, column 1/);
    expect(caught(() => fitScaler(Float64Array.from([1, 2]), 1, 2, { columns: ['a', 'b'], log1p: ['c'] })).message).toBe(
      'log1p names column "c", which is not among the columns.',
    );
    expect(caught(() => fitScaler(Float64Array.from([1, 2]), 1, 2, { log1p: [2] })).message).toBe('log1p names column 2, but columns are 0 to 1.');
    expect(caught(() => fitScaler(Float64Array.from([-1, 2]), 1, 2, { columns: ['spend', 'b'], log1p: ['spend'] })).message).toBe(
      'Column "spend" is log1p-transformed, so its values must be greater than −1; row 0 has -1.',
    );
    const s = fitScaler(Float64Array.from([1, 2, 3, 4]), 2, 2);
    expect(caught(() => s.transform(Float64Array.from([1, 2, 3]))).message).toBe('The rows hold 3 values, not a multiple of the 2 columns.');
  });
});

describe('silhouette', () => {
  it('matches a hand-computed value', () => {
    // 1-D points 0, 1 | 4, 6 | 20 (three clusters, the last a singleton). a = mean distance within the
    // own cluster, b = lowest mean distance to another cluster, s = (b − a) / max(a, b):
    //   0: a = 1, b = min((4 + 6)/2, 20) = 5        → s = 4/5
    //   1: a = 1, b = min((3 + 5)/2, 19) = 4        → s = 3/4
    //   4: a = 2, b = min((4 + 3)/2, 16) = 3.5      → s = 1.5/3.5 = 3/7
    //   6: a = 2, b = min((6 + 5)/2, 14) = 5.5      → s = 3.5/5.5 = 7/11
    //  20: alone in its cluster                      → s = 0
    // mean = (4/5 + 3/4 + 3/7 + 7/11 + 0) / 5 = 0.5229870129870…
    const x = Float64Array.from([0, 1, 4, 6, 20]);
    const expected = (4 / 5 + 3 / 4 + 3 / 7 + 7 / 11) / 5;
    expect(silhouetteScore(x, 5, 1, [0, 0, 1, 1, 2])).toBeCloseTo(expected, 14);
    expect(expected).toBeCloseTo(0.522987012987013, 14);
    // Label values are only names: the same partition numbered otherwise scores the same.
    expect(silhouetteScore(x, 5, 1, [7, 7, 3, 3, 0])).toBeCloseTo(expected, 14);
    // Undefined with one cluster, or every row alone.
    expect(silhouetteScore(x, 5, 1, [0, 0, 0, 0, 0])).toBeNull();
    expect(silhouetteScore(x, 5, 1, [0, 1, 2, 3, 4])).toBeNull();
  });

  it('samples above sampleSize: seeded, close to the exact value; the uncached path gives the same number', () => {
    const n = 2000;
    const d = 6;
    const { x, truth } = blobs(n, d, 4, 5, 2.5);
    const exact = silhouetteScore(x, n, d, truth)!;
    const sampled = silhouetteScore(x, n, d, truth, { sampleSize: 600, seed: 9 })!;
    expect(silhouetteScore(x, n, d, truth, { sampleSize: 600, seed: 9 })).toBe(sampled);
    expect(Math.abs(sampled - exact)).toBeLessThan(0.03);
    const sample = silhouetteSample(x, n, d, { sampleSize: 600, seed: 9 });
    expect(sample.rows.length).toBe(600);
    expect(sample.pairs).not.toBeNull();
    expect(silhouetteOfSample({ ...sample, pairs: null }, truth)).toBe(sampled);
    expect(caught(() => silhouetteScore(x, n, d, truth.subarray(1))).message).toBe('labels has 1999 values, but the data has 2000 rows.');
    expect(caught(() => silhouetteScore(x, n, d, new Int32Array(n).fill(-1))).message).toBe('labels[0] is -1; cluster labels must be whole numbers ≥ 0.');
  });
});

describe('k-scan', () => {
  it('suggests the planted k on blobs, by the best silhouette and by the elbow', () => {
    const n = 2000;
    const d = 6;
    const { x } = blobs(n, d, 4, 21);
    const seen: number[] = [];
    const scan = scanK(x, n, d, { kMin: 2, kMax: 8, seed: 1, onK: (row, done, total) => seen.push(row.k, done, total) });
    expect(scan.rows.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(seen.slice(0, 3)).toEqual([2, 1, 7]);
    expect(scan.bestSilhouetteK).toBe(4);
    expect(scan.elbowK).toBe(4);
    expect(scan.suggestedK).toBe(4);
    expect(scan.silhouetteRows).toBe(2000);
    for (let j = 1; j < scan.rows.length; j++) expect(scan.rows[j].inertia).toBeLessThan(scan.rows[j - 1].inertia);
    // Each row's fit is the one fitKMeans gives with the same options.
    const again = fitKMeans(x, n, d, { k: 4, seed: 1 });
    expect(scan.fits[2].labels).toEqual(again.labels);
    expect(scan.rows[2].inertia).toBe(again.inertia);
  });

  it('elbow: the point farthest below the chord, both axes scaled', () => {
    // u = (k − 1)/4; v = (I − 12)/88; 1 − u − v: k=2 → 1 − 0.25 − 28/88 = 0.432, k=3 → 0.409, k=4 → 0.216.
    expect(elbow([1, 2, 3, 4, 5], [100, 40, 20, 15, 12])).toBe(2);
    expect(elbow([1, 2, 3, 4, 5], [1000, 400, 200, 150, 120])).toBe(2);
    expect(elbow([2, 3], [10, 5])).toBeNull();
    expect(elbow([2, 3, 4], [10, 10, 10])).toBeNull();
    // A straight line has no point below its chord.
    expect(elbow([1, 2, 3], [3, 2, 1])).toBeNull();
  });
});

describe('PCA (two components)', () => {
  it('finds a known dominant direction and its share of the variance', () => {
    // Rows = t·u + s·w + noise with u = (1, 2, 2)/3 (sd of t: 10), w = (2, 1, −2)/3 ⟂ u (sd of s: 3), noise sd 0.1 on 4 columns.
    const n = 3000;
    const d = 4;
    const gauss = gaussian(8);
    const u = [1 / 3, 2 / 3, 2 / 3, 0];
    const w = [2 / 3, 1 / 3, -2 / 3, 0];
    const x = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const t = 10 * gauss();
      const s = 3 * gauss();
      for (let f = 0; f < d; f++) x[i * d + f] = 5 + t * u[f] + s * w[f] + 0.1 * gauss();
    }
    const p = pca2(x, n, d, { seed: 1 });
    const dot = (a: ArrayLike<number>, offset: number) => u.reduce((acc, v, f) => acc + v * a[offset + f], 0);
    expect(Math.abs(dot(p.components, 0))).toBeGreaterThan(0.9999);
    const dotW = w.reduce((acc, v, f) => acc + v * p.components[d + f], 0);
    expect(Math.abs(dotW)).toBeGreaterThan(0.999);
    // Variances 100 + 9 + 4·0.01 in total: ratios about 100/109.04 and 9/109.04.
    expect(p.explainedVarianceRatio[0]).toBeGreaterThan(0.89);
    expect(p.explainedVarianceRatio[0]).toBeLessThan(0.94);
    expect(p.explainedVarianceRatio[1]).toBeGreaterThan(0.07);
    expect(p.explainedVarianceRatio[1]).toBeLessThan(0.1);
    // Unit, orthogonal components; the projection's variances are the eigenvalues; sign rule: largest entry positive.
    const norm = (o: number) => Math.hypot(...Array.from(p.components.subarray(o, o + d)));
    expect(norm(0)).toBeCloseTo(1, 12);
    expect(norm(d)).toBeCloseTo(1, 12);
    expect(Array.from(p.components.subarray(0, d)).reduce((acc, v, f) => acc + v * p.components[d + f], 0)).toBeCloseTo(0, 10);
    for (let j = 0; j < 2; j++) {
      let sum = 0;
      let sq = 0;
      for (let i = 0; i < n; i++) {
        sum += p.projection[2 * i + j];
        sq += p.projection[2 * i + j] ** 2;
      }
      expect(sum / n).toBeCloseTo(0, 8);
      expect(sq / (n - 1)).toBeCloseTo(p.explainedVariance[j], 6);
    }
    expect(p.components[2]).toBeGreaterThan(0);
    // Deterministic.
    expect(pca2(x, n, d, { seed: 1 })).toEqual(p);
  });

  it('handles one column and rows with no variance', () => {
    const one = pca2(Float64Array.from([1, 2, 3]), 3, 1);
    expect(Array.from(one.explainedVarianceRatio)).toEqual([1, 0]);
    expect(Array.from(one.projection)).toEqual([-1, 0, 0, 0, 1, 0]);
    const flat = pca2(Float64Array.from([2, 2, 2, 2, 2, 2]), 3, 2);
    expect(Array.from(flat.explainedVarianceRatio)).toEqual([0, 0]);
    expect(allFinite(flat.projection)).toBe(true);
    expect(allFinite(flat.components)).toBe(true);
  });
});

describe('adjusted Rand index', () => {
  it('matches scikit-learn', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285715, 14);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 14);
  });

  it('matches a hand-computed value', () => {
    // a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]. Contingency (rows a, columns b): [[2,1,0],[0,1,2]].
    // Σ C(n_ij, 2) = 1 + 1 = 2; Σ C(a_i, 2) = 3 + 3 = 6; Σ C(b_j, 2) = 1 + 1 + 1 = 3; C(6, 2) = 15.
    // Expected index = 6 · 3 / 15 = 1.2; max index = (6 + 3) / 2 = 4.5; ARI = (2 − 1.2) / (4.5 − 1.2) = 8/33.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(8 / 33, 14);
    // Symmetric, and only which rows share a label matters.
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [0, 0, 0, 1, 1, 1])).toBeCloseTo(8 / 33, 14);
    expect(adjustedRandIndex([5, 5, 5, -1, -1, -1], [9, 9, 3, 3, 0.5, 0.5])).toBeCloseTo(8 / 33, 14);
  });

  it('refuses labelings of different lengths, empty ones and NaN', () => {
    expect(caught(() => adjustedRandIndex([0, 1], [0])).message).toBe('adjustedRandIndex: the labelings differ in length (2 and 1).');
    expect(caught(() => adjustedRandIndex([], [])).message).toBe('adjustedRandIndex: the labelings are empty; it needs at least one row.');
    expect(caught(() => adjustedRandIndex([0, NaN], [0, 1])).message).toBe('adjustedRandIndex: the first labeling has NaN at row 1; labels must be numbers.');
  });
});
