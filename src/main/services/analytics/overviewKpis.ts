import type { Channel, DemographicBreakdown, KpiValue, OverviewFacets, OverviewFilter, OverviewKpis } from '../../../shared/analytics';
import { addDays, addMonths, daysBetween } from '../../../shared/dates/calendar';
import type { Sql } from '../db/database';
import { amountCoverage } from '../project/projectSettings';
import { receiptsWhere } from './purchaseFilter';

/**
 * The Overview's headline figures and the breakdowns by customer field. Like the charts, they read
 * receipt_facts (one row per receipt) under the page's filter.
 */

/**
 * Where the window splits into two halves: at the middle month when it is whole months (an even
 * number of them, e.g. a year into H1 and H2), else at the middle day. Returns the second half's first day.
 */
export function secondHalfStart(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm) + 1;
  const wholeMonths = fd === 1 && addDays(to, 1).endsWith('-01');
  if (wholeMonths && months >= 2 && months % 2 === 0) return addMonths(from, months / 2);
  return addDays(from, Math.ceil((daysBetween(from, to) + 1) / 2));
}

/** hasAmounts: whether any purchase line has an amount (asked when not given). */
export async function kpis(db: Sql, filter: OverviewFilter, hasAmounts?: boolean): Promise<OverviewKpis> {
  const priced = hasAmounts ?? (await amountCoverage(db)) !== 'none';
  const { where, p } = receiptsWhere(filter);
  const range = await db.one<{ lo: string | null; hi: string | null }>(
    `SELECT strftime(min(date), '%Y-%m-%d') AS lo, strftime(max(date), '%Y-%m-%d') AS hi FROM receipt_facts ${where}`,
    p.values,
  );
  const from = filter.from ?? range?.lo ?? null;
  const to = filter.to ?? range?.hi ?? null;
  const empty: KpiValue = { total: null, first: null, second: null };
  if (!from || !to || !range?.lo) {
    return {
      window: from && to ? { from, to } : null,
      halves: null,
      customers: { total: 0, first: 0, second: 0 },
      revenue: empty,
      receipts: { total: 0, first: 0, second: 0 },
      spendPerCustomer: empty,
      repeatShare: empty,
      newCustomers: 0,
      lostCustomers: 0,
      retainedCustomers: 0,
    };
  }
  const secondFrom = secondHalfStart(from, to);
  const mid = p.date(secondFrom);
  const row = await db.one<Record<string, number | null>>(
    `WITH c AS (
       SELECT customer_id, count(*) AS n, count(*) FILTER (WHERE date < ${mid}) AS n1, count(*) FILTER (WHERE date >= ${mid}) AS n2,
              sum(amount) AS a, sum(amount) FILTER (WHERE date < ${mid}) AS a1, sum(amount) FILTER (WHERE date >= ${mid}) AS a2
       FROM receipt_facts ${where} GROUP BY customer_id)
     SELECT count(*)::BIGINT AS customers, count(*) FILTER (WHERE n1 > 0)::BIGINT AS customers1, count(*) FILTER (WHERE n2 > 0)::BIGINT AS customers2,
            sum(n)::BIGINT AS receipts, sum(n1)::BIGINT AS receipts1, sum(n2)::BIGINT AS receipts2,
            sum(a)::DOUBLE AS revenue, sum(a1)::DOUBLE AS revenue1, sum(a2)::DOUBLE AS revenue2,
            count(*) FILTER (WHERE n >= 2)::BIGINT AS repeat, count(*) FILTER (WHERE n1 >= 2)::BIGINT AS repeat1,
            count(*) FILTER (WHERE n2 >= 2)::BIGINT AS repeat2,
            count(*) FILTER (WHERE n1 = 0 AND n2 > 0)::BIGINT AS new, count(*) FILTER (WHERE n1 > 0 AND n2 = 0)::BIGINT AS lost,
            count(*) FILTER (WHERE n1 > 0 AND n2 > 0)::BIGINT AS retained
     FROM c`,
    p.values,
  );
  const r = row ?? {};
  const num = (k: string) => Number(r[k] ?? 0);
  const money = (k: string) => (priced ? Number(r[k] ?? 0) : null);
  const ratio = (a: number | null, b: number) => (a === null || b === 0 ? null : a / b);
  const customers = { total: num('customers'), first: num('customers1'), second: num('customers2') };
  const revenue = { total: money('revenue'), first: money('revenue1'), second: money('revenue2') };
  return {
    window: { from, to },
    halves: { firstTo: addDays(secondFrom, -1), secondFrom },
    customers,
    revenue,
    receipts: { total: num('receipts'), first: num('receipts1'), second: num('receipts2') },
    spendPerCustomer: {
      total: ratio(revenue.total, customers.total),
      first: ratio(revenue.first, customers.first),
      second: ratio(revenue.second, customers.second),
    },
    repeatShare: {
      total: ratio(num('repeat'), customers.total),
      first: ratio(num('repeat1'), customers.first),
      second: ratio(num('repeat2'), customers.second),
    },
    newCustomers: num('new'),
    lostCustomers: num('lost'),
    retainedCustomers: num('retained'),
  };
}

const FIELDS: { field: DemographicBreakdown['field']; column: string }[] = [
  { field: 'gender', column: 'gender' },
  { field: 'ageBand', column: 'age_band' },
  { field: 'region', column: 'region' },
];

/** Buyers under the filter by gender, age band and region: the fields the customer file fills for some of them. */
export async function demographics(db: Sql, filter: OverviewFilter, hasAmounts?: boolean): Promise<DemographicBreakdown[]> {
  const priced = hasAmounts ?? (await amountCoverage(db)) !== 'none';
  const out: DemographicBreakdown[] = [];
  for (const { field, column } of FIELDS) {
    const { where, p } = receiptsWhere(filter);
    const rows = await db.all<{ value: string | null; customers: number; receipts: number; revenue: number | null }>(
      `WITH b AS (SELECT customer_id, count(*) AS n, sum(amount) AS a FROM receipt_facts ${where} GROUP BY customer_id),
            v AS (SELECT b.*, c.${column} AS value FROM b LEFT JOIN (SELECT DISTINCT customer_id, ${column} FROM customers) c USING (customer_id))
       SELECT value, count(*)::BIGINT AS customers, sum(n)::BIGINT AS receipts, sum(a)::DOUBLE AS revenue
       FROM v GROUP BY value ORDER BY value IS NULL, ${field === 'region' ? 'customers DESC, value' : 'value'}`,
      p.values,
    );
    if (!rows.some((r) => r.value !== null)) continue;
    out.push({ field, rows: rows.map((r) => ({ ...r, revenue: priced ? r.revenue : null })) });
  }
  return out;
}

/** The chains (with their receipts) and channels in the project's purchases, unfiltered. */
export async function facets(db: Sql): Promise<OverviewFacets> {
  const chains = await db.all<{ chain: string; receipts: number }>(
    `SELECT chain, count(*)::BIGINT AS receipts FROM receipt_facts GROUP BY chain ORDER BY chain`,
  );
  const channels = await db.all<{ channel: number }>(`SELECT DISTINCT channel FROM receipt_facts ORDER BY channel`);
  return { chains, channels: channels.map((c) => (c.channel === 2 ? 'online' : 'offline') as Channel) };
}
