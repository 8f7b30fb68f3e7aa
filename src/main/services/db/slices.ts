import { quotedString } from '@duckdb/node-api';
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
 * Past ROWS_PER_PASS rows (CW_ROWS_PER_PASS moves it too) an import, or a receipt_facts rebuild, runs
 * in "big data" mode:
 *
 * - On one DuckDB thread: every thread holds buffers of its own, and 100 M staged lines on two threads
 *   ran out of memory under 384 MiB (sorting them for the duplicate count), where on one they fit.
 * - With DuckDB's buffer blocks taken from a block-allocator region of the memory limit's size
 *   (`block_allocator_memory`) instead of the C heap: with glibc's malloc the blocks freed during a long
 *   spilled sort stay resident, fragmented; staging and sorting 100 M lines grew the process to 971 MiB,
 *   with the region 651 MiB (the whole CLI import: 1,110 → 969–1,005 MiB), in the same time. The region
 *   stays for as long as the project is open (DuckDB cannot shrink it) and reserves address space the
 *   size of the machine's memory, which counts against fork(): a process with three such projects open
 *   cannot spawn children under Linux's default overcommit. So only big work sets it, and a refusal
 *   (a strict overcommit policy) only costs the memory it would have saved.
 *
 * The settings are the database's, so other work on the project runs on one thread meanwhile. Nested
 * calls keep one thread.
 */
export async function oneThreadPast<T>(db: Session, rows: number, work: () => Promise<T>): Promise<T> {
  if (passesFor(rows) <= 1) return work();
  const settings = await db.one<{ t: number; m: string; b: string }>(
    `SELECT current_setting('threads')::BIGINT AS t, current_setting('memory_limit') AS m, current_setting('block_allocator_memory') AS b`,
  );
  if (settings && settings.b !== settings.m) await db.run(`SET block_allocator_memory = ${quotedString(settings.m)}`).catch(() => undefined);
  await db.run(`SET threads = 1`);
  try {
    return await work();
  } finally {
    await db.run(`SET threads = ${Math.max(1, Math.trunc(settings?.t ?? 1))}`);
  }
}
