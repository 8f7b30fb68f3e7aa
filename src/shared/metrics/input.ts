/**
 * What the metric functions accept, and the checks every one of them runs first. A metric that cannot
 * give a number from its input (empty, lengths that differ, a label out of range, a NaN score) throws a
 * MetricInputError naming the function and the problem; a metric that is merely undefined for valid
 * input (ROC-AUC with one class only) returns null instead, and its function says so.
 */

/** One class label per sample: 0 or 1 for the binary metrics, 0…k−1 for the multiclass ones. */
export type Labels = ArrayLike<number>;
/** One number per sample: a score (higher = more likely positive), or a probability where the function says so. */
export type Scores = ArrayLike<number>;

export class MetricInputError extends Error {
  constructor(fn: string, problem: string) {
    super(`${fn}: ${problem}`);
    this.name = 'MetricInputError';
  }
}

export function requireSameLength(fn: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>, names: [string, string]): void {
  if (a.length !== b.length) {
    throw new MetricInputError(fn, `length mismatch: ${names[0]} has ${a.length} values, ${names[1]} has ${b.length}`);
  }
}

export function requireSamples(fn: string, n: number): void {
  if (n === 0) throw new MetricInputError(fn, 'empty input: needs at least one sample');
}

export function requireCount(fn: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new MetricInputError(fn, `${name} must be an integer ≥ ${min}, got ${value}`);
}

/** Checks that every label is 0 or 1 and returns how many are 1. */
export function countPositives(fn: string, y: Labels): number {
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v === 1) positives++;
    else if (v !== 0) throw new MetricInputError(fn, `yTrue[${i}] is ${v}; binary labels must be 0 or 1`);
  }
  return positives;
}

export function requireLabels(fn: string, name: string, y: Labels, classes: number): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0 || v >= classes) {
      throw new MetricInputError(fn, `${name}[${i}] is ${v}; labels must be integers 0…${classes - 1}`);
    }
  }
}

export function requireFinite(fn: string, name: string, s: Scores): void {
  for (let i = 0; i < s.length; i++) {
    if (!Number.isFinite(s[i])) throw new MetricInputError(fn, `${name}[${i}] is ${s[i]}; scores must be finite numbers`);
  }
}

export function requireProbabilities(fn: string, name: string, p: Scores): void {
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (!(v >= 0 && v <= 1)) throw new MetricInputError(fn, `${name}[${i}] is ${v}; probabilities must lie in [0, 1]`);
  }
}

/** The common prologue of the binary metrics: same length, not empty, 0/1 labels, finite scores. */
export function binaryInput(fn: string, yTrue: Labels, scores: Scores, scoresName = 'scores'): { n: number; positives: number } {
  requireSameLength(fn, yTrue, scores, ['yTrue', scoresName]);
  requireSamples(fn, yTrue.length);
  const positives = countPositives(fn, yTrue);
  requireFinite(fn, scoresName, scores);
  return { n: yTrue.length, positives };
}

/** The prologue of the multiclass metrics on an n×k row-major matrix of per-class scores or probabilities. */
export function multiclassInput(fn: string, yTrue: Labels, matrix: Scores, classes: number, matrixName = 'probabilities'): number {
  requireCount(fn, 'classes', classes, 1);
  requireSamples(fn, yTrue.length);
  if (matrix.length !== yTrue.length * classes) {
    throw new MetricInputError(
      fn,
      `length mismatch: ${matrixName} has ${matrix.length} values, expected yTrue.length × classes = ${yTrue.length} × ${classes}`,
    );
  }
  requireLabels(fn, 'yTrue', yTrue, classes);
  requireFinite(fn, matrixName, matrix);
  return yTrue.length;
}
