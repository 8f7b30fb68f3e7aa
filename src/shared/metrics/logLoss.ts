import { binaryInput, MetricInputError, multiclassInput, requireProbabilities, type Labels, type Scores } from './input';

/** Probabilities are clipped to [ε, 1 − ε] so that a confident mistake costs −ln ε ≈ 34.5, not Infinity. */
export const LOG_LOSS_EPSILON = 1e-15;

const clip = (p: number) => Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, p));

/** Binary cross-entropy: −mean(y·ln p + (1 − y)·ln(1 − p)), p = the predicted probability of class 1. */
export function logLoss(yTrue: Labels, probabilities: Scores): number {
  const fn = 'logLoss';
  const { n } = binaryInput(fn, yTrue, probabilities, 'probabilities');
  requireProbabilities(fn, 'probabilities', probabilities);
  let sum = 0;
  for (let i = 0; i < n; i++) sum -= Math.log(clip(yTrue[i] === 1 ? probabilities[i] : 1 - probabilities[i]));
  return sum / n;
}

/** How far a row may sum from 1 (float32 model outputs) before it is refused rather than silently mis-scored. */
const ROW_SUM_TOLERANCE = 1e-4;

/**
 * Multiclass cross-entropy: −mean(ln p[i, yᵢ]) over an n×k row-major probability matrix. Each row must
 * sum to 1 (within 1e-4); rows are not renormalised. The probability of the true class is clipped like
 * logLoss's.
 */
export function multiclassLogLoss(yTrue: Labels, probabilities: Scores, classes: number): number {
  const fn = 'multiclassLogLoss';
  const n = multiclassInput(fn, yTrue, probabilities, classes);
  requireProbabilities(fn, 'probabilities', probabilities);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let c = 0; c < classes; c++) rowSum += probabilities[i * classes + c];
    if (Math.abs(rowSum - 1) > ROW_SUM_TOLERANCE) throw new MetricInputError(fn, `row ${i} of probabilities sums to ${rowSum}, not 1`);
    sum -= Math.log(clip(probabilities[i * classes + yTrue[i]]));
  }
  return sum / n;
}
