import { binaryInput, type Labels, type Scores } from './input';
import { byScoreDescending } from './order';

/** A point of the ROC curve: predicting positive for score ≥ threshold gives these rates. */
export interface RocPoint {
  threshold: number;
  fpr: number;
  tpr: number;
}

/** A point of the precision–recall curve: predicting positive for score ≥ threshold. */
export interface PrPoint {
  threshold: number;
  precision: number;
  recall: number;
}

/** Cumulative true and false positives at each distinct score, highest first; tied samples enter together. */
function thresholdSteps(yTrue: Labels, scores: Scores): { threshold: number; tp: number; fp: number }[] {
  const order = byScoreDescending(scores);
  const steps: { threshold: number; tp: number; fp: number }[] = [];
  let tp = 0;
  let fp = 0;
  for (let r = 0; r < order.length; r++) {
    const i = order[r];
    if (yTrue[i] === 1) tp++;
    else fp++;
    if (r === order.length - 1 || scores[order[r + 1]] !== scores[i]) steps.push({ threshold: scores[i], tp, fp });
  }
  return steps;
}

/**
 * Area under the ROC curve as the Mann–Whitney U statistic: the share of (positive, negative) pairs in
 * which the positive scores higher, a tie counting one half (average ranks). Equals the trapezoidal
 * area under rocCurve. Undefined without both classes: returns null when yTrue is all 0 or all 1.
 */
export function rocAuc(yTrue: Labels, scores: Scores): number | null {
  const { n, positives } = binaryInput('rocAuc', yTrue, scores);
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = byScoreDescending(scores);
  let positiveRankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && scores[order[end]] === scores[order[start]]) end++;
    // Descending positions start…end−1 hold ascending ranks n−start … n−end+1; a tie shares their mean.
    const rank = (2 * n - start - end + 1) / 2;
    for (let r = start; r < end; r++) if (yTrue[order[r]] === 1) positiveRankSum += rank;
    start = end;
  }
  const u = positiveRankSum - (positives * (positives + 1)) / 2;
  return u / (positives * negatives);
}

/**
 * The ROC curve, one point per distinct score from the highest down, after a first point (0, 0) at
 * threshold +Infinity. Every threshold is kept (scikit-learn's drop_intermediate=false). Null when yTrue
 * has only one class (one of the rates would be 0/0).
 */
export function rocCurve(yTrue: Labels, scores: Scores): RocPoint[] | null {
  const { n, positives } = binaryInput('rocCurve', yTrue, scores);
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  const points: RocPoint[] = [{ threshold: Infinity, fpr: 0, tpr: 0 }];
  for (const s of thresholdSteps(yTrue, scores)) points.push({ threshold: s.threshold, fpr: s.fp / negatives, tpr: s.tp / positives });
  return points;
}

/**
 * Area under the precision–recall curve as average precision, scikit-learn's average_precision_score:
 * Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct scores from the highest down (tied samples form one threshold),
 * with R₀ = 0. No interpolation. Null when yTrue has no positive (recall is 0/0; scikit-learn warns and
 * returns 0). With no negatives every precision is 1, so the answer is 1.
 */
export function prAuc(yTrue: Labels, scores: Scores): number | null {
  const { positives } = binaryInput('prAuc', yTrue, scores);
  if (positives === 0) return null;
  let ap = 0;
  let previousRecall = 0;
  for (const s of thresholdSteps(yTrue, scores)) {
    const recall = s.tp / positives;
    ap += (recall - previousRecall) * (s.tp / (s.tp + s.fp));
    previousRecall = recall;
  }
  return ap;
}

/**
 * The precision–recall curve from the highest threshold down: first (recall 0, precision 1) at threshold
 * +Infinity, as scikit-learn appends, then one point per distinct score. Null when yTrue has no positive.
 */
export function prCurve(yTrue: Labels, scores: Scores): PrPoint[] | null {
  const { positives } = binaryInput('prCurve', yTrue, scores);
  if (positives === 0) return null;
  const points: PrPoint[] = [{ threshold: Infinity, precision: 1, recall: 0 }];
  for (const s of thresholdSteps(yTrue, scores)) {
    points.push({ threshold: s.threshold, precision: s.tp / (s.tp + s.fp), recall: s.tp / positives });
  }
  return points;
}
