/**
 * 0–5 levels from quantile cut points. The cuts are the 20th, 40th, 60th and 80th percentiles of the
 * observed values (lower empirical quantile: the value at sorted position floor(p·(n − 1))). A value
 * that is absent (the customer never bought the product or the category) is level 0; a present value
 * is 1 + the number of cuts it strictly exceeds, so levels 1…5 are quintiles and a value equal to a
 * cut stays in the lower level (with many ties, as with purchase counts, some levels stay empty).
 */
export const LEVEL_QUANTILES = [0.2, 0.4, 0.6, 0.8] as const;

/** The four cut points of `values` (copied, then sorted); all zero when there are no values. */
export function quintileCuts(values: Float64Array): number[] {
  if (values.length === 0) return LEVEL_QUANTILES.map(() => 0);
  const sorted = Float64Array.from(values).sort();
  return LEVEL_QUANTILES.map((p) => sorted[Math.floor(p * (sorted.length - 1))]);
}

/** Level 1…5 of a present value: 1 + how many cuts it exceeds. */
export function levelOf(value: number, cuts: readonly number[]): number {
  let level = 1;
  for (const c of cuts) if (value > c) level++;
  return level;
}
