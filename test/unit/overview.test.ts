import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as analytics from '../../src/main/services/analytics';
import type { Database } from '../../src/main/services/db/database';
import { generateLpoint } from '../../src/main/services/generator';
import { OVERVIEW_QUERIES, overviewFilterSchema, type OverviewFilterIn } from '../../src/shared/analytics';
import { insertRows, type Line, type Use } from '../analyticsRows';
import { harness, type Harness } from '../helpers';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

async function project(): Promise<Database> {
  const dir = join(h.root, 'project');
  await h.handlers['project.create']({ project: dir }, h.ctx);
  return (await h.services.projects.get(dir)).db;
}
const f = (filter: OverviewFilterIn = {}) => overviewFilterSchema.parse(filter);

// Four customers, two months. r1 and r4 have two lines each (lines are not receipts); r4 has a return.
const LINES: Line[] = [
  ['u1', 'r1', 'A01', 1, '2021-01-05', 1000],
  ['u1', 'r1', 'A01', 1, '2021-01-05', 500],
  ['u1', 'r2', 'A02', 2, '2021-01-20', 2000],
  ['u2', 'r3', 'A02', 1, '2021-01-07', 300],
  ['u2', 'r4', 'A02', 1, '2021-02-03', 700],
  ['u2', 'r4', 'A02', 1, '2021-02-03', -100],
  ['u3', 'r5', 'A06', 2, '2021-02-10', 4000],
  ['u4', 'r6', 'A01', 1, '2021-02-28', 1200],
];
const USES: Use[] = [
  ['u1', 'B01', 1, '2021-01-10', 50000],
  ['u2', 'D01', 2, '2021-01-11', 8000],
  ['u2', 'D01', 1, '2021-02-11', 9000],
  ['u3', 'C01', 1, '2021-02-15', 12000],
];

describe('overview queries on a hand-made dataset', () => {
  let db: Database;
  beforeEach(async () => {
    db = await project();
    await insertRows(db, { lines: LINES, uses: USES });
    // Rows written straight into the tables: the per-receipt table is rebuilt as after an import.
    await db.write('test', (session) => analytics.ensureReceiptFacts(session));
  });

  it('monthly buyers and revenue (net of the return)', async () => {
    expect(await analytics.monthlyBuyers(db, f())).toEqual([
      { month: '2021-01', buyers: 2 }, // u1, u2
      { month: '2021-02', buyers: 3 }, // u2, u3, u4
    ]);
    expect(await analytics.monthlyRevenue(db, f())).toEqual([
      { month: '2021-01', revenue: 3800 }, // 1000 + 500 + 2000 + 300
      { month: '2021-02', revenue: 5800 }, // 700 − 100 + 4000 + 1200
    ]);
  });

  it('average amount per receipt counts distinct receipts, not lines', async () => {
    const rows = await analytics.receiptValue(db, f());
    expect(rows.map((r) => [r.month, r.receipts, r.revenue])).toEqual([
      ['2021-01', 3, 3800], // r1, r2, r3
      ['2021-02', 3, 5800], // r4, r5, r6
    ]);
    expect(rows[0].avgPerReceipt).toBeCloseTo(3800 / 3, 9);
    expect(rows[1].avgPerReceipt).toBeCloseTo(5800 / 3, 9);
  });

  it('receipts per customer with the one-time buyers', async () => {
    const r = await analytics.receiptsPerCustomer(db, f());
    // u1: 2 receipts, u2: 2, u3: 1, u4: 1
    expect(r.customers).toBe(4);
    expect(r.oneTimeBuyers).toBe(2);
    expect(r.mean).toBe(1.5);
    expect(r.median).toBe(1.5);
    expect(r.buckets.slice(0, 3)).toEqual([
      { lo: 1, hi: 1, customers: 2 },
      { lo: 2, hi: 2, customers: 2 },
      { lo: 3, hi: 3, customers: 0 },
    ]);
    expect(r.buckets.reduce((a, b) => a + b.customers, 0)).toBe(4);
  });

  it('lines, receipts and revenue per chain and month', async () => {
    expect(await analytics.chainMonthly(db, f())).toEqual([
      { month: '2021-01', chain: 'A01', lines: 2, receipts: 1, revenue: 1500 },
      { month: '2021-01', chain: 'A02', lines: 2, receipts: 2, revenue: 2300 },
      { month: '2021-02', chain: 'A01', lines: 1, receipts: 1, revenue: 1200 },
      { month: '2021-02', chain: 'A02', lines: 2, receipts: 1, revenue: 600 },
      { month: '2021-02', chain: 'A06', lines: 1, receipts: 1, revenue: 4000 },
    ]);
  });

  it('online/offline split per month', async () => {
    expect(await analytics.channelMonthly(db, f())).toEqual([
      { month: '2021-01', channel: 'offline', lines: 3, receipts: 2, revenue: 1800 },
      { month: '2021-01', channel: 'online', lines: 1, receipts: 1, revenue: 2000 },
      { month: '2021-02', channel: 'offline', lines: 3, receipts: 2, revenue: 1800 },
      { month: '2021-02', channel: 'online', lines: 1, receipts: 1, revenue: 4000 },
    ]);
  });

  it('affiliate usage per month and affiliate', async () => {
    expect(await analytics.affiliateMonthly(db, f())).toEqual([
      { month: '2021-01', affiliate: 'B01', uses: 1, customers: 1, amount: 50000 },
      { month: '2021-01', affiliate: 'D01', uses: 1, customers: 1, amount: 8000 },
      { month: '2021-02', affiliate: 'C01', uses: 1, customers: 1, amount: 12000 },
      { month: '2021-02', affiliate: 'D01', uses: 1, customers: 1, amount: 9000 },
    ]);
  });

  it('filters by chain, channel and dates', async () => {
    const a02Offline = f({ chains: ['A02'], channel: 'offline' });
    expect(await analytics.monthlyBuyers(db, a02Offline)).toEqual([
      { month: '2021-01', buyers: 1 }, // u2 (u1's A02 receipt is online)
      { month: '2021-02', buyers: 1 },
    ]);
    // Services of customers who bought at A02 (u1, u2), offline uses only.
    expect((await analytics.affiliateMonthly(db, a02Offline)).map((r) => [r.month, r.affiliate, r.uses])).toEqual([
      ['2021-01', 'B01', 1],
      ['2021-02', 'D01', 1],
    ]);
    expect(await analytics.monthlyRevenue(db, f({ from: '2021-02-01', to: '2021-02-27' }))).toEqual([{ month: '2021-02', revenue: 4600 }]);
    const o = await analytics.overview(db, f({ channel: 'online' }));
    expect(o.receiptsPerCustomer).toMatchObject({ customers: 2, oneTimeBuyers: 2 });
    expect(Object.keys(o.timingsMs).sort()).toEqual([...OVERVIEW_QUERIES].sort());
  });

  it('rejects a date range that ends before it starts', async () => {
    await expect(analytics.overview(db, f({ from: '2021-03-01', to: '2021-02-01' }))).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(overviewFilterSchema.safeParse({ chains: [] }).success).toBe(false);
    expect(overviewFilterSchema.safeParse({ chains: [''] }).success).toBe(false);
    // A mapped file's own chain values are chains too.
    expect(overviewFilterSchema.safeParse({ chains: ['Seoul store'] }).success).toBe(true);
    expect(overviewFilterSchema.safeParse({ from: '2021-02-30' }).success).toBe(false);
  });

  it('headline figures over the window and its two halves, with new and lost customers', async () => {
    // Data from 01-05 to 02-28 (55 days): the second half starts on day 29, 02-02.
    const k = await analytics.kpis(db, f());
    expect(k.window).toEqual({ from: '2021-01-05', to: '2021-02-28' });
    expect(k.halves).toEqual({ firstTo: '2021-02-01', secondFrom: '2021-02-02' });
    expect(k.customers).toEqual({ total: 4, first: 2, second: 3 });
    expect(k.receipts).toEqual({ total: 6, first: 3, second: 3 });
    expect(k.revenue).toEqual({ total: 9600, first: 3800, second: 5800 });
    expect(k.spendPerCustomer).toEqual({ total: 2400, first: 1900, second: 5800 / 3 });
    // u1 and u2 have two receipts over the window; in the first half only u1 (r1, r2); nobody in the second.
    expect(k.repeatShare).toEqual({ total: 0.5, first: 0.5, second: 0 });
    expect([k.newCustomers, k.lostCustomers, k.retainedCustomers]).toEqual([2, 1, 1]); // u3 u4 / u1 / u2
    // Whole months split at the middle month: January | February.
    const months = await analytics.kpis(db, f({ from: '2021-01-01', to: '2021-02-28' }));
    expect(months.halves).toEqual({ firstTo: '2021-01-31', secondFrom: '2021-02-01' });
    expect(analytics.secondHalfStart('2021-01-01', '2021-12-31')).toBe('2021-07-01');
    expect(analytics.secondHalfStart('2021-01-01', '2021-03-31')).toBe('2021-02-15'); // three months: the middle day
    // Under a filter the figures follow it; with no purchases left they are zero, not missing.
    expect((await analytics.kpis(db, f({ channel: 'online' }))).customers.total).toBe(2);
    const none = await analytics.kpis(db, f({ chains: ['A05'] }));
    expect(none.customers.total).toBe(0);
    expect(none.halves).toBeNull();
  });

  it('breaks the buyers down by the customer file\'s fields, buyers missing there apart', async () => {
    expect(await analytics.demographics(db, f())).toEqual([]); // no customer file yet
    await db.run(`INSERT INTO customers (customer_id, gender, age_band, region, import_id) VALUES
      ('u1', '여성', '30대', 'Z01', 1), ('u2', '남성', '30대', 'Z02', 1), ('u3', '여성', '50대', NULL, 1)`);
    const d = await analytics.demographics(db, f());
    expect(d.map((b) => b.field)).toEqual(['gender', 'ageBand', 'region']);
    expect(d[0].rows).toEqual([
      { value: '남성', customers: 1, receipts: 2, revenue: 900 }, // u2: 300 + 700 − 100
      { value: '여성', customers: 2, receipts: 3, revenue: 7500 },
      { value: null, customers: 1, receipts: 1, revenue: 1200 }, // u4 is not in the customer file
    ]);
    expect(d[1].rows.map((r) => [r.value, r.customers])).toEqual([['30대', 2], ['50대', 1], [null, 1]]);
    expect(d[2].rows.map((r) => [r.value, r.customers])).toEqual([['Z01', 1], ['Z02', 1], [null, 2]]);
    const o = await analytics.overview(db, f());
    expect(o.facets).toEqual({ chains: [{ chain: 'A01', receipts: 2 }, { chain: 'A02', receipts: 3 }, { chain: 'A06', receipts: 1 }], channels: ['offline', 'online'] });
  });

  it('sees purchases added after the first query (receipt_facts is rebuilt)', async () => {
    const project = join(h.root, 'project');
    const buyers = async () => (await h.call<{ monthlyBuyers: { buyers: number }[] }>('analytics.overview', { project })).monthlyBuyers[1].buyers;
    expect(await buyers()).toBe(3);
    await insertRows(db, { lines: [['u5', 'r7', 'A03', 1, '2021-02-14', 100]] });
    expect(await buyers()).toBe(4);
  });
});

describe('overview on generated sample data', () => {
  it('agrees with direct queries over the purchase lines', async () => {
    const data = join(h.root, 'data');
    await generateLpoint({ out: data, customers: 1200, seed: 7 });
    const dir = join(h.root, 'project');
    await h.handlers['project.create']({ project: dir }, h.ctx);
    await h.handlers['data.importLpoint']({ project: dir, folder: data, dropDuplicates: false, replace: false }, h.ctx);
    const db = (await h.services.projects.get(dir)).db;
    const o = await analytics.overview(db, f());
    const direct = (await db.one<{ lines: number; receipts: number; customers: number; revenue: number }>(
      `SELECT count(*)::BIGINT AS lines, count(DISTINCT receipt_id)::BIGINT AS receipts, count(DISTINCT customer_id)::BIGINT AS customers,
              sum(amount)::DOUBLE AS revenue FROM purchases`,
    ))!;
    const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((a, r) => a + pick(r), 0);
    expect(direct.lines).toBeGreaterThan(50_000);
    expect(sum(o.chainMonthly, (r) => r.lines)).toBe(direct.lines);
    expect(sum(o.channelMonthly, (r) => r.lines)).toBe(direct.lines);
    expect(sum(o.chainMonthly, (r) => r.receipts)).toBe(direct.receipts);
    expect(sum(o.receiptValue, (r) => r.receipts)).toBe(direct.receipts);
    expect(sum(o.monthlyRevenue, (r) => r.revenue)).toBeCloseTo(direct.revenue, 0);
    expect(o.receiptsPerCustomer.customers).toBe(direct.customers);
    expect(sum(o.receiptsPerCustomer.buckets, (b) => b.customers)).toBe(direct.customers);
    const oneTime = (await db.one<{ n: number }>(
      `SELECT count(*)::BIGINT AS n FROM (SELECT customer_id FROM purchases GROUP BY 1 HAVING count(DISTINCT receipt_id) = 1)`,
    ))!.n;
    expect(o.receiptsPerCustomer.oneTimeBuyers).toBe(oneTime);
    const jan = (await db.one<{ n: number }>(`SELECT count(DISTINCT customer_id)::BIGINT AS n FROM purchases WHERE month(date) = 1`))!.n;
    expect(o.monthlyBuyers.find((m) => m.month.endsWith('-01'))!.buyers).toBe(jan);
    // The headline figures against SQL over the purchase lines: the sample is one calendar year, so the halves are H1 and H2.
    expect(o.kpis.halves?.secondFrom).toMatch(/^\d{4}-07-01$/);
    expect(o.kpis.customers.total).toBe(direct.customers);
    expect(o.kpis.receipts.total).toBe(direct.receipts);
    expect(o.kpis.revenue.total).toBeCloseTo(direct.revenue, 0);
    const halves = (await db.one<{ h1: number; h2: number; lost: number; fresh: number; repeat: number }>(
      `WITH c AS (SELECT customer_id, count(DISTINCT receipt_id) FILTER (WHERE month(date) <= 6) AS n1,
                         count(DISTINCT receipt_id) FILTER (WHERE month(date) > 6) AS n2, count(DISTINCT receipt_id) AS n
                  FROM purchases GROUP BY 1)
       SELECT count(*) FILTER (WHERE n1 > 0)::BIGINT AS h1, count(*) FILTER (WHERE n2 > 0)::BIGINT AS h2,
              count(*) FILTER (WHERE n1 > 0 AND n2 = 0)::BIGINT AS lost, count(*) FILTER (WHERE n1 = 0 AND n2 > 0)::BIGINT AS fresh,
              count(*) FILTER (WHERE n >= 2)::BIGINT AS repeat FROM c`,
    ))!;
    expect([o.kpis.customers.first, o.kpis.customers.second]).toEqual([halves.h1, halves.h2]);
    expect([o.kpis.lostCustomers, o.kpis.newCustomers]).toEqual([halves.lost, halves.fresh]);
    expect(o.kpis.repeatShare.total).toBeCloseTo(halves.repeat / direct.customers, 10);
    const women = (await db.one<{ n: number }>(
      `SELECT count(DISTINCT customer_id)::BIGINT AS n FROM purchases WHERE customer_id IN (SELECT customer_id FROM customers WHERE gender = '여성')`,
    ))!.n;
    expect(o.demographics.find((d) => d.field === 'gender')!.rows.find((r) => r.value === '여성')!.customers).toBe(women);
    const uses = (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM services'))!.n;
    expect(sum(o.affiliateMonthly, (r) => r.uses)).toBe(uses);
  });
});
