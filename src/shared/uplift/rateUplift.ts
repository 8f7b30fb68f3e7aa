/** Uplift of a rate (bought, came back) between the contacted customers and the held-out control group. */
import { requireLevel, requireRateGroup, type RateGroup } from './input';
import { normalQuantile, normalTwoSidedP } from './normal';
import { achievedPower, requiredSampleSize, type SampleSize } from './sampleSize';

/**
 * How the interval of the difference is built. 'newcombe' (the default) is Newcombe's hybrid score
 * interval (his method 10, Statistics in Medicine 17, 1998): it combines the two groups' Wilson score
 * intervals, so it stays inside [−1, 1], is not degenerate at 0 or n successes and keeps close to its
 * nominal coverage with small groups or rare outcomes (a small decile, a 1 % response). 'wald' is the
 * textbook difference ± z·SE with the unpooled SE: the same at large counts, too narrow at small ones.
 */
export type RateInterval = 'newcombe' | 'wald';

export interface RateUpliftOptions {
  /** Interval of the difference; 'newcombe' by default. */
  interval?: RateInterval;
  /** Power for `required`; 0.8 by default. */
  power?: number;
}

export interface RateUplift {
  /** successes / n of each group. */
  treatment: number;
  control: number;
  /** treatment − control, in rate units (0.03 = 3 points). */
  uplift: number;
  /** treatment / control; null when the control rate is 0. */
  ratio: number | null;
  /** The `level` confidence interval of the uplift. */
  ciLow: number;
  ciHigh: number;
  level: number;
  interval: RateInterval;
  /** Unpooled standard error of the difference, √(pT·qT/nT + pC·qC/nC). */
  standardError: number;
  /** Pooled two-proportion z statistic (0 when both groups are all 0 or all 1). */
  z: number;
  /** Two-sided p-value of the z test. */
  pValue: number;
  /** pValue < 1 − level. Decided by the test; at the margin the interval may still just touch 0. */
  significant: boolean;
  /** Power of this very test (these group sizes, α = 1 − level) if the observed rates were the truth. */
  power: number;
  /**
   * Customers a test would need to find the observed difference significant with the wanted power
   * (0.8), in the same treatment : control proportion; null when the observed difference is 0.
   */
  required: SampleSize | null;
}

/** The Wilson score interval of successes / n: the z-test-inverting interval Newcombe builds on. */
export function wilsonInterval(successes: number, n: number, z: number): { low: number; high: number } {
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Treatment vs control on a rate: the difference, the ratio, a `level` confidence interval of the
 * difference (Newcombe's hybrid score interval by default, see RateInterval), and the pooled z test:
 * z = (pT − pC) / √(p̄(1 − p̄)(1/nT + 1/nC)) with p̄ = (sT + sC)/(nT + nC), two-sided. Also the numbers a
 * "not significant" sentence needs: the power at the observed rates and the sample a conclusive test would
 * need (requiredSampleSize at the observed rates, alpha = 1 − level). Throws on n < 1 or successes > n.
 */
export function rateUplift(treatment: RateGroup, control: RateGroup, level = 0.95, options: RateUpliftOptions = {}): RateUplift {
  const fn = 'rateUplift';
  requireRateGroup(fn, 'treatment', treatment);
  requireRateGroup(fn, 'control', control);
  requireLevel(fn, level);
  const { interval = 'newcombe', power = 0.8 } = options;
  const nT = treatment.n;
  const nC = control.n;
  const pT = treatment.successes / nT;
  const pC = control.successes / nC;
  const uplift = pT - pC;
  const zCrit = normalQuantile(1 - (1 - level) / 2);
  const standardError = Math.sqrt((pT * (1 - pT)) / nT + (pC * (1 - pC)) / nC);

  let ciLow: number;
  let ciHigh: number;
  if (interval === 'wald') {
    ciLow = uplift - zCrit * standardError;
    ciHigh = uplift + zCrit * standardError;
  } else {
    const t = wilsonInterval(treatment.successes, nT, zCrit);
    const c = wilsonInterval(control.successes, nC, zCrit);
    ciLow = uplift - Math.hypot(pT - t.low, c.high - pC);
    ciHigh = uplift + Math.hypot(t.high - pT, pC - c.low);
  }

  const pooled = (treatment.successes + control.successes) / (nT + nC);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / nT + 1 / nC));
  const z = pooledSe === 0 ? 0 : uplift / pooledSe;
  const pValue = normalTwoSidedP(z);
  return {
    treatment: pT,
    control: pC,
    uplift,
    ratio: pC === 0 ? null : pT / pC,
    ciLow,
    ciHigh,
    level,
    interval,
    standardError,
    z,
    pValue,
    significant: pValue < 1 - level,
    power: achievedPower(pC, pT, nT, nC, 1 - level),
    required: requiredSampleSize(pC, pT, { alpha: 1 - level, power, ratio: nT / nC }),
  };
}
