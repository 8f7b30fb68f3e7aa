/**
 * The statistics of the campaign read-back (issue #21): the uplift of the contacted customers over the
 * control group on a rate (Newcombe's interval, pooled z test) or an amount (Welch's t, or a seeded
 * percentile bootstrap), and the power and sample size of a conclusive test. The distributions they need
 * (normal, Student t, incomplete beta) are written out here. Pure TypeScript (no node, DOM or DuckDB); bad
 * input throws the metrics' MetricInputError. docs/readback.md gives the formulas and the choices.
 */
export { type Amounts, type RateGroup } from './input';
export { rateUplift, wilsonInterval, type RateInterval, type RateUplift, type RateUpliftOptions } from './rateUplift';
export { meanUplift, type MeanUplift } from './meanUplift';
export { bootstrapUplift, type BootstrapOptions, type BootstrapUplift } from './bootstrapUplift';
export { achievedPower, requiredSampleSize, type SampleSize, type SampleSizeOptions } from './sampleSize';
export { normalCdf, normalQuantile, normalTwoSidedP } from './normal';
export { studentTCdf, studentTQuantile, studentTTwoSidedP } from './studentT';
export { logGamma, regularizedIncompleteBeta } from './incompleteBeta';
