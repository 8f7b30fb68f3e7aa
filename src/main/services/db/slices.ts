/**
 * Rows one GROUP BY takes at once. DuckDB's aggregate does not spill every size within the memory
 * limit (grouping 100 M purchase lines under 384 MiB ran out of memory), so a grouping over a big
 * table (receipt_facts) runs in slices of a hash of its key, one slice at a time. (Duplicate lines
 * are counted by sorting instead: see duplicateLines in loadFile.ts.)
 */
export const ROWS_PER_PASS = 8_000_000;

/** Slices for a grouping over `rows` rows (CW_ROWS_PER_PASS overrides the slice size: tests use it to slice small data). */
export function passesFor(rows: number): number {
  const perPass = Number(process.env.CW_ROWS_PER_PASS) || ROWS_PER_PASS;
  return Math.max(1, Math.ceil(rows / perPass));
}

/** The condition that keeps slice `k` of `passes` by a hash of `key` (true when there is one slice). */
export function sliceOf(key: string, k: number, passes: number): string {
  return passes > 1 ? `hash(${key}) % ${passes} = ${k}` : 'true';
}
