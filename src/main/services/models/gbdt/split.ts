import { SLOT } from './histogram';

/** The best split of one leaf: rows with bin <= bin go left, missing rows go left when defaultLeft. */
export interface SplitCandidate {
  gain: number;
  feature: number;
  /** Last value bin on the left (1..B); B itself means "all values left, missing right". */
  bin: number;
  defaultLeft: boolean;
  leftG: number;
  leftH: number;
  leftCount: number;
}

export interface SplitRules {
  lambda: number;
  minSamplesLeaf: number;
  minSumHessian: number;
  minGainToSplit: number;
}

/**
 * Second-order split search over a leaf's histogram (XGBoost's gain):
 *   gain = ½ [ G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) ]
 * Each value-bin boundary is tried with the missing rows sent right, then (if the leaf has any)
 * sent left; the better direction is learned. Ties keep the first candidate (lowest feature, bin,
 * missing right), so the result never depends on anything but the histogram.
 */
export function bestSplit(
  hist: Float64Array,
  offset: Int32Array,
  valueBins: Int32Array,
  features: Int32Array,
  G: number,
  H: number,
  C: number,
  rules: SplitRules,
): SplitCandidate | null {
  const { lambda, minSamplesLeaf, minSumHessian } = rules;
  const parentScore = (G * G) / (H + lambda);
  let bestGain = rules.minGainToSplit;
  let best: SplitCandidate | null = null;
  for (let k = 0; k < features.length; k++) {
    const f = features[k];
    const nb = valueBins[f];
    const o = offset[f] * SLOT;
    const mG = hist[o];
    const mH = hist[o + 1];
    const mC = hist[o + 2];
    const hasMissing = mC > 0;
    // t = nb (all values left) only separates something when there are missing rows.
    const lastT = hasMissing ? nb : nb - 1;
    let aG = 0;
    let aH = 0;
    let aC = 0;
    for (let t = 1; t <= lastT; t++) {
      const s = o + t * SLOT;
      // An empty bin moves no row: the same split as the previous boundary.
      if (hist[s + 2] === 0 && t < nb) continue;
      aG += hist[s];
      aH += hist[s + 1];
      aC += hist[s + 2];
      // The right side only shrinks from here on, in both directions.
      if (C - aC < minSamplesLeaf) break;
      // Missing rows right (dir 0), then left (dir 1).
      for (let dir = 0; dir < 2; dir++) {
        if (dir === 1 && !(hasMissing && t < nb)) break;
        const lC = dir === 0 ? aC : aC + mC;
        if (lC < minSamplesLeaf || C - lC < minSamplesLeaf) continue;
        const lH = dir === 0 ? aH : aH + mH;
        const rH = H - lH;
        if (lH < minSumHessian || rH < minSumHessian) continue;
        const lG = dir === 0 ? aG : aG + mG;
        const rG = G - lG;
        const gain = 0.5 * ((lG * lG) / (lH + lambda) + (rG * rG) / (rH + lambda) - parentScore);
        if (gain > bestGain) {
          bestGain = gain;
          // With no missing rows in training, a missing value at scoring time follows the bigger side.
          const defaultLeft = hasMissing ? dir === 1 : lC >= C - lC;
          best = { gain, feature: f, bin: t, defaultLeft, leftG: lG, leftH: lH, leftCount: lC };
        }
      }
    }
  }
  return best;
}
