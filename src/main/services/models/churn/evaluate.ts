import {
  calibrationCurve,
  classificationReport,
  liftByDecile,
  ovrPrAuc,
  ovrRocAuc,
  prAuc,
  rocAuc,
  type CalibrationCurve,
  type ClassificationReport,
  type LiftTable,
} from '../../../../shared/metrics';
import type { ModelScores } from '../../../../shared/models';

/** What a model answered for the test customers: P(churn) (binary) or n × classes probabilities. */
export interface Predictions {
  classes: number;
  /** Binary: length n, P(class 1). Multiclass: n × classes, row-major. */
  probabilities: Float64Array;
}

export interface Evaluation {
  scores: ModelScores;
  report: ClassificationReport;
  /** Binary only: the marketer's decile table and the calibration curve. */
  lift: LiftTable | null;
  calibration: CalibrationCurve | null;
}

/** The class each row is given: binary P ≥ 0.5 is churn; else the most probable class. */
export function predictedClasses(p: Predictions, n: number): Int32Array {
  if (p.classes === 2) return Int32Array.from(p.probabilities, (q) => (q >= 0.5 ? 1 : 0));
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < p.classes; c++) if (p.probabilities[i * p.classes + c] > p.probabilities[i * p.classes + best]) best = c;
    out[i] = best;
  }
  return out;
}

/** The report's figures for one model on the test customers. */
export function evaluate(yTrue: Int32Array, p: Predictions): Evaluation {
  const n = yTrue.length;
  const report = classificationReport(yTrue, predictedClasses(p, n), p.classes);
  const binary = p.classes === 2;
  const roc = binary ? rocAuc(yTrue, p.probabilities) : ovrRocAuc(yTrue, p.probabilities, p.classes).macro;
  const pr = binary ? prAuc(yTrue, p.probabilities) : ovrPrAuc(yTrue, p.probabilities, p.classes).macro;
  return {
    scores: {
      rocAuc: roc,
      prAuc: pr,
      accuracy: report.accuracy,
      macroF1: report.macro.f1,
      weightedF1: report.weighted.f1,
    },
    report,
    lift: binary && n >= 10 ? liftByDecile(yTrue, p.probabilities) : null,
    calibration: binary ? calibrationCurve(yTrue, p.probabilities) : null,
  };
}
