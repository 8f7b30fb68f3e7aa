/** Uplift of an amount (spend per customer) by Welch's t interval. */
import { meanAndVariance, requireAmounts, requireLevel, type Amounts } from './input';
import { studentTQuantile, studentTTwoSidedP } from './studentT';

export interface MeanUplift {
  /** Mean amount of each group. */
  treatment: number;
  control: number;
  /** treatment − control. */
  uplift: number;
  /** treatment / control; null when the control mean is 0. */
  ratio: number | null;
  /** Welch's `level` confidence interval of the uplift. */
  ciLow: number;
  ciHigh: number;
  level: number;
  /** √(sT²/nT + sC²/nC), sample variances (n − 1). */
  standardError: number;
  /** Welch–Satterthwaite degrees of freedom (real, not rounded). */
  df: number;
  /** uplift / standardError. */
  t: number;
  /** Two-sided p-value of Welch's test. */
  pValue: number;
  /** pValue < 1 − level, which here is the same as the interval excluding 0. */
  significant: boolean;
}

/**
 * Welch's unequal-variance t interval and test for the difference in means (Welch, Biometrika 34, 1947):
 *
 *   SE = √(vT + vC) with vT = sT²/nT, vC = sC²/nC
 *   df = (vT + vC)² / (vT²/(nT − 1) + vC²/(nC − 1))   (Welch–Satterthwaite)
 *   interval = uplift ± t_{(1+level)/2, df} · SE,  t = uplift / SE
 *
 * with a real Student t quantile at the real df. Each group needs at least 2 values. When both groups
 * are constant (SE = 0) the interval is the point uplift, df is nT + nC − 2, and the p-value is 1 if the
 * means are equal and 0 otherwise. For strongly skewed amounts in small groups prefer bootstrapUplift.
 */
export function meanUplift(treatment: Amounts, control: Amounts, level = 0.95): MeanUplift {
  const fn = 'meanUplift';
  requireAmounts(fn, 'treatment', treatment, 2);
  requireAmounts(fn, 'control', control, 2);
  requireLevel(fn, level);
  const nT = treatment.length;
  const nC = control.length;
  const t = meanAndVariance(treatment);
  const c = meanAndVariance(control);
  const uplift = t.mean - c.mean;
  const vT = t.variance / nT;
  const vC = c.variance / nC;
  const standardError = Math.sqrt(vT + vC);
  const ratio = c.mean === 0 ? null : t.mean / c.mean;
  const common = { treatment: t.mean, control: c.mean, uplift, ratio, level, standardError };
  if (standardError === 0) {
    const pValue = uplift === 0 ? 1 : 0;
    const tStat = uplift === 0 ? 0 : Math.sign(uplift) * Infinity;
    return { ...common, ciLow: uplift, ciHigh: uplift, df: nT + nC - 2, t: tStat, pValue, significant: pValue < 1 - level };
  }
  const df = (vT + vC) ** 2 / (vT ** 2 / (nT - 1) + vC ** 2 / (nC - 1));
  const half = studentTQuantile(1 - (1 - level) / 2, df) * standardError;
  const tStat = uplift / standardError;
  const pValue = studentTTwoSidedP(tStat, df);
  return { ...common, ciLow: uplift - half, ciHigh: uplift + half, df, t: tStat, pValue, significant: pValue < 1 - level };
}
