import type { EcdfSeries } from '../../../shared/analytics';

/** The grid the ECDF is given at: x = 0, 0.01, …, 1. */
export const ECDF_STEPS = 100;

/**
 * Cumulates per-bucket counts into an ECDF. Bucket j holds the customers with
 * ceil(100 · ratio) = j, computed in integers in SQL, so "ratio ≤ j/100" is exact.
 */
export function ecdfFromBuckets(counts: ReadonlyMap<number, number>, ratioSum: number): EcdfSeries {
  let customers = 0;
  for (const n of counts.values()) customers += n;
  // No customers, no distribution: an empty series draws no line (not a false one along 0 %).
  if (!customers) return { customers, points: [], mean: null };
  const points: EcdfSeries['points'] = [];
  let running = 0;
  for (let j = 0; j <= ECDF_STEPS; j++) {
    running += counts.get(j) ?? 0;
    points.push({ x: j / ECDF_STEPS, y: running / customers });
  }
  return { customers, points, mean: ratioSum / customers };
}
