import { rngFor } from '../../generator/random';

/** Which rows train, which stop the training early (validation), which only judge (test). */
export interface Split {
  train: Int32Array;
  valid: Int32Array;
  test: Int32Array;
}

/**
 * Splits rows (one per customer) stratified by label: within each class, a seeded shuffle, then the
 * first `test` share to the test set, the next `valid` share to validation, the rest to training.
 * The same seed and labels give the same split; the test rows never reach training.
 */
export function stratifiedSplit(labels: Int32Array, shares: { test: number; valid: number }, seed: number): Split {
  const byClass = new Map<number, number[]>();
  labels.forEach((y, i) => {
    const rows = byClass.get(y) ?? [];
    rows.push(i);
    byClass.set(y, rows);
  });
  const train: number[] = [];
  const valid: number[] = [];
  const test: number[] = [];
  for (const y of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(y)!;
    const rng = rngFor(seed, 'split', y);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    const nTest = Math.round(rows.length * shares.test);
    const nValid = Math.round(rows.length * shares.valid);
    test.push(...rows.slice(0, nTest));
    valid.push(...rows.slice(nTest, nTest + nValid));
    train.push(...rows.slice(nTest + nValid));
  }
  const sorted = (rows: number[]) => Int32Array.from(rows.sort((a, b) => a - b));
  return { train: sorted(train), valid: sorted(valid), test: sorted(test) };
}

/** Means and standard deviations of the training rows, per feature (NaN ignored). */
export interface Standardiser {
  mean: Float64Array;
  std: Float64Array;
}

export function fitStandardiser(x: Float32Array, d: number, rows: Int32Array): Standardiser {
  const mean = new Float64Array(d);
  const m2 = new Float64Array(d);
  const count = new Float64Array(d);
  for (const i of rows) {
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j];
      if (Number.isNaN(v)) continue;
      count[j] += 1;
      const delta = v - mean[j];
      mean[j] += delta / count[j];
      m2[j] += delta * (v - mean[j]);
    }
  }
  const std = new Float64Array(d);
  for (let j = 0; j < d; j++) std[j] = count[j] > 1 ? Math.sqrt(m2[j] / (count[j] - 1)) || 1 : 1;
  return { mean, std };
}

/**
 * The rows, standardised with the training statistics; a missing value becomes the training mean
 * (0 after standardising). The same function scores new data, so training and scoring agree.
 */
export function standardise(x: Float32Array, d: number, rows: Int32Array, s: Standardiser): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((i, r) => {
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j];
      out[r * d + j] = Number.isNaN(v) ? 0 : (v - s.mean[j]) / s.std[j];
    }
  });
  return out;
}

/** The chosen rows of a row-major matrix, raw (tree models take NaN as missing). */
export function takeRows(x: Float32Array, d: number, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((i, r) => out.set(x.subarray(i * d, (i + 1) * d), r * d));
  return out;
}
