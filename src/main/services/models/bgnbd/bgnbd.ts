import { hyp2f1 } from './hyp2f1';
import { digamma } from './digamma';
import { lgamma } from './lgamma';

/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"). While alive, a
 * customer buys as a Poisson process of rate λ ~ Gamma(r, α) (α a rate, in the data's time unit);
 * after every repeat purchase the customer dies with probability p ~ Beta(a, b).
 */
export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * The customers who share one history: x repeat purchases (the first purchase is not one), the
 * last of them t_x after the first purchase, T = the time from the first purchase to the end of
 * observation (t_x and T in one unit; t_x = 0 when x = 0), and how many customers have it.
 */
export interface RepeatHistory {
  x: number;
  tx: number;
  T: number;
  count: number;
}

/**
 * The log-likelihood of the histories (the paper's eq. 6, as in Fader, Hardie & Lee's note
 * "Implementing the BG/NBD model in Excel"): per customer ln L = ln A1 + ln A2 + ln(A3 + [x > 0] A4) with
 *   ln A1 = ln Γ(r + x) − ln Γ(r) + r ln α
 *   ln A2 = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x)
 *   ln A3 = −(r + x) ln(α + T)
 *   ln A4 = ln a − ln(b + x − 1) − (r + x) ln(α + t_x)
 * and ln(A3 + A4) taken as max + ln(1 + e^(min − max)) so neither term underflows. Summed with
 * each history's count.
 */
export function logLikelihood(params: BgnbdParams, data: readonly RepeatHistory[]): number {
  return likelihood(params, data, false).value;
}

/** The log-likelihood and its gradient in (r, α, a, b). */
export function logLikelihoodWithGradient(params: BgnbdParams, data: readonly RepeatHistory[]): { value: number; gradient: BgnbdParams } {
  const { value, gradient } = likelihood(params, data, true);
  return { value, gradient: { r: gradient[0], alpha: gradient[1], a: gradient[2], b: gradient[3] } };
}

/** Γ and ψ terms that depend on x only, computed once per distinct x. */
interface XTerms {
  lnGamma: number;
  psiRx: number;
  psiBx: number;
  psiABx: number;
}

/**
 * One pass for eq. 6 and, when asked, its derivatives. With w3 = A3/(A3 + A4) and w4 = 1 − w3
 * (w3 = 1, w4 = 0 when x = 0), per customer:
 *   ∂/∂r = ψ(r + x) − ψ(r) + ln α − w3 ln(α + T) − w4 ln(α + t_x)
 *   ∂/∂α = r/α − (r + x)(w3/(α + T) + w4/(α + t_x))
 *   ∂/∂a = ψ(a + b) − ψ(a + b + x) + w4/a
 *   ∂/∂b = ψ(a + b) − ψ(b) + ψ(b + x) − ψ(a + b + x) − w4/(b + x − 1)
 */
function likelihood(params: BgnbdParams, data: readonly RepeatHistory[], withGradient: boolean): { value: number; gradient: number[] } {
  const { r, alpha, a, b } = params;
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  const base = r * logAlpha - lgamma(r) + lgamma(a + b) - lgamma(b);
  const psiAB = withGradient ? digamma(a + b) : 0;
  const baseR = withGradient ? logAlpha - digamma(r) : 0;
  const baseB = withGradient ? psiAB - digamma(b) : 0;
  const byX = new Map<number, XTerms>();
  let value = 0;
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  for (const { x, tx, T, count } of data) {
    let terms = byX.get(x);
    if (terms === undefined) {
      terms = {
        lnGamma: lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x),
        psiRx: withGradient ? digamma(r + x) : 0,
        psiBx: withGradient ? digamma(b + x) : 0,
        psiABx: withGradient ? digamma(a + b + x) : 0,
      };
      byX.set(x, terms);
    }
    const logAT = Math.log(alpha + T);
    const lnA3 = -(r + x) * logAT;
    let tail = lnA3;
    let w4 = 0;
    let logATx = 0;
    if (x > 0) {
      logATx = Math.log(alpha + tx);
      const lnA4 = logA - Math.log(b + x - 1) - (r + x) * logATx;
      tail = logAddExp(lnA3, lnA4);
      if (withGradient) w4 = Math.exp(lnA4 - tail);
    }
    value += count * (base + terms.lnGamma + tail);
    if (!withGradient) continue;
    const w3 = 1 - w4;
    dr += count * (baseR + terms.psiRx - w3 * logAT - w4 * logATx);
    dAlpha += count * (r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + tx)));
    da += count * (psiAB - terms.psiABx + w4 / a);
    db += count * (baseB + terms.psiBx - terms.psiABx - (x > 0 ? w4 / (b + x - 1) : 0));
  }
  return { value, gradient: [dr, dAlpha, da, db] };
}

function logAddExp(u: number, v: number): number {
  const hi = Math.max(u, v);
  return hi + Math.log1p(Math.exp(Math.min(u, v) - hi));
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] a/(b + x − 1) ((α + T)/(α + t_x))^(r + x)) (Fader, Hardie
 * & Lee's note "Computing P(alive) using the BG/NBD model"). It is 1 when x = 0: in BG/NBD a customer can drop out only just after a repeat purchase,
 * so one who never bought again is alive for sure — a known quirk of the model (one-time buyers get
 * the highest P(alive); the MBG/NBD variant lets customers drop out at time 0 as well). It falls as
 * the gap T − t_x since the last purchase grows, faster the more often the customer bought.
 */
export function pAlive(params: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** Below this distance from a = 1, expectedTransactions interpolates (see there). */
const NEAR_ONE = 1e-4;

/**
 * E[Y(t) | x, t_x, T]: the expected number of purchases in the next t after T of a customer with
 * that history (the paper's eq. 10):
 *   (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r + x) ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))]
 *   / (1 + [x > 0] a/(b + x − 1) ((α + T)/(α + t_x))^(r + x)).
 * The formula holds for every a ≠ 1 (for a < 1 by analytic continuation in a: the expectation itself
 * is finite, and the tests check it against simulation with a < 1); at a = 1 the
 * bracket is 0 (₂F₁(r + x, b + x; b + x; z) = (1 − z)^−(r + x)) and the limit is finite, so within
 * NEAR_ONE of 1, where the bracket loses its digits to cancellation, the value is interpolated
 * linearly between a = 1 ± NEAR_ONE (error of order NEAR_ONE²). With x = t_x = T = 0 it is the
 * expected count of a new customer in t (eq. 9).
 */
export function expectedTransactions(params: BgnbdParams, t: number, x: number, tx: number, T: number): number {
  const { a } = params;
  if (t === 0) return 0;
  if (Math.abs(a - 1) >= NEAR_ONE) return conditionalExpectation(params, t, x, tx, T);
  const lo = conditionalExpectation({ ...params, a: 1 - NEAR_ONE }, t, x, tx, T);
  const hi = conditionalExpectation({ ...params, a: 1 + NEAR_ONE }, t, x, tx, T);
  return lo + ((hi - lo) * (a - (1 - NEAR_ONE))) / (2 * NEAR_ONE);
}

function conditionalExpectation(params: BgnbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const shrink = Math.pow((alpha + T) / (alpha + T + t), r + x);
  const bracket = 1 - shrink * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  const expectedIfAlive = ((a + b + x - 1) / (a - 1)) * bracket;
  return expectedIfAlive * pAlive(params, x, tx, T);
}
