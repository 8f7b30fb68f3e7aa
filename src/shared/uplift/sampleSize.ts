/**
 * Power and sample size of the two-sided two-proportion z test (pooled variance under the null), for
 * groups of unequal size: the read-back's "how many customers would a conclusive test need".
 */
import { MetricInputError } from '../metrics';
import { requireProbability } from './input';
import { normalCdf, normalQuantile } from './normal';

export interface SampleSizeOptions {
  /** Two-sided significance level of the test; 0.05 by default. */
  alpha?: number;
  /** Wanted probability of a significant result when the true rates are p1 and p2; 0.8 by default, at least 0.5. */
  power?: number;
  /** Treatment group size over control group size: a 10 % control group is ratio 9 (the default). */
  ratio?: number;
}

export interface SampleSize {
  control: number;
  treatment: number;
  /** control + treatment: the customers the list would need to hold. */
  total: number;
}

function requireAlpha(fn: string, alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new MetricInputError(fn, `alpha must lie strictly between 0 and 1, got ${alpha}`);
}

/**
 * Customers per group for a two-sided two-proportion z test at level `alpha` to detect the difference
 * p2 − p1 (p1 the control rate, p2 the treatment rate) with probability `power`, when the treatment
 * group is `ratio` (k) times the control group. With q = 1 − p, p̄ = (p1 + k·p2)/(1 + k) (the pooled rate
 * the test sees), Δ = p2 − p1 and z_x the standard normal x-quantile (Fleiss, Statistical Methods for
 * Rates and Proportions, §4.4, no continuity correction; R's power.prop.test for k = 1):
 *
 *   n_control = [ z_{1−α/2} · √(p̄q̄ · (1 + 1/k)) + z_{power} · √(p1q1 + p2q2/k) ]² / Δ²
 *   n_treatment = k · n_control
 *
 * each rounded up. p1 = 0.10, p2 = 0.13, k = 1, α = 0.05, power 0.8 gives 1,774 per group. The far tail
 * (a significant result of the wrong sign) is ignored, as is usual; achievedPower counts it. Returns
 * null when p1 = p2: no sample detects a difference of zero.
 */
export function requiredSampleSize(p1: number, p2: number, options: SampleSizeOptions = {}): SampleSize | null {
  const fn = 'requiredSampleSize';
  const { alpha = 0.05, power = 0.8, ratio = 9 } = options;
  requireProbability(fn, 'p1', p1);
  requireProbability(fn, 'p2', p2);
  requireAlpha(fn, alpha);
  if (!(power >= 0.5 && power < 1)) throw new MetricInputError(fn, `power must lie in [0.5, 1), got ${power}`);
  if (!(ratio > 0 && Number.isFinite(ratio))) throw new MetricInputError(fn, `ratio must be a positive number, got ${ratio}`);
  if (p1 === p2) return null;
  const k = ratio;
  const pooled = (p1 + k * p2) / (1 + k);
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zPower = normalQuantile(power);
  const root = zAlpha * Math.sqrt(pooled * (1 - pooled) * (1 + 1 / k)) + zPower * Math.sqrt(p1 * (1 - p1) + (p2 * (1 - p2)) / k);
  const nControl = (root * root) / ((p2 - p1) * (p2 - p1));
  // Shave float noise off before rounding up, so an exact 1774.0000000000002 stays 1774.
  const up = (x: number) => Math.max(1, Math.ceil(x * (1 - 1e-12)));
  const control = up(nControl);
  const treatment = up(k * nControl);
  return { control, treatment, total: control + treatment };
}

/**
 * The power of the two-sided pooled two-proportion z test at level `alpha` with nTreatment and nControl
 * customers, when the true rates are p1 (control) and p2 (treatment): with Δ = p2 − p1,
 * p̄ = (nC·p1 + nT·p2)/(nC + nT), SE₀ = √(p̄q̄ (1/nT + 1/nC)) (the test's, under the null) and
 * SE₁ = √(p1q1/nC + p2q2/nT) (the difference's, under the alternative):
 *
 *   power = Φ((|Δ| − z_{1−α/2}·SE₀)/SE₁) + Φ((−|Δ| − z_{1−α/2}·SE₀)/SE₁)
 *
 * both tails counted, so Δ = 0 gives about α. When SE₁ = 0 (both rates 0 or 1) the outcome is certain:
 * 1 if |Δ| clears the critical value, else 0.
 */
export function achievedPower(p1: number, p2: number, nTreatment: number, nControl: number, alpha = 0.05): number {
  const fn = 'achievedPower';
  requireProbability(fn, 'p1', p1);
  requireProbability(fn, 'p2', p2);
  requireAlpha(fn, alpha);
  for (const [name, n] of [
    ['nTreatment', nTreatment],
    ['nControl', nControl],
  ] as const) {
    if (!Number.isInteger(n) || n < 1) throw new MetricInputError(fn, `${name} must be an integer ≥ 1, got ${n}`);
  }
  const delta = Math.abs(p2 - p1);
  const pooled = (nControl * p1 + nTreatment * p2) / (nControl + nTreatment);
  const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / nTreatment + 1 / nControl));
  const se1 = Math.sqrt((p1 * (1 - p1)) / nControl + (p2 * (1 - p2)) / nTreatment);
  const critical = normalQuantile(1 - alpha / 2) * se0;
  if (se1 === 0) return delta > critical ? 1 : 0;
  return normalCdf((delta - critical) / se1) + normalCdf((-delta - critical) / se1);
}
