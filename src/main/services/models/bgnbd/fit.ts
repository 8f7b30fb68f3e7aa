import { keyedError } from '../../../../shared/errors';
import { logLikelihoodWithGradient, type BgnbdParams, type RepeatHistory } from './bgnbd';
import { bfgs, type Minimum, type Objective } from './optimize';

export interface BgnbdFit {
  params: BgnbdParams;
  logLikelihood: number;
  /** Customers (the histories' counts added up). */
  customers: number;
  /** Log-likelihood evaluations, all starts together. */
  evaluations: number;
  /** Whether the best start's search met its gradient test. */
  converged: boolean;
}

/** Log-parameters beyond ±LIMIT (factors e^±30) are refused: there the model has left any sensible range. */
const LIMIT = 30;

const toParams = ([r, alpha, a, b]: number[]): BgnbdParams => ({ r: Math.exp(r), alpha: Math.exp(alpha), a: Math.exp(a), b: Math.exp(b) });

/** −LL and its gradient in θ = (ln r, ln α, ln a, ln b): ∂/∂θᵢ = pᵢ ∂/∂pᵢ. */
function objective(data: readonly RepeatHistory[]): Objective {
  return (theta) => {
    if (!theta.every((v) => Math.abs(v) <= LIMIT)) return { value: Infinity, gradient: theta.map(() => NaN) };
    const p = toParams(theta);
    const { value, gradient: g } = logLikelihoodWithGradient(p, data);
    return { value: -value, gradient: [-p.r * g.r, -p.alpha * g.alpha, -p.a * g.a, -p.b * g.b] };
  };
}

/**
 * Maximum-likelihood BG/NBD: minimises −LL over (ln r, ln α, ln a, ln b) (so every parameter stays
 * positive) by BFGS with the analytic gradient, from four starts — r ∈ {0.25, 1.5} with α set so
 * that r/α is the observed repeat rate Σx/ΣT, times (a, b) ∈ {(1, 1), (0.5, 3)} — and keeps the best.
 * On short observation windows the likelihood is flat along a ridge in (a, b), which is why more
 * than one start is tried.
 */
export function fitBgnbd(data: readonly RepeatHistory[]): BgnbdFit {
  const customers = checkHistories(data);
  let repeats = 0;
  let exposure = 0;
  for (const { x, T, count } of data) {
    repeats += x * count;
    exposure += T * count;
  }
  const rate = repeats / Math.max(exposure, 1e-12);
  const f = objective(data);
  let evaluations = 0;
  let best: Minimum | null = null;
  for (const r of [0.25, 1.5]) {
    for (const [a, b] of [[1, 1], [0.5, 3]]) {
      const run = bfgs(f, [r, r / rate, a, b].map(Math.log));
      evaluations += run.evaluations;
      if (Number.isFinite(run.value) && (!best || run.value < best.value)) best = run;
    }
  }
  if (!best) throw keyedError('BAD_ARGUMENT', 'BG/NBD: the log-likelihood is not finite at any start; the histories cannot be fitted.', 'bgnbdNotFinite');
  return { params: toParams(best.point), logLikelihood: -best.value, customers, evaluations, converged: best.converged };
}

/** Checks the histories and returns the customer count; BAD_ARGUMENT where no maximum exists. */
function checkHistories(data: readonly RepeatHistory[]): number {
  let customers = 0;
  let repeaters = 0;
  for (const { x, tx, T, count } of data) {
    if (!(Number.isInteger(x) && x >= 0 && count >= 0 && tx >= 0 && tx <= T && (x > 0 || tx === 0))) {
      throw keyedError('BAD_ARGUMENT', `BG/NBD: the history x = ${x}, t_x = ${tx}, T = ${T} (count ${count}) is not possible.`, 'bgnbdImpossibleHistory', { x, tx, T, count });
    }
    customers += count;
    if (x > 0) repeaters += count;
  }
  if (customers === 0) throw keyedError('BAD_ARGUMENT', 'BG/NBD: there are no customers to fit.', 'bgnbdNoCustomers');
  // With no repeat purchase at all the likelihood rises without bound as r → 0: there is no estimate.
  if (repeaters === 0) {
    throw keyedError('BAD_ARGUMENT', 'BG/NBD: no customer bought again (on another day) in the period; the model cannot be fitted.', 'bgnbdNoRepeaters');
  }
  return customers;
}

/**
 * Standard errors from the observed information: the inverse of the Hessian of −LL in the
 * log-parameters (central differences of the analytic gradient, step 1e-5, symmetrised), mapped
 * back by the delta method (se(p) ≈ p·se(ln p)). NaN where the Hessian is not positive definite
 * (the point is no proper maximum).
 */
export function standardErrors(params: BgnbdParams, data: readonly RepeatHistory[]): BgnbdParams {
  const theta = [params.r, params.alpha, params.a, params.b].map(Math.log);
  const f = objective(data);
  const h = 1e-5;
  const columns = theta.map((_, j) => {
    const up = theta.slice();
    const down = theta.slice();
    up[j] += h;
    down[j] -= h;
    const gu = f(up).gradient;
    const gd = f(down).gradient;
    return gu.map((v, i) => (v - gd[i]) / (2 * h));
  });
  const hessian = theta.map((_, i) => theta.map((_, j) => (columns[j][i] + columns[i][j]) / 2));
  const covariance = invertSymmetric(hessian);
  const se = theta.map((t, i) => {
    const v = covariance?.[i][i];
    return v !== undefined && v > 0 ? Math.exp(t) * Math.sqrt(v) : NaN;
  });
  return { r: se[0], alpha: se[1], a: se[2], b: se[3] };
}

/** Inverse by Cholesky; null when the matrix is not positive definite. */
function invertSymmetric(m: number[][]): number[][] | null {
  const n = m.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 0)) return null;
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  // Columns of L⁻ᵀ L⁻¹: solve L y = e_k, then Lᵀ z = y.
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let k = 0; k < n; k++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = i === k ? 1 : 0;
      for (let j = 0; j < i; j++) s -= l[i][j] * y[j];
      y[i] = s / l[i][i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i];
      for (let j = i + 1; j < n; j++) s -= l[j][i] * inverse[j][k];
      inverse[i][k] = s / l[i][i];
    }
  }
  return inverse;
}
