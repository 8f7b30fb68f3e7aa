/** Student's t distribution with real (not only whole) degrees of freedom, as Welch's test needs. */
import { logGamma, regularizedIncompleteBeta } from './incompleteBeta';
import { normalQuantile } from './normal';

/** Above this many degrees of freedom t is the standard normal to double precision. */
const NORMAL_DF = 1e12;

/** P(T > t) for t ≥ 0: ½ · I_x(ν/2, ½) with x = ν/(ν + t²), and 1 − x = t²/(ν + t²) given exactly. */
function upperTail(t: number, df: number): number {
  if (t === Infinity) return 0;
  const t2 = t * t;
  return 0.5 * regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

function logDensity(t: number, df: number): number {
  return logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log1p((t * t) / df);
}

/** P(T ≤ t) for T ~ Student t with `df` > 0 degrees of freedom (need not be an integer). NaN for df ≤ 0. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  const tail = upperTail(Math.abs(t), df);
  return t < 0 ? tail : 1 - tail;
}

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|), without the 1 − CDF cancellation. */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  return Math.min(1, 2 * upperTail(Math.abs(t), df));
}

/**
 * The p-quantile of Student's t with `df` > 0 degrees of freedom (real df allowed): studentTQuantile(0.975,
 * 10) = 2.228139, (0.975, 1) = 12.7062. Closed forms for df = 1 (Cauchy) and df = 2; otherwise Newton's
 * method on log P(T > t) = log q from Hill's (1970) expansion around the normal quantile, kept inside a
 * bracket that bisection shrinks whenever a Newton step would leave it. NaN outside p ∈ [0, 1] or df ≤ 0.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df >= NORMAL_DF) return normalQuantile(p);
  const sign = p < 0.5 ? -1 : 1;
  const q = Math.min(p, 1 - p);
  if (df === 1) return sign / Math.tan(Math.PI * q);
  if (df === 2) return sign * Math.sqrt(2 / (4 * q * (1 - q)) - 2);

  const z = normalQuantile(1 - q);
  const z3 = z * z * z;
  let t = z + (z3 + z) / (4 * df) + (5 * z3 * z * z + 16 * z3 + 3 * z) / (96 * df * df);
  let lo = 0;
  let hi = Math.max(1, 2 * t);
  while (upperTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
  }
  if (!(t > lo && t < hi)) t = (lo + hi) / 2;
  const logQ = Math.log(q);
  for (let i = 0; i < 200; i++) {
    const tail = upperTail(t, df);
    const g = Math.log(tail) - logQ;
    if (g === 0) return sign * t;
    if (g > 0) lo = t;
    else hi = t;
    // d/dt log P(T > t) = −f(t) / P(T > t)
    let next = t + g / Math.exp(logDensity(t, df) - Math.log(tail));
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * t || hi - lo <= 1e-15 * hi) return sign * next;
    t = next;
  }
  return sign * t;
}
