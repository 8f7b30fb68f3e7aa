/**
 * The first two principal components, for the cluster scatter plot: power iteration on the d × d
 * covariance matrix (divisor n − 1, as scikit-learn), the second after deflating the first
 * (C ← C − λ₁ v₁ v₁ᵀ, and kept orthogonal to v₁ at every step against rounding). The start vector is
 * seeded, so the result is deterministic; each component's sign is fixed so that its largest-magnitude
 * entry is positive (ties: the lower index). With d = 1 the second component is all 0.
 */
import { mulberry32 } from '../../../../shared/metrics/random';
import { checkInteger, checkMatrix, checkNumber } from './input';

export interface PcaOptions {
  /** Seed of the start vectors. Default 0. */
  seed?: number;
  /** Most power steps per component. Default 1000. */
  maxIterations?: number;
  /** Stop once ‖v_new − v_old‖ ≤ tolerance. Default 1e-10. */
  tolerance?: number;
}

export interface PcaResult {
  /** n × 2, row-major: each row's coordinates on the two components. */
  projection: Float64Array;
  /** 2 × d, row-major: the unit directions. */
  components: Float64Array;
  /** The two eigenvalues: variance along each component. */
  explainedVariance: Float64Array;
  /** Each component's share of the total variance (the covariance's trace); 0 when there is no variance. */
  explainedVarianceRatio: Float64Array;
  /** Column means subtracted before projecting. */
  mean: Float64Array;
}

export function pca2(x: Float64Array, n: number, d: number, options: PcaOptions = {}): PcaResult {
  checkMatrix(x, n, d);
  const seed = options.seed ?? 0;
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-10;
  checkInteger('seed', seed, 0, 2 ** 32 - 1);
  checkInteger('maxIterations', maxIterations, 1);
  checkNumber('tolerance', tolerance, 0);

  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) mean[f] += x[i * d + f];
  for (let f = 0; f < d; f++) mean[f] /= n;
  // Upper triangle, row by row, then mirrored.
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < d; f++) centred[f] = x[i * d + f] - mean[f];
    for (let f = 0; f < d; f++) {
      const cf = centred[f];
      const row = f * d;
      for (let g = f; g < d; g++) cov[row + g] += cf * centred[g];
    }
  }
  const divisor = Math.max(1, n - 1);
  for (let f = 0; f < d; f++) {
    for (let g = f; g < d; g++) {
      cov[f * d + g] /= divisor;
      cov[g * d + f] = cov[f * d + g];
    }
  }
  let trace = 0;
  for (let f = 0; f < d; f++) trace += cov[f * d + f];

  const random = mulberry32(seed);
  const components = new Float64Array(2 * d);
  const explainedVariance = new Float64Array(2);
  const kept = Math.min(2, d);
  for (let j = 0; j < kept; j++) {
    const v = components.subarray(j * d, j * d + d);
    const lambda = powerIteration(cov, d, v, components.subarray(0, j * d), random, maxIterations, tolerance);
    explainedVariance[j] = lambda;
    // Deflate: remove the found direction so the next power iteration finds the next one.
    for (let f = 0; f < d; f++) for (let g = 0; g < d; g++) cov[f * d + g] -= lambda * v[f] * v[g];
  }
  const explainedVarianceRatio = new Float64Array(2);
  if (trace > 0) for (let j = 0; j < 2; j++) explainedVarianceRatio[j] = explainedVariance[j] / trace;

  const projection = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    let p0 = 0;
    let p1 = 0;
    for (let f = 0; f < d; f++) {
      const t = x[i * d + f] - mean[f];
      p0 += t * components[f];
      p1 += t * components[d + f];
    }
    projection[2 * i] = p0;
    projection[2 * i + 1] = p1;
  }
  return { projection, components, explainedVariance, explainedVarianceRatio, mean };
}

/** Leading unit eigenvector of the symmetric PSD `a` orthogonal to `previous` (rows of d), into v; returns its eigenvalue (≥ 0). */
function powerIteration(
  a: Float64Array,
  d: number,
  v: Float64Array,
  previous: Float64Array,
  random: () => number,
  maxIterations: number,
  tolerance: number,
): number {
  for (let f = 0; f < d; f++) v[f] = random() - 0.5;
  orthonormalize(v, previous, d);
  const w = new Float64Array(d);
  for (let it = 0; it < maxIterations; it++) {
    for (let f = 0; f < d; f++) {
      let s = 0;
      for (let g = 0; g < d; g++) s += a[f * d + g] * v[g];
      w[f] = s;
    }
    if (!orthonormalize(w, previous, d)) break; // a·v = 0: no variance left in this direction, keep v
    let change = 0;
    for (let f = 0; f < d; f++) {
      const t = w[f] - v[f];
      change += t * t;
      v[f] = w[f];
    }
    if (Math.sqrt(change) <= tolerance) break;
  }
  let big = 0;
  for (let f = 1; f < d; f++) if (Math.abs(v[f]) > Math.abs(v[big])) big = f;
  if (v[big] < 0) for (let f = 0; f < d; f++) v[f] = -v[f];
  // Rayleigh quotient vᵀ a v, floored at 0 against rounding.
  let lambda = 0;
  for (let f = 0; f < d; f++) {
    let s = 0;
    for (let g = 0; g < d; g++) s += a[f * d + g] * v[g];
    lambda += v[f] * s;
  }
  return Math.max(0, lambda);
}

/** Removes from w its parts along the rows of `previous` and scales it to length 1; false (w unchanged) when nothing is left. */
function orthonormalize(w: Float64Array, previous: Float64Array, d: number): boolean {
  const out = Float64Array.from(w);
  for (let p = 0; p < previous.length; p += d) {
    let dot = 0;
    for (let f = 0; f < d; f++) dot += out[f] * previous[p + f];
    for (let f = 0; f < d; f++) out[f] -= dot * previous[p + f];
  }
  let norm = 0;
  for (let f = 0; f < d; f++) norm += out[f] * out[f];
  norm = Math.sqrt(norm);
  if (!(norm > 1e-300)) return false;
  for (let f = 0; f < d; f++) w[f] = out[f] / norm;
  return true;
}
