import { rngFor } from '../../generator/random';
import type { Interactions } from './interactions';
import { addScaled, dot, multiply } from './dense';
import { checkInteger, checkInteractions, checkNumber } from './input';
import { vectorScorer, type Scorer } from './scorer';
import { transpose } from './transpose';

export interface ImplicitMfOptions {
  /** Latent factors per user and item (default 32). */
  factors?: number;
  /**
   * L2 penalty per observed pair (default 1): a vector with n observed pairs is penalised by λ·max(1, n)
   * (weighted-λ regularisation, Zhou et al. 2008, as Spark's implicit ALS), so one λ suits small and
   * large data alike.
   */
  regularization?: number;
  /** Confidence of an observed pair, c = 1 + α (default 10); unobserved pairs have confidence 1 and preference 0. */
  alpha?: number;
  /** Alternating sweeps, users then items (default 8; on bench/recommendBench.ts data HR@10 stops moving after 4–6). */
  iterations?: number;
  /** Conjugate-gradient steps per vector and sweep (default 3). */
  cgSteps?: number;
  /** Seeds the initial factors (default 1). */
  seed?: number;
}

export const IMPLICIT_MF_DEFAULTS = { factors: 32, regularization: 1, alpha: 10, iterations: 8, cgSteps: 3, seed: 1 } as const;

/** The fitted factors, row-major: user u is userFactors[u·factors ..], item i is itemFactors[i·factors ..]. */
export interface ImplicitMfModel {
  factors: number;
  userFactors: Float32Array;
  itemFactors: Float32Array;
  scorer: Scorer;
}

/**
 * Implicit-feedback matrix factorisation by alternating least squares with confidence weights (Hu,
 * Koren & Volinsky 2008): minimise Σ_(u,i) c_ui (p_ui − x_uᵀy_i)² + λ(Σ n_u‖x_u‖² + Σ n_i‖y_i‖²) over all
 * pairs, p = 1 for bought, c = 1 + α for bought and 1 otherwise, n the vector's observed pairs (at least
 * 1). Each half-sweep solves (YᵀY + λ·n_u·I + α Σ_{i∈u} y_i y_iᵀ) x_u = (1 + α) Σ_{i∈u} y_i by a few
 * conjugate-gradient steps warm-started from the previous sweep (Takács, Pilászy & Tikk 2011), so a
 * user costs F² + 2·F·|items of u| per step instead of an F³ solve.
 */
export function fitImplicitMf(train: Interactions, options: ImplicitMfOptions = {}): ImplicitMfModel {
  checkInteractions(train);
  const o = { ...IMPLICIT_MF_DEFAULTS };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) Object.assign(o, { [key]: value });
  checkInteger('The number of factors', o.factors, 1, 1024);
  checkNumber('The regularization', o.regularization, 0);
  checkNumber('The confidence weight alpha', o.alpha, 0);
  checkInteger('The number of iterations', o.iterations, 0);
  checkInteger('The number of conjugate-gradient steps', o.cgSteps, 1);
  checkInteger('The seed', o.seed, 0);
  const f = o.factors;
  const userFactors = new Float32Array(train.users * f);
  const itemFactors = new Float32Array(train.itemCount * f);
  const rng = rngFor(o.seed, 'recommend.implicitMf.init');
  for (let k = 0; k < userFactors.length; k++) userFactors[k] = rng.normal() * 0.01;
  for (let k = 0; k < itemFactors.length; k++) itemFactors[k] = rng.normal() * 0.01;
  const byItem = transpose(train);
  const work = newWork(f);
  for (let it = 0; it < o.iterations; it++) {
    solveSide(userFactors, itemFactors, train, f, o.regularization, o.alpha, o.cgSteps, work);
    solveSide(itemFactors, userFactors, byItem, f, o.regularization, o.alpha, o.cgSteps, work);
  }
  const x = new Float64Array(f);
  const load = (user: number) => {
    for (let d = 0; d < f; d++) x[d] = userFactors[user * f + d];
  };
  const scorer = vectorScorer(
    train.itemCount,
    (user, out) => {
      load(user);
      for (let i = 0; i < out.length; i++) out[i] = dot(itemFactors, i * f, x, f);
    },
    (user, candidates, out) => {
      load(user);
      for (let j = 0; j < candidates.length; j++) out[j] = dot(itemFactors, candidates[j] * f, x, f);
    },
  );
  return { factors: f, userFactors, itemFactors, scorer };
}

interface Work {
  gram: Float64Array;
  x: Float64Array;
  r: Float64Array;
  p: Float64Array;
  ap: Float64Array;
}

const newWork = (f: number): Work => ({ gram: new Float64Array(f * f), x: new Float64Array(f), r: new Float64Array(f), p: new Float64Array(f), ap: new Float64Array(f) });

/** Re-solves every row of `target` (rows of `links`) against the fixed `other` factors. */
function solveSide(target: Float32Array, other: Float32Array, links: Interactions, f: number, lambda: number, alpha: number, steps: number, w: Work): void {
  const { gram, x, r, p, ap } = w;
  // G = OᵀO over every row of the fixed side; each row adds its own λ·n.
  gram.fill(0);
  const rows = other.length / f;
  for (let row = 0; row < rows; row++) {
    const base = row * f;
    for (let a = 0; a < f; a++) {
      const va = other[base + a];
      if (va === 0) continue;
      const ga = a * f;
      for (let b = a; b < f; b++) gram[ga + b] += va * other[base + b];
    }
  }
  for (let a = 0; a < f; a++) for (let b = 0; b < a; b++) gram[a * f + b] = gram[b * f + a];
  const c = 1 + alpha;
  for (let u = 0; u < links.users; u++) {
    const start = links.offsets[u];
    const end = links.offsets[u + 1];
    const tu = u * f;
    for (let d = 0; d < f; d++) x[d] = target[tu + d];
    // r = b − A x = −(G + reg·I) x + Σ_i (c − α·y_iᵀx) y_i
    multiply(gram, x, r, f);
    const reg = lambda * Math.max(1, end - start);
    for (let d = 0; d < f; d++) r[d] = -r[d] - reg * x[d];
    for (let k = start; k < end; k++) {
      const y = links.items[k] * f;
      addScaled(r, c - alpha * dot(other, y, x, f), other, y, f);
    }
    let rsOld = 0;
    for (let d = 0; d < f; d++) {
      p[d] = r[d];
      rsOld += r[d] * r[d];
    }
    for (let step = 0; step < steps && rsOld > 1e-20; step++) {
      // Ap = (G + reg·I) p + α Σ_i (y_iᵀp) y_i
      multiply(gram, p, ap, f);
      for (let d = 0; d < f; d++) ap[d] += reg * p[d];
      for (let k = start; k < end; k++) {
        const y = links.items[k] * f;
        addScaled(ap, alpha * dot(other, y, p, f), other, y, f);
      }
      let pAp = 0;
      for (let d = 0; d < f; d++) pAp += p[d] * ap[d];
      if (!(pAp > 0)) break;
      const stepLength = rsOld / pAp;
      let rsNew = 0;
      for (let d = 0; d < f; d++) {
        x[d] += stepLength * p[d];
        r[d] -= stepLength * ap[d];
        rsNew += r[d] * r[d];
      }
      const beta = rsNew / rsOld;
      for (let d = 0; d < f; d++) p[d] = r[d] + beta * p[d];
      rsOld = rsNew;
    }
    for (let d = 0; d < f; d++) target[tu + d] = x[d];
  }
}
