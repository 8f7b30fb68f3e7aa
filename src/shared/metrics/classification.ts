import { requireCount, requireLabels, requireSameLength, requireSamples, type Labels } from './input';

/**
 * Counts of (true class, predicted class): row = true class, column = predicted class, k × k.
 * Labels must be integers 0…k−1.
 */
export function confusionMatrix(yTrue: Labels, yPred: Labels, classes: number): number[][] {
  const fn = 'confusionMatrix';
  requireCount(fn, 'classes', classes, 1);
  requireSameLength(fn, yTrue, yPred, ['yTrue', 'yPred']);
  requireSamples(fn, yTrue.length);
  requireLabels(fn, 'yTrue', yTrue, classes);
  requireLabels(fn, 'yPred', yPred, classes);
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < yTrue.length; i++) matrix[yTrue[i]][yPred[i]]++;
  return matrix;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Samples whose true class this is (for an average: all samples). */
  support: number;
}

export interface ClassificationReport {
  /** One entry per class, indexed by class. */
  perClass: ClassScores[];
  accuracy: number;
  /** Unweighted mean over all k classes, absent ones included (as scikit-learn does when given the labels). */
  macro: ClassScores;
  /** Mean weighted by support: a class absent from yTrue weighs nothing. */
  weighted: ClassScores;
  /** Rows = true class, columns = predicted class. */
  confusion: number[][];
}

/**
 * scikit-learn's classification_report for classes 0…k−1. Its zero_division convention: a class that
 * is never predicted has precision 0 (0/0), a class absent from yTrue has recall 0, and F1 is 0 when
 * precision + recall is 0. F1 per class is 2·tp / (2·tp + fp + fn), the harmonic mean of precision and
 * recall; the macro F1 is the mean of the per-class F1s, not the F1 of the macro precision and recall.
 */
export function classificationReport(yTrue: Labels, yPred: Labels, classes: number): ClassificationReport {
  const confusion = confusionMatrix(yTrue, yPred, classes);
  const n = yTrue.length;
  const perClass: ClassScores[] = [];
  let correct = 0;
  for (let c = 0; c < classes; c++) {
    const tp = confusion[c][c];
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < classes; j++) {
      support += confusion[c][j];
      predicted += confusion[j][c];
    }
    correct += tp;
    const fp = predicted - tp;
    const fn = support - tp;
    perClass.push({
      precision: predicted === 0 ? 0 : tp / predicted,
      recall: support === 0 ? 0 : tp / support,
      f1: 2 * tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn),
      support,
    });
  }
  const average = (weight: (s: ClassScores) => number): ClassScores => {
    let total = 0;
    const sum = { precision: 0, recall: 0, f1: 0 };
    for (const s of perClass) {
      const w = weight(s);
      total += w;
      sum.precision += w * s.precision;
      sum.recall += w * s.recall;
      sum.f1 += w * s.f1;
    }
    return { precision: sum.precision / total, recall: sum.recall / total, f1: sum.f1 / total, support: n };
  };
  return { perClass, accuracy: correct / n, macro: average(() => 1), weighted: average((s) => s.support), confusion };
}
