import { MetricInputError, requireCount } from './input';
import { mulberry32, shuffleInPlace } from './random';

export interface PermutationOptions {
  /** Shuffles per feature; the mean and spread of the drop are over these. */
  repeats: number;
  /** Seed of the shuffles (mulberry32), so a run can be repeated exactly. */
  seed: number;
}

export interface FeatureImportance {
  feature: string;
  /** Column of the feature in x. */
  index: number;
  /** Mean of baseline − score over the repeats; ≤ 0 means the model does not need the feature. */
  mean: number;
  /** Population standard deviation of the drops (scikit-learn's np.std). */
  std: number;
  /** The drop of each repeat, in order. */
  drops: number[];
}

export interface PermutationImportance {
  /** The metric on the unshuffled data. */
  baseline: number;
  /** Highest mean drop first; equal means in column order. */
  features: FeatureImportance[];
}

/**
 * Permutation importance: for each feature, shuffle its column and measure how much the metric drops.
 * `predictScore` scores a whole n×d row-major dataset (predict, then compute a higher-is-better metric
 * such as ROC-AUC or accuracy against labels it holds; negate a loss). It is called on a working copy,
 * never on `x`, which is left unchanged; it must not keep the array it is given. Calls run in this order:
 * the baseline, then feature 0's repeats, feature 1's … . Each feature's repeats shuffle its column again
 * from the previous shuffle; the column is restored before the next feature. One mulberry32 stream,
 * seeded once, serves every shuffle in that order.
 */
export function permutationImportance(
  predictScore: (x: Float32Array) => number,
  x: Float32Array,
  n: number,
  d: number,
  featureNames: readonly string[],
  options: PermutationOptions,
): PermutationImportance {
  const fn = 'permutationImportance';
  requireCount(fn, 'n', n, 1);
  requireCount(fn, 'd', d, 1);
  requireCount(fn, 'repeats', options.repeats, 1);
  if (!Number.isInteger(options.seed)) throw new MetricInputError(fn, `seed must be an integer, got ${options.seed}`);
  if (x.length !== n * d) throw new MetricInputError(fn, `length mismatch: x has ${x.length} values, expected n × d = ${n} × ${d}`);
  if (featureNames.length !== d) throw new MetricInputError(fn, `length mismatch: ${featureNames.length} feature names for ${d} columns`);

  const work = x.slice();
  const score = (what: string) => {
    const value = predictScore(work);
    if (!Number.isFinite(value)) throw new MetricInputError(fn, `predictScore returned ${value} for ${what}`);
    return value;
  };
  const baseline = score('the unshuffled data');
  const random = mulberry32(options.seed);
  const column = new Float32Array(n);
  const features: FeatureImportance[] = [];
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) column[i] = x[i * d + j];
    const drops: number[] = [];
    for (let r = 0; r < options.repeats; r++) {
      shuffleInPlace(column, random);
      for (let i = 0; i < n; i++) work[i * d + j] = column[i];
      drops.push(baseline - score(`feature ${featureNames[j]}, repeat ${r + 1}`));
    }
    for (let i = 0; i < n; i++) work[i * d + j] = x[i * d + j];
    const mean = drops.reduce((a, b) => a + b, 0) / drops.length;
    const variance = drops.reduce((a, b) => a + (b - mean) ** 2, 0) / drops.length;
    features.push({ feature: featureNames[j], index: j, mean, std: Math.sqrt(variance), drops });
  }
  features.sort((a, b) => b.mean - a.mean || a.index - b.index);
  return { baseline, features };
}
