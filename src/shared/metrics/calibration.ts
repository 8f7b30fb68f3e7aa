import { binaryInput, requireCount, requireProbabilities, type Labels, type Scores } from './input';

export interface CalibrationBin {
  /** The bin is [lower, upper); the last one is [lower, 1]. */
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin; null when it is empty. */
  meanPredicted: number | null;
  /** Share of positives in the bin; null when it is empty. */
  observedRate: number | null;
}

export interface CalibrationCurve {
  /** Every bin, empty ones included (scikit-learn's calibration_curve drops them), so charts keep fixed bins. */
  bins: CalibrationBin[];
  brier: number;
  /** Expected calibration error: Σ (count / n)·|meanPredicted − observedRate| over the non-empty bins. */
  ece: number;
}

/** Brier score: the mean of (p − y)², 0 best; predicting the base rate everywhere scores rate·(1 − rate). */
export function brierScore(yTrue: Labels, probabilities: Scores): number {
  const fn = 'brierScore';
  const { n } = binaryInput(fn, yTrue, probabilities, 'probabilities');
  requireProbabilities(fn, 'probabilities', probabilities);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (probabilities[i] - yTrue[i]) ** 2;
  return sum / n;
}

/**
 * Reliability table over `bins` equal-width bins of [0, 1]: bin b holds lower = b/bins ≤ p < (b+1)/bins,
 * and p = 1 falls in the last bin. The edge is compared with the very value b/bins reported as `lower`,
 * so 0.3 lands in [0.3, 0.4) despite 0.3·10 not being exactly 3 in floating point.
 */
export function calibrationCurve(yTrue: Labels, probabilities: Scores, bins = 10): CalibrationCurve {
  const fn = 'calibrationCurve';
  const { n } = binaryInput(fn, yTrue, probabilities, 'probabilities');
  requireProbabilities(fn, 'probabilities', probabilities);
  requireCount(fn, 'bins', bins, 1);
  const edge = (b: number) => b / bins;
  const count = new Float64Array(bins);
  const sumPredicted = new Float64Array(bins);
  const sumPositive = new Float64Array(bins);
  let brierSum = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i];
    let b = Math.min(bins - 1, Math.floor(p * bins));
    if (p < edge(b)) b--;
    else if (b + 1 < bins && p >= edge(b + 1)) b++;
    count[b]++;
    sumPredicted[b] += p;
    sumPositive[b] += yTrue[i];
    brierSum += (p - yTrue[i]) ** 2;
  }
  const out: CalibrationBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const c = count[b];
    const meanPredicted = c === 0 ? null : sumPredicted[b] / c;
    const observedRate = c === 0 ? null : sumPositive[b] / c;
    if (meanPredicted !== null && observedRate !== null) ece += (c / n) * Math.abs(meanPredicted - observedRate);
    out.push({ lower: edge(b), upper: edge(b + 1), count: c, meanPredicted, observedRate });
  }
  return { bins: out, brier: brierSum / n, ece };
}
