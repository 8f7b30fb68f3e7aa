import type { Session, Sql } from '../db/database';
import { oneThreadPast, passesFor, sliceOf } from '../db/slices';
import { RECEIPT_KEY } from './sqlParams';

/**
 * `receipt_facts`: one row per receipt (customer, receipt key) with its chain, channel, first
 * day, month (yyyymm), line count, quantity and net amount (the key itself is not stored: no reader
 * needs it, and its strings were a quarter of the build) — about a third of the purchase lines. Counting
 * distinct receipt ids over the lines is the slow part of every Overview and RFM query; over this
 * table a receipt count is count(*). A receipt that (against the L.POINT format) spans chains,
 * channels or days is kept once, under its first chain, channel and day.
 *
 * Rebuilt when the purchases change: the fingerprint is the line count and the import ids.
 *
 * Stored in customer order (each slice sorted by customer_id; a customer's receipts are one run of
 * rows): a GROUP BY customer_id over it (RFM, the segments) then runs about twice as fast as over
 * the rows in the order the grouping left them, for one sort of the receipts at build time.
 */
export async function ensureReceiptFacts(db: Session): Promise<void> {
  const { fresh, fingerprint, lines } = await receiptFactsState(db);
  if (fresh) return;
  const passes = passesFor(lines);
  await oneThreadPast(db, lines, () => db.transaction(async () => {
    // A customer's receipts all fall in one slice, so the slices' groups never overlap.
    for (let k = 0; k < passes; k++) {
      await db.run(`${k === 0 ? 'CREATE OR REPLACE TABLE receipt_facts AS' : 'INSERT INTO receipt_facts'}
        SELECT customer_id, min(chain) AS chain, min(channel) AS channel, min(date) AS date,
               (year(min(date)) * 100 + month(min(date)))::INTEGER AS ym, min(hour) AS hour,
               count(*)::INTEGER AS lines, sum(amount)::DOUBLE AS amount, sum(quantity)::BIGINT AS quantity
        FROM purchases WHERE ${sliceOf('customer_id', k, passes)} GROUP BY customer_id, ${RECEIPT_KEY} ORDER BY customer_id`);
    }
    await db.run(`CREATE OR REPLACE TABLE receipt_facts_meta (fingerprint VARCHAR NOT NULL)`);
    await db.run(`INSERT INTO receipt_facts_meta VALUES ($1)`, [fingerprint]);
  }));
}

/** Whether receipt_facts matches the purchases now (a read: the rebuild is a write, asked separately). */
export async function receiptFactsState(db: Sql): Promise<{ fresh: boolean; fingerprint: string; lines: number }> {
  const now = await db.one<{ fp: string; lines: number }>(
    // The leading version changes with the table's columns or order (v2: quantity; v3: in customer order; v4: without the
    // receipt key, which no reader used), so an older table is rebuilt.
    `SELECT 'v4:' || count(*) || ':' || coalesce(min(import_id), 0) || ':' || coalesce(max(import_id), 0) AS fp, count(*)::BIGINT AS lines FROM purchases`,
  );
  const known = await db.one<{ n: number }>(
    `SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'receipt_facts_meta'`,
  );
  const saved = known?.n ? await db.one<{ fp: string }>(`SELECT fingerprint AS fp FROM receipt_facts_meta`) : undefined;
  return { fresh: saved?.fp === now!.fp, fingerprint: now!.fp, lines: now!.lines };
}
