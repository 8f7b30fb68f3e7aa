/**
 * The checks every uplift function runs first. Bad input throws the metrics' MetricInputError naming the
 * function and the problem, so callers catch one error type for both.
 */
import { MetricInputError } from '../metrics';

/** A group's outcome for a rate: how many customers, and how many of them did it (bought, came back). */
export interface RateGroup {
  n: number;
  successes: number;
}

/** One amount per customer (spend in the campaign window, zeros included). */
export type Amounts = ArrayLike<number>;

export function requireLevel(fn: string, level: number): void {
  if (!(level > 0 && level < 1)) throw new MetricInputError(fn, `level must lie strictly between 0 and 1, got ${level}`);
}

export function requireRateGroup(fn: string, name: string, group: RateGroup): void {
  const { n, successes } = group;
  if (!Number.isInteger(n) || n < 1) throw new MetricInputError(fn, `${name}.n must be an integer ≥ 1, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0) {
    throw new MetricInputError(fn, `${name}.successes must be an integer ≥ 0, got ${successes}`);
  }
  if (successes > n) throw new MetricInputError(fn, `${name}.successes (${successes}) exceeds ${name}.n (${n})`);
}

export function requireAmounts(fn: string, name: string, values: Amounts, min: number): void {
  if (values.length < min) throw new MetricInputError(fn, `${name} needs at least ${min} values, got ${values.length}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new MetricInputError(fn, `${name}[${i}] is ${values[i]}; amounts must be finite numbers`);
  }
}

export function requireProbability(fn: string, name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new MetricInputError(fn, `${name} must lie in [0, 1], got ${p}`);
}

/** Mean and sample variance (n − 1 denominator) by Welford's update, which stays accurate for large amounts. */
export function meanAndVariance(values: Amounts): { mean: number; variance: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const delta = values[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (values[i] - mean);
  }
  return { mean, variance: values.length > 1 ? m2 / (values.length - 1) : 0 };
}
