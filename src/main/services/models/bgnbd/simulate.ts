import { rngFor } from '../../generator/random';
import type { BgnbdParams, RepeatHistory } from './bgnbd';

/** A simulated customer: the history at T, whether still alive at T, and the purchases in (T, T + horizon]. */
export interface SimulatedCustomer extends RepeatHistory {
  alive: boolean;
  future: number;
}

export interface SimulationOptions {
  seed: number;
  /** Each customer's T is drawn uniformly from [min, max] (in the unit α is in). */
  T: { min: number; max: number };
  /** Length of the holdout after T whose purchases are counted in `future` (default 0). */
  horizon?: number;
}

/**
 * Customers drawn from BG/NBD itself (for tests and benchmarks): λ ~ Gamma(r, rate α),
 * p ~ Beta(a, b) (as G₁/(G₁ + G₂) of two Marsaglia–Tsang gammas), purchases after the first one at
 * exponential gaps of mean 1/λ, and after each of them death with probability p. One seeded stream
 * (the generator's sfc32), so a seed always gives the same customers.
 */
export function simulateBgnbd(params: BgnbdParams, customers: number, options: SimulationOptions): SimulatedCustomer[] {
  const rng = rngFor(options.seed, 'bgnbd-simulation');
  const horizon = options.horizon ?? 0;
  const out: SimulatedCustomer[] = [];
  for (let i = 0; i < customers; i++) {
    const T = options.T.min + (options.T.max - options.T.min) * rng.next();
    const lambda = rng.gamma(params.r) / params.alpha;
    const g1 = rng.gamma(params.a);
    const p = g1 / (g1 + rng.gamma(params.b));
    let t = 0;
    let x = 0;
    let tx = 0;
    let future = 0;
    let alive = true;
    for (;;) {
      t += rng.exponential(1 / lambda);
      if (!(t <= T + horizon)) break;
      if (t <= T) {
        x++;
        tx = t;
      } else future++;
      if (rng.next() < p) {
        alive = t > T;
        break;
      }
    }
    out.push({ x, tx, T, count: 1, alive, future });
  }
  return out;
}
