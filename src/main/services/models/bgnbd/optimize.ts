/** A function to minimise: its value and gradient at a point (value +∞ or NaN: the point is refused). */
export type Objective = (x: number[]) => { value: number; gradient: number[] };

export interface Minimum {
  point: number[];
  value: number;
  gradient: number[];
  iterations: number;
  /** Objective calls (line-search trials included). */
  evaluations: number;
  /**
   * Whether the gradient test was met, or the search stalled (no lower value beyond rounding) with
   * every |∂f/∂xᵢ| ≤ STALL_TOLERANCE · (1 + |f|): not the iteration limit nor a stall far from a minimum.
   */
  converged: boolean;
}

export interface BfgsOptions {
  /** Converged when every |∂f/∂xᵢ| ≤ gradientTolerance · (1 + |f|) (default 1e-8). */
  gradientTolerance?: number;
  maxIterations?: number;
  /** Longest first trial step on any axis (default 2; on log-parameters a factor of e²). */
  maxStep?: number;
}

/** A decrease below this share of |f| is rounding, not progress. */
const NOISE = 1e-14;
/** The gradient test a stalled search must still meet to count as converged. */
const STALL_TOLERANCE = 1e-6;

const dot = (u: number[], v: number[]): number => u.reduce((s, ui, i) => s + ui * v[i], 0);
const identity = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/**
 * BFGS quasi-Newton minimisation with a backtracking (Armijo) line search. The inverse-Hessian
 * estimate starts as the identity scaled by sᵀy/yᵀy after the first step, skips updates whose
 * curvature sᵀy is not positive, and is reset to the identity when it stops giving a descent direction.
 */
export function bfgs(f: Objective, start: number[], options: BfgsOptions = {}): Minimum {
  const gTol = options.gradientTolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 500;
  const maxStep = options.maxStep ?? 2;
  const n = start.length;
  let evaluations = 0;
  const evaluate = (x: number[]): { value: number; gradient: number[] } => {
    evaluations++;
    const out = f(x);
    return Number.isNaN(out.value) || !out.gradient.every(Number.isFinite) ? { value: Infinity, gradient: out.gradient } : out;
  };
  let x = start.slice();
  let current = evaluate(x);
  if (!Number.isFinite(current.value)) return { point: x, ...current, iterations: 0, evaluations, converged: false };
  let h = identity(n);
  let scaled = false;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const g = current.gradient;
    if (Math.max(...g.map(Math.abs)) <= gTol * (1 + Math.abs(current.value))) {
      return { point: x, ...current, iterations: iteration, evaluations, converged: true };
    }
    let direction = h.map((row) => -dot(row, g));
    if (!(dot(direction, g) < 0)) {
      h = identity(n);
      direction = g.map((v) => -v);
    }
    const longest = Math.max(...direction.map(Math.abs));
    let t = longest > maxStep ? maxStep / longest : 1;
    const slope = dot(direction, g);
    let next: { value: number; gradient: number[] } | null = null;
    let trial = x;
    for (let k = 0; k < 40; k++, t *= 0.5) {
      trial = x.map((v, i) => v + t * direction[i]);
      const candidate = evaluate(trial);
      if (candidate.value <= current.value + 1e-4 * t * slope) {
        next = candidate;
        break;
      }
    }
    const stalled = !next || current.value - next.value <= NOISE * (1 + Math.abs(current.value));
    if (!next || stalled) {
      if (next && next.value <= current.value) [x, current] = [trial, next];
      const converged = Math.max(...current.gradient.map(Math.abs)) <= STALL_TOLERANCE * (1 + Math.abs(current.value));
      return { point: x, ...current, iterations: iteration + 1, evaluations, converged };
    }
    const s = trial.map((v, i) => v - x[i]);
    const y = next.gradient.map((v, i) => v - g[i]);
    const sy = dot(s, y);
    x = trial;
    current = next;
    if (!(sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y)))) continue;
    if (!scaled) {
      const scale = sy / dot(y, y);
      h = h.map((row) => row.map((v) => v * scale));
      scaled = true;
    }
    // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/sᵀy.
    const rho = 1 / sy;
    const hy = h.map((row) => dot(row, y));
    const yhy = dot(y, hy);
    h = h.map((row, i) => row.map((v, j) => v - rho * (s[i] * hy[j] + hy[i] * s[j]) + (rho * rho * yhy + rho) * s[i] * s[j]));
  }
  return { point: x, ...current, iterations: maxIterations, evaluations, converged: false };
}
