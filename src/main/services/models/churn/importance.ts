import { ovrRocAuc, permutationImportance, rocAuc } from '../../../../shared/metrics';
import { mulberry32 } from '../../../../shared/metrics/random';
import { sampleSorted } from '../gbdt/random';
import type { FeatureImportanceSummary } from '../../../../shared/models';

/** Shuffles per feature and the most test customers the importance is measured on (a seeded sample beyond that). */
export const IMPORTANCE_SETTINGS = { repeats: 3, maxRows: 3000 } as const;

/**
 * Permutation importance of one trained model on the test customers: how much its ROC-AUC (binary) or
 * macro one-vs-rest ROC-AUC (transitions) drops when one feature's column is shuffled. `x` is the test
 * matrix exactly as the model reads it (standardised for the MLP and the logistic model: shuffling a
 * standardised column is shuffling the raw one). Seeded, so a run repeats exactly.
 */
export function modelImportance(
  predict: (x: Float32Array, n: number) => Float64Array,
  x: Float32Array,
  y: Int32Array,
  d: number,
  classes: number,
  names: readonly string[],
  seed: number,
): FeatureImportanceSummary {
  const started = performance.now();
  const rows = sampleRows(y.length, IMPORTANCE_SETTINGS.maxRows, seed);
  const xs = new Float32Array(rows.length * d);
  const ys = new Int32Array(rows.length);
  rows.forEach((i, r) => {
    xs.set(x.subarray(i * d, (i + 1) * d), r * d);
    ys[r] = y[i];
  });
  const n = rows.length;
  const metric = classes === 2 ? 'rocAuc' : 'macroRocAuc';
  const score = (work: Float32Array) => {
    const p = predict(work, n);
    // One class only in the sample: nothing to rank, so no feature can matter (0, never NaN).
    return (classes === 2 ? rocAuc(ys, p) : ovrRocAuc(ys, p, classes).macro) ?? 0;
  };
  const result = permutationImportance(score, xs, n, d, names, { repeats: IMPORTANCE_SETTINGS.repeats, seed });
  return {
    metric,
    baseline: result.baseline,
    rows: n,
    repeats: IMPORTANCE_SETTINGS.repeats,
    features: result.features.map((f) => ({ feature: f.feature, mean: f.mean, std: f.std })),
    seconds: (performance.now() - started) / 1000,
  };
}

/** All rows when there are at most `max`, else a seeded sample of `max` of them in ascending order. */
function sampleRows(n: number, max: number, seed: number): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  const rows = new Int32Array(max);
  sampleSorted(n, max, mulberry32(seed ^ 0x5bd1e995), rows);
  return rows;
}
