import type {
  AffiliateMonthly,
  ChainMonthly,
  Channel,
  ChannelMonthly,
  MonthlyBuyers,
  MonthlyReceiptValue,
  MonthlyRevenue,
  OverviewFilter,
  ReceiptsPerCustomer,
} from '../../../shared/analytics';
import type { Sql } from '../db/database';
import { filterConditions, receiptsWhere, whereClause } from './purchaseFilter';
import { SqlParams } from './sqlParams';

/**
 * The Overview page's queries, one per chart, each filterable by chains, channel and dates. They
 * read receipt_facts (one row per receipt, see receiptFacts.ts), so a receipt count is count(*).
 * Revenue is the sum of amount, net of returns (amount ≤ 0 lines are kept by the importer).
 * Months group on an integer yyyymm (far cheaper than formatting every row) and are written
 * 'YYYY-MM' after grouping.
 */

const MONTH = `printf('%04d-%02d', ym // 100, ym % 100)`;

export async function monthlyBuyers(db: Sql, filter: OverviewFilter): Promise<MonthlyBuyers[]> {
  const { where, p } = receiptsWhere(filter);
  return db.all<MonthlyBuyers & Record<string, unknown>>(
    `SELECT ${MONTH} AS month, count(DISTINCT customer_id)::BIGINT AS buyers FROM receipt_facts ${where} GROUP BY ym ORDER BY 1`,
    p.values,
  );
}

export async function monthlyRevenue(db: Sql, filter: OverviewFilter): Promise<MonthlyRevenue[]> {
  const { where, p } = receiptsWhere(filter);
  return db.all<MonthlyRevenue & Record<string, unknown>>(
    `SELECT ${MONTH} AS month, sum(amount)::DOUBLE AS revenue FROM receipt_facts ${where} GROUP BY ym ORDER BY 1`,
    p.values,
  );
}

export async function receiptValue(db: Sql, filter: OverviewFilter): Promise<MonthlyReceiptValue[]> {
  const { where, p } = receiptsWhere(filter);
  return db.all<MonthlyReceiptValue & Record<string, unknown>>(
    `SELECT ${MONTH} AS month, count(*)::BIGINT AS receipts, sum(amount)::DOUBLE AS revenue,
            sum(amount)::DOUBLE / count(*) AS "avgPerReceipt"
     FROM receipt_facts ${where} GROUP BY ym ORDER BY 1`,
    p.values,
  );
}

/** Histogram buckets of receipts per customer: 1 … 5 one by one, then wider. */
export const RECEIPT_BUCKETS: { lo: number; hi: number | null }[] = [
  { lo: 1, hi: 1 }, { lo: 2, hi: 2 }, { lo: 3, hi: 3 }, { lo: 4, hi: 4 }, { lo: 5, hi: 5 },
  { lo: 6, hi: 10 }, { lo: 11, hi: 20 }, { lo: 21, hi: 50 }, { lo: 51, hi: 100 }, { lo: 101, hi: null },
];

export async function receiptsPerCustomer(db: Sql, filter: OverviewFilter): Promise<ReceiptsPerCustomer> {
  const { where, p } = receiptsWhere(filter);
  const bucket = `CASE ${RECEIPT_BUCKETS.filter((b) => b.hi !== null).map((b) => `WHEN n <= ${b.hi} THEN ${b.lo}`).join(' ')} ELSE ${RECEIPT_BUCKETS.at(-1)!.lo} END`;
  const rows = await db.all<{ lo: number | null; customers: number; one: number; mean: number | null; median: number | null }>(
    `WITH c AS (SELECT count(*) AS n FROM receipt_facts ${where} GROUP BY customer_id),
          b AS (SELECT n, ${bucket} AS lo FROM c)
     SELECT lo, count(*)::BIGINT AS customers, count(*) FILTER (WHERE n = 1)::BIGINT AS one,
            avg(n)::DOUBLE AS mean, median(n)::DOUBLE AS median
     FROM b GROUP BY GROUPING SETS ((lo), ())`,
    p.values,
  );
  const total = rows.find((r) => r.lo === null);
  const byLo = new Map(rows.filter((r) => r.lo !== null).map((r) => [r.lo, r.customers]));
  return {
    buckets: RECEIPT_BUCKETS.map((b) => ({ ...b, customers: byLo.get(b.lo) ?? 0 })),
    customers: total?.customers ?? 0,
    oneTimeBuyers: total?.one ?? 0,
    mean: total?.mean ?? 0,
    median: total?.median ?? 0,
  };
}

export async function chainMonthly(db: Sql, filter: OverviewFilter): Promise<ChainMonthly[]> {
  const { where, p } = receiptsWhere(filter);
  return db.all<ChainMonthly & Record<string, unknown>>(
    `SELECT ${MONTH} AS month, chain, sum(lines)::BIGINT AS lines, count(*)::BIGINT AS receipts, sum(amount)::DOUBLE AS revenue
     FROM receipt_facts ${where} GROUP BY ym, chain ORDER BY 1, 2`,
    p.values,
  );
}

export async function channelMonthly(db: Sql, filter: OverviewFilter): Promise<ChannelMonthly[]> {
  const { where, p } = receiptsWhere(filter);
  const rows = await db.all<{ month: string; channel: number; lines: number; receipts: number; revenue: number }>(
    `SELECT ${MONTH} AS month, channel, sum(lines)::BIGINT AS lines, count(*)::BIGINT AS receipts, sum(amount)::DOUBLE AS revenue
     FROM receipt_facts ${where} GROUP BY ym, channel ORDER BY 1, 2`,
    p.values,
  );
  return rows.map((r) => ({ ...r, channel: (r.channel === 2 ? 'online' : 'offline') as Channel }));
}

/** Affiliate-service uses (services rows) per month and affiliate; a chain filter keeps the customers who bought there. */
export async function affiliateMonthly(db: Sql, filter: OverviewFilter): Promise<AffiliateMonthly[]> {
  const p = new SqlParams();
  const where = whereClause(filterConditions(filter, p, 'services'));
  return db.all<AffiliateMonthly & Record<string, unknown>>(
    `SELECT strftime(date, '%Y-%m') AS month, chain AS affiliate, count(*)::BIGINT AS uses, count(DISTINCT customer_id)::BIGINT AS customers,
            sum(amount)::DOUBLE AS amount
     FROM services ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
    p.values,
  );
}
