import type { Session } from './session';

/**
 * Rows one GROUP BY takes at once. DuckDB's aggregate does not spill every size within the memory
 * limit (grouping 100 M purchase lines under 384 MiB ran out of memory), so a grouping over a big
 * table (receipt_facts) runs in slices of a hash of its key, one slice at a time. (Duplicate lines
 * are counted by sorting instead: see duplicateLines.ts.)
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

/**
 * Lines past which an import, or a receipt_facts rebuild, runs on one DuckDB thread: every thread holds
 * buffers of its own, and 100 M staged lines on two threads ran out of memory under 384 MiB (sorting them
 * for the duplicate count), where on one the whole import fits. On two threads, 29.9 M lines imported in
 * 67 s at 885 MiB peak, and 14.9 M in 32 s (on one: 59 s). CW_ONE_THREAD_PAST overrides it (tests).
 */
export const ONE_THREAD_PAST = 30_000_000;

/**
 * Runs `work` on one DuckDB thread when it handles more than ONE_THREAD_PAST rows. The setting is the
 * database's, so other work on the project slows down meanwhile too. Nested calls keep one thread.
 */
export async function oneThreadPast<T>(db: Session, rows: number, work: () => Promise<T>): Promise<T> {
  if (rows <= (Number(process.env.CW_ONE_THREAD_PAST) || ONE_THREAD_PAST)) return work();
  const before = (await db.one<{ t: number }>(`SELECT current_setting('threads')::BIGINT AS t`))?.t ?? 1;
  await db.run(`SET threads = 1`);
  try {
    return await work();
  } finally {
    await db.run(`SET threads = ${Math.max(1, Math.trunc(before))}`);
  }
}
