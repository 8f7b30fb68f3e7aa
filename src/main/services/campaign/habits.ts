import { listValue } from '@duckdb/node-api';
import { keyedError } from '../../../shared/errors';
import type { Sql } from '../db/database';
import { RECEIPT_KEY } from '../analytics/sqlParams';

/** How far back a customer's own purchase rate is measured. */
export const LOOKBACK_DAYS = 90;

/** A listed customer's habits, from their purchase lines (returns left out). */
export interface Habit {
  /** Receipts in the last LOOKBACK_DAYS days up to D, and the days of that window they were already a customer. */
  recentReceipts: number;
  exposureDays: number;
  /** Where they usually buy: the (chain, channel, branch) of most of their receipts; their median hour and lines per receipt. */
  chain: string;
  channel: number;
  branch: string | null;
  hour: number;
  linesPerReceipt: number;
  /** Products they bought (known to the catalog), most bought first: lines, median unit price, median quantity. */
  products: { code: string; lines: number; unit: number; quantity: number }[];
}

export interface ProjectHabits {
  /** The last purchase day of the project, YYYY-MM-DD. */
  lastDay: string;
  habits: Map<string, Habit>;
  /** Median unit price of each product asked for (the recommended ones), over every customer; only products in the catalog. */
  prices: Map<string, number>;
  /** The highest 9-digit sequence already used after each receipt prefix (A02…, E06…). */
  receiptSeq: Map<string, number>;
}

/** Reads, all in SQL, what the simulation needs from the project about the listed customers. */
export async function projectHabits(db: Sql, customers: string[], recProducts: string[]): Promise<ProjectHabits> {
  const last = await db.one<{ d: string | null }>(`SELECT strftime(max(date), '%Y-%m-%d') AS d FROM purchases`);
  if (!last?.d) throw keyedError('NOT_FOUND', 'The project has no purchases: import data first.', 'simulateNoPurchases');
  const lastDay = last.d;
  const ids = listValue(customers);
  const mine = `customer_id IN (SELECT unnest($1::VARCHAR[]))`;
  const receipts = await db.all<{ customer_id: string; recent: number; exposure: number; chain: string; channel: number; branch: string | null; hour: number; lines: number }>(
    `WITH rc AS (
       SELECT customer_id, ${RECEIPT_KEY} AS rk, min(date) AS date, min(chain) AS chain, min(channel)::INTEGER AS channel,
              min(branch_id) AS branch, min(hour)::INTEGER AS hour, count(*)::INTEGER AS lines
       FROM purchases WHERE ${mine} AND NOT is_return GROUP BY 1, 2),
     place AS (
       SELECT customer_id, chain, channel, branch,
              row_number() OVER (PARTITION BY customer_id ORDER BY count(*) DESC, chain, channel, branch NULLS FIRST) AS rn
       FROM rc GROUP BY customer_id, chain, channel, branch),
     stats AS (
       SELECT customer_id,
              count(*) FILTER (WHERE date > $2::DATE - ${LOOKBACK_DAYS})::INTEGER AS recent,
              least(${LOOKBACK_DAYS}, datediff('day', min(date), $2::DATE) + 1)::INTEGER AS exposure,
              quantile_disc(hour, 0.5)::INTEGER AS hour, avg(lines)::DOUBLE AS lines
       FROM rc GROUP BY customer_id)
     SELECT s.*, p.chain, p.channel, p.branch FROM stats s JOIN place p ON p.customer_id = s.customer_id AND p.rn = 1
     ORDER BY s.customer_id`,
    [ids, lastDay],
  );
  const products = await db.all<{ customer_id: string; product_id: string; lines: number; unit: number; quantity: number }>(
    `SELECT customer_id, product_id, count(*)::INTEGER AS lines,
            quantile_disc(amount / quantity, 0.5)::DOUBLE AS unit, quantile_disc(quantity, 0.5)::INTEGER AS quantity
     FROM purchases
     WHERE ${mine} AND NOT is_return AND quantity > 0 AND amount > 0 AND product_id IN (SELECT product_id FROM products)
     GROUP BY 1, 2 ORDER BY customer_id, lines DESC, product_id`,
    [ids],
  );
  const habits = new Map<string, Habit>();
  for (const r of receipts) {
    habits.set(r.customer_id, {
      recentReceipts: r.recent,
      exposureDays: Math.max(1, r.exposure),
      chain: r.chain,
      channel: r.channel,
      branch: r.branch,
      hour: r.hour,
      linesPerReceipt: r.lines,
      products: [],
    });
  }
  for (const r of products) habits.get(r.customer_id)?.products.push({ code: r.product_id, lines: r.lines, unit: r.unit, quantity: Math.max(1, r.quantity) });
  const prices = new Map<string, number>();
  if (recProducts.length) {
    const rows = await db.all<{ product_id: string; unit: number }>(
      `SELECT product_id, quantile_disc(amount / quantity, 0.5)::DOUBLE AS unit FROM purchases
       WHERE product_id IN (SELECT unnest($1::VARCHAR[])) AND product_id IN (SELECT product_id FROM products)
         AND NOT is_return AND quantity > 0 AND amount > 0
       GROUP BY 1`,
      [listValue(recProducts)],
    );
    for (const r of rows) prices.set(r.product_id, r.unit);
  }
  const seqRows = await db.all<{ prefix: string; seq: number }>(
    `SELECT regexp_extract(receipt_id, '^(.*)[0-9]{9}$', 1) AS prefix, max(try_cast(right(receipt_id, 9) AS BIGINT))::BIGINT AS seq
     FROM purchases WHERE regexp_matches(receipt_id, '[0-9]{9}$') GROUP BY 1`,
  );
  const receiptSeq = new Map<string, number>();
  for (const r of seqRows) if (r.seq !== null) receiptSeq.set(r.prefix, Number(r.seq));
  return { lastDay, habits, prices, receiptSeq };
}
