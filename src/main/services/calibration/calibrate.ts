import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { keyedError } from '../../../shared/errors';
import { LPOINT_FILES, RETAIL_CHAINS, type LpointKind } from '../../../shared/lpointFiles';
import { withScratchSession } from '../db/database';
import { quotedString } from '@duckdb/node-api';
import { FACTS, FULL_SCALE_CUSTOMERS, type FactUnit, type Tolerance } from './facts';

export interface CalibrationRow {
  key: string;
  fact: string;
  unit: FactUnit;
  /** The published value; for size-dependent facts scaled to this data's customer count. */
  published: number;
  /** The published value at full scale (29,913 customers). */
  publishedFullScale: number;
  generated: number;
  tolerance: Tolerance;
  why: string;
  pass: boolean;
  sizeDependent: boolean;
}

/**
 * Computes every calibration fact from the six CSV files in `dataDir` with an in-memory DuckDB
 * and compares it with the published value. Lines the importer would reject (bad dates, hours,
 * amounts, counts, chains, products, column counts) are left out, as the published figures were
 * computed on clean files.
 */
export async function calibrate(dataDir: string): Promise<CalibrationRow[]> {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw keyedError('NOT_FOUND', `The folder ${dataDir} does not exist; give the folder generate wrote.`, 'calibrationFolderMissing', { folder: dataDir });
  }
  const path = (kind: LpointKind) => {
    const spec = LPOINT_FILES.find((f) => f.kind === kind)!;
    const p = join(dataDir, spec.fileName);
    if (!existsSync(p)) throw keyedError('NOT_FOUND', `${spec.fileName} is missing from ${dataDir}.`, 'calibrationFileMissing', { file: spec.fileName, folder: dataDir });
    return p;
  };
  const read = (kind: LpointKind) => {
    const spec = LPOINT_FILES.find((f) => f.kind === kind)!;
    const columns = `{${spec.columns.map((c) => `${quotedString(c)}: 'VARCHAR'`).join(', ')}}`;
    return `read_csv(${quotedString(path(kind))}, header = true, delim = ',', quote = '"', escape = '"', columns = ${columns}, auto_detect = false, ignore_errors = true)`;
  };
  return withScratchSession(async (db) => {
    await db.run(`SET preserve_insertion_order = false`);
    await db.run(`CREATE TABLE demo AS SELECT cust, ma_fem_dv, ages FROM ${read('customers')}`);
    await db.run(`CREATE TABLE catalog AS SELECT pd_c FROM ${read('products')}`);
    await db.run(`
      CREATE TABLE p AS
      SELECT * FROM (
        SELECT cust, rct_no, TRY_CAST(chnl_dv AS INTEGER) AS chnl, cop_c, br_c, pd_c, try_strptime(de_dt, '%Y%m%d')::DATE AS dt,
               TRY_CAST(de_hr AS INTEGER) AS hr, TRY_CAST(buy_am AS DOUBLE) AS am, TRY_CAST(buy_ct AS INTEGER) AS ct
        FROM ${read('purchases')})
      WHERE cust IS NOT NULL AND dt IS NOT NULL AND hr BETWEEN 0 AND 23 AND chnl IN (1, 2) AND am IS NOT NULL AND ct IS NOT NULL
        AND cop_c IN (${RETAIL_CHAINS.map(quotedString).join(', ')}) AND pd_c IN (SELECT pd_c FROM catalog)`);
    await db.run(`CREATE TABLE s AS SELECT cust FROM ${read('services')} WHERE cust IS NOT NULL`);
    await db.run(`CREATE TABLE l AS SELECT cust, TRY_CAST(chnl_dv AS INTEGER) AS chnl FROM ${read('payments')} WHERE cust IS NOT NULL`);

    const v: Record<string, number> = {};
    const one = async (sql: string) => {
      const row = await db.one<Record<string, number>>(sql);
      for (const [k, x] of Object.entries(row ?? {})) v[k] = Number(x);
    };
    await one(`SELECT count(*) AS customers, avg((ma_fem_dv = '여성')::INT) AS women,
      ${[20, 30, 40, 50, 60, 70].map((a) => `avg((ages = '${a}대')::INT) AS age${a}`).join(', ')} FROM demo`);
    await one(`SELECT count(*) AS lines, count(DISTINCT rct_no) AS receipts, count(DISTINCT cust) AS buyers,
      avg((chnl = 2)::INT) AS onlineShare, avg((ct = 1)::INT) AS count1Share,
      ${RETAIL_CHAINS.map((c) => `avg((cop_c = '${c}')::INT) AS chain${c}`).join(', ')},
      quantile_cont(am, 0.25) AS amountP25, quantile_cont(am, 0.5) AS amountP50, quantile_cont(am, 0.75) AS amountP75,
      count(*) FILTER (WHERE quarter(dt) = 2) / count(*) FILTER (WHERE quarter(dt) = 1) AS q2OverQ1,
      count(*) FILTER (WHERE quarter(dt) = 3) / count(*) FILTER (WHERE quarter(dt) = 1) AS q3OverQ1,
      count(*) FILTER (WHERE quarter(dt) = 4) / count(*) FILTER (WHERE quarter(dt) = 1) AS q4OverQ1
      FROM p`);
    await one(`SELECT count(*) FILTER (WHERE cust IN (SELECT cust FROM p)) / count(*) AS buyerShare FROM demo`);
    await one(`SELECT quantile_cont(n, 0.25) AS linesPerCustP25, quantile_cont(n, 0.5) AS linesPerCustP50, quantile_cont(n, 0.75) AS linesPerCustP75,
      quantile_cont(r, 0.25) AS receiptsPerCustP25, quantile_cont(r, 0.5) AS receiptsPerCustP50, quantile_cont(r, 0.75) AS receiptsPerCustP75,
      avg(c) AS chainsPerCust
      FROM (SELECT cust, count(*) AS n, count(DISTINCT rct_no) AS r, count(DISTINCT cop_c) AS c FROM p GROUP BY cust)`);
    // Gaps between consecutive purchases of the same product by the same customer, at hour resolution.
    await one(`SELECT median(gap) AS repurchaseGap FROM (
      SELECT (epoch(dt) + hr * 3600 - lag(epoch(dt) + hr * 3600) OVER (PARTITION BY cust, pd_c ORDER BY dt, hr)) / 86400 AS gap
      FROM (SELECT DISTINCT cust, pd_c, dt, hr FROM p)) WHERE gap IS NOT NULL`);
    // Per chain: the share of (customer, product) pairs bought in Jan–Sep that were bought again there in Oct–Dec.
    await one(`SELECT ${RETAIL_CHAINS.map((c) => `avg(again) FILTER (WHERE cop_c = '${c}') AS repurchase${c}`).join(', ')} FROM (
      SELECT a.cop_c, (b.cust IS NOT NULL)::INT AS again
      FROM (SELECT DISTINCT cust, cop_c, pd_c FROM p WHERE month(dt) <= 9) a
      LEFT JOIN (SELECT DISTINCT cust, cop_c, pd_c FROM p WHERE month(dt) >= 10) b USING (cust, cop_c, pd_c))`);
    await one(`SELECT (SELECT count(*) FROM p) - count(*) AS duplicates FROM (SELECT DISTINCT * FROM p)`);
    await one(`SELECT count(*) AS serviceRows, count(DISTINCT cust) AS serviceUsersN FROM s`);
    await one(`SELECT count(*) AS lpayRows, count(DISTINCT cust) AS lpayUsersN, avg((chnl = 2)::INT) AS lpayOnline FROM l`);

    v.linesPerReceipt = v.lines / v.receipts;
    v.duplicateShare = v.duplicates / v.lines;
    v.lpayUsers = v.lpayUsersN / v.buyers;
    v.servicePerCust = v.serviceRows / v.customers;
    v.serviceUsers = v.serviceUsersN / v.customers;
    v.lpayPerBuyer = v.lpayRows / v.buyers;
    const scale = v.customers / FULL_SCALE_CUSTOMERS;
    return FACTS.map((f) => {
      const published = f.sizeDependent ? f.published * scale : f.published;
      const generated = v[f.key] ?? NaN;
      return {
        key: f.key,
        fact: f.fact,
        unit: f.unit,
        published,
        publishedFullScale: f.published,
        generated,
        tolerance: f.tolerance,
        why: f.why,
        pass: withinTolerance(generated, published, f.tolerance),
        sizeDependent: f.sizeDependent,
      };
    });
  });
}

export function withinTolerance(generated: number, published: number, tolerance: Tolerance): boolean {
  if (!Number.isFinite(generated)) return false;
  const diff = Math.abs(generated - published);
  return tolerance.kind === 'absolute' ? diff <= tolerance.value + 1e-12 : diff <= tolerance.value * Math.abs(published) + 1e-12;
}
