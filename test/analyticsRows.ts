import type { Database } from '../src/main/services/db/database';

/** A purchase line as a test writes it: [customer, receipt, chain, channel (1 offline, 2 online), 'YYYY-MM-DD', amount, hour?]. */
export type Line = [string, string, string, 1 | 2, string, number, number?];
/** An affiliate-service use: [customer, affiliate, channel, 'YYYY-MM-DD', amount]. */
export type Use = [string, string, 1 | 2, string, number];
/** An L.pay payment: [customer, chain, channel, 'YYYY-MM-DD', hour, amount]. */
export type Payment = [string, string, 1 | 2, string, number, number];

/** Writes hand-made rows straight into a project's tables (import_id 1, line numbers in order). */
export async function insertRows(db: Database, rows: { lines?: Line[]; uses?: Use[]; payments?: Payment[]; customers?: string[] }): Promise<void> {
  let line = 1;
  for (const c of rows.customers ?? []) await db.run(`INSERT INTO customers (customer_id, gender, age_band, region, import_id) VALUES ($1, '여성', '40대', 'Z10', 1)`, [c]);
  for (const [cust, receipt, chain, channel, date, amount, hour] of rows.lines ?? []) {
    await db.run(`INSERT INTO purchases (customer_id, receipt_id, channel, chain, branch_id, product_id, date, hour, amount, quantity, is_return, import_id, line)
      VALUES ($1, $2, $3, $4, NULL, 'PD0001', $5::DATE, $6, $7, 1, $8, 1, $9)`, [
      cust, receipt, channel, chain, date, hour ?? 12, amount, amount <= 0, line++,
    ]);
  }
  for (const [cust, affiliate, channel, date, amount] of rows.uses ?? []) {
    await db.run(`INSERT INTO services VALUES ($1, NULL, $2, NULL, $3, $4::DATE, $4::DATE, 12, $5, false, 1, $6)`, [cust, affiliate, channel, date, amount, line++]);
  }
  for (const [cust, chain, channel, date, hour, amount] of rows.payments ?? []) {
    await db.run(`INSERT INTO payments VALUES ($1, NULL, $2, $3, $4::DATE, $5, $6, false, 1, $7)`, [cust, chain, channel, date, hour, amount, line++]);
  }
}
