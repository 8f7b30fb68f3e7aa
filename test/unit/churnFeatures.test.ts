import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as analytics from '../../src/main/services/analytics';
import type { Database } from '../../src/main/services/db/database';
import { buildFeatures } from '../../src/main/services/models/churn/features';
import { harness, type Harness } from '../helpers';

let h: Harness;
let db: Database;
const H1 = { from: '2021-01-01', to: '2021-06-30' };

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 600, seed: 3 });
  const project = join(h.root, 'p');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
  db = (await h.services.projects.get(project)).db;
  await db.write('test', (s) => analytics.ensureReceiptFacts(s));
}, 120_000);
afterAll(() => h?.close());

const column = (m: { names: string[]; x: Float32Array }, name: string) => {
  const j = m.names.indexOf(name);
  expect(j).toBeGreaterThanOrEqual(0);
  return Array.from({ length: m.x.length / m.names.length }, (_, i) => m.x[i * m.names.length + j]);
};

describe('churn features', () => {
  it('one row per customer who bought in the window, values as SQL over the lines gives them', async () => {
    const m = await buildFeatures(db, H1);
    const buyers = await db.all<{ customer_id: string; receipts: number; last: string }>(
      `SELECT customer_id, count(DISTINCT receipt_id)::BIGINT AS receipts, strftime(max(date), '%Y-%m-%d') AS last
       FROM purchases WHERE date BETWEEN '2021-01-01' AND '2021-06-30' GROUP BY 1 ORDER BY 1`,
    );
    expect(m.customers).toEqual(buyers.map((b) => b.customer_id));
    expect(m.x.length).toBe(m.customers.length * m.names.length);
    expect(column(m, 'receipts')).toEqual(buyers.map((b) => b.receipts));
    const recency = column(m, 'recency_days');
    const dayMs = 86_400_000;
    expect(recency).toEqual(buyers.map((b) => (Date.parse('2021-07-01') - Date.parse(b.last)) / dayMs));
    // L.POINT chains and affiliates each get their columns; shares lie in 0..1.
    expect(m.names).toContain('share_amount_a01');
    expect(m.names.some((n) => n.startsWith('uses_'))).toBe(true);
    for (const share of column(m, 'online_share')) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    expect(column(m, 'female').filter((v) => v === 1).length).toBeGreaterThan(0);
    // A customer with one purchase day has no gap: NaN, not 0.
    const gaps = column(m, 'gap_mean');
    const days = column(m, 'active_days');
    days.forEach((d, i) => expect(Number.isNaN(gaps[i])).toBe(d === 1));
  });

  it('cannot read past the window: purchases, services and L.pay added after it move no value', async () => {
    const before = await buildFeatures(db, H1);
    const someone = before.customers[0];
    await db.write('test', async (s) => {
      await s.run(
        `INSERT INTO purchases (customer_id, receipt_id, channel, chain, branch_id, product_id, date, hour, amount, quantity, is_return, import_id, line)
         SELECT customer_id, 'LEAK' || customer_id, 2, 'A01', NULL, product_id, DATE '2021-07-15', 3, 9e9, 99, false, 999, 1 FROM
         (SELECT DISTINCT ON (customer_id) customer_id, product_id FROM purchases)`,
      );
      await s.run(`INSERT INTO services (customer_id, receipt_id, chain, branch_id, channel, date, visit_date, hour, amount, is_return, import_id, line)
                   VALUES ($1, 'LEAK', 'B01', NULL, 1, DATE '2021-07-02', NULL, 10, 5, false, 999, 1)`, [someone]);
      await s.run(`INSERT INTO payments (customer_id, receipt_id, chain, channel, date, hour, amount, is_return, import_id, line)
                   VALUES ($1, 'LEAK', 'A01', 1, DATE '2021-07-03', 10, 9e9, false, 999, 1)`, [someone]);
      await analytics.ensureReceiptFacts(s);
    });
    const after = await buildFeatures(db, H1);
    expect(after.customers).toEqual(before.customers);
    expect(after.names).toEqual(before.names);
    expect(Array.from(after.x)).toEqual(Array.from(before.x));
    // The same features for a window that includes the new lines do move (the check can fail).
    const longer = await buildFeatures(db, { from: H1.from, to: '2021-07-31' });
    expect(Math.max(...column(longer, 'monetary'))).toBeGreaterThan(1e9);
  });
});
