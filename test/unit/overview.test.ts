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
    expect(overviewFilterSchema.safeParse({ chains: ['Z99'] }).success).toBe(false);
    expect(overviewFilterSchema.safeParse({ from: '2021-02-30' }).success).toBe(false);
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
    const uses = (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM services'))!.n;
    expect(sum(o.affiliateMonthly, (r) => r.uses)).toBe(uses);
  });
});
