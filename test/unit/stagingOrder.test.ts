import { describe, expect, it } from 'vitest';
import { withScratchSession } from '../../src/main/services/db/database';
import { keepsRowOrder } from '../../src/main/services/data/loadFile';
import { MAPPINGS } from '../../src/main/services/data/lpointMapping';

// The one-pass staging stores rows in the file's order only while DuckDB runs the select as a plain
// pipeline; the guard must see the joins the optimizer sneaks in (the line-number tests in
// importLpoint.test.ts show what goes wrong without it).
describe('keepsRowOrder', () => {
  const table = `(SELECT 'A0' || (i % 9) AS chain, i FROM range(1000) r(i))`;

  it('accepts projections and filters, including list_contains over a long list', async () => {
    await withScratchSession(async (s) => {
      expect(await keepsRowOrder(s, `SELECT i + 1 AS j, upper(chain) FROM ${table} WHERE i % 2 = 0`)).toBe(true);
      expect(await keepsRowOrder(s, `SELECT list_contains(['A01', 'A02', 'A03', 'A04', 'A05', 'A06'], chain) FROM ${table}`)).toBe(true);
    });
  });

  it('refuses an IN list of five values (DuckDB makes it a join), a join, a window and an aggregate', async () => {
    await withScratchSession(async (s) => {
      expect(await keepsRowOrder(s, `SELECT chain IN ('A01', 'A02', 'A03', 'A04', 'A05') FROM ${table}`)).toBe(false);
      expect(await keepsRowOrder(s, `SELECT a.i FROM ${table} a JOIN ${table} b ON a.i = b.i`)).toBe(false);
      expect(await keepsRowOrder(s, `SELECT row_number() OVER () FROM ${table}`)).toBe(false);
      expect(await keepsRowOrder(s, `SELECT chain, count(*) FROM ${table} GROUP BY chain`)).toBe(false);
    });
  });

  it('the L.POINT purchase checks stay a plain pipeline', async () => {
    const mapping = MAPPINGS.purchases;
    const typed = mapping.select.map(([col, expr]) => `${expr} AS ${col}`).join(', ');
    const fails = mapping.checks.map((c) => `(${c.fails})`).join(' OR ');
    const raw = `(SELECT '1' AS cust, 'R1' AS rct_no, '1' AS chnl_dv, 'A01' AS cop_c, 'B1' AS br_c, 'P1' AS pd_c, '20210101' AS de_dt, '10' AS de_hr, '100' AS buy_am, '1' AS buy_ct FROM range(10))`;
    await withScratchSession(async (s) => {
      expect(await keepsRowOrder(s, `SELECT *, ${fails} AS bad FROM (SELECT *, ${typed} FROM ${raw})`)).toBe(true);
    });
  });
});
