import { multiclassInput, type Labels, type Scores } from './input';
import { prAuc, rocAuc } from './ranking';

export interface SkippedClass {
  classIndex: number;
  /** 'absent': no sample of the class in yTrue; 'onlyClass': every sample is of it (ROC needs negatives). */
  reason: 'absent' | 'onlyClass';
}

export interface OneVsRestScore {
  /** Unweighted mean over the classes scored; null when no class could be scored. */
  macro: number | null;
  /** One value per class; null for a skipped class. */
  perClass: (number | null)[];
  /** The classes left out of the mean, and why. */
  skipped: SkippedClass[];
}

function oneVsRest(
  fn: string,
  metric: (y: Labels, s: Scores) => number | null,
  yTrue: Labels,
  probabilities: Scores,
  classes: number,
): OneVsRestScore {
  const n = multiclassInput(fn, yTrue, probabilities, classes);
  const perClass: (number | null)[] = [];
  const skipped: SkippedClass[] = [];
  const y01 = new Uint8Array(n);
  const column = new Float64Array(n);
  for (let c = 0; c < classes; c++) {
    let members = 0;
    for (let i = 0; i < n; i++) {
      y01[i] = yTrue[i] === c ? 1 : 0;
      members += y01[i];
      column[i] = probabilities[i * classes + c];
    }
    const value = members === 0 ? null : metric(y01, column);
    perClass.push(value);
    if (value === null) skipped.push({ classIndex: c, reason: members === 0 ? 'absent' : 'onlyClass' });
  }
  const scored = perClass.filter((v): v is number => v !== null);
  const macro = scored.length === 0 ? null : scored.reduce((a, b) => a + b, 0) / scored.length;
  return { macro, perClass, skipped };
}

/**
 * One-vs-rest macro ROC-AUC: class c's column of the n×k row-major probability (or score) matrix ranks
 * class c against all others; the macro value is the plain mean over the classes that could be scored.
 * A class absent from yTrue is skipped (its AUC is undefined) and listed in `skipped`, as is the one
 * class present when yTrue holds a single class. scikit-learn raises instead of skipping.
 */
export function ovrRocAuc(yTrue: Labels, probabilities: Scores, classes: number): OneVsRestScore {
  return oneVsRest('ovrRocAuc', rocAuc, yTrue, probabilities, classes);
}

/**
 * One-vs-rest macro PR-AUC (average precision per class, see prAuc), mean over the classes present in
 * yTrue; an absent class is skipped and listed. A class that every sample belongs to scores 1.
 */
export function ovrPrAuc(yTrue: Labels, probabilities: Scores, classes: number): OneVsRestScore {
  return oneVsRest('ovrPrAuc', prAuc, yTrue, probabilities, classes);
}
