import { RETAIL_CHAINS, SERVICE_CHAINS, type LpointKind } from '../../../shared/lpointFiles';
import type { RejectReason } from '../../../shared/reports';
import type { DataTable } from '../project/schema';

/**
 * How each L.POINT file becomes rows of a project table: SQL expressions over the raw text
 * columns (all read as VARCHAR) and the checks, in priority order, that reject a row.
 * The first failing check names the reason; the detail shows the offending value.
 */
export interface Check {
  reason: RejectReason;
  /** SQL over the typed columns (and raw columns) that is true when the row fails. */
  fails: string;
  /** SQL giving the offending value for the rejects table. */
  detail: string;
}

export interface KindMapping {
  table: DataTable;
  /** Target column → SQL expression over the raw columns. Order = table column order before the bookkeeping columns. */
  select: [string, string][];
  checks: Check[];
  /** Master tables: the key that must be present and unique. */
  key?: string;
  /** Transaction tables: the amount column (returns are amount ≤ 0) and the date column. */
  amount?: string;
  date?: string;
  /** Checked against the product catalog when one is loaded (a raw column name). */
  productColumn?: string;
  /** Typed values kept in the staged rows but not inserted (e.g. a category to derive products from). */
  extra?: [string, string][];
  /** The named attributes kept with each row (the report lists them). */
  attributeNames?: string[];
  /** Master rows taken from this file's own columns (customers or products named in the purchase file). */
  derived?: Derivation[];
}

/**
 * Rows of a master table derived from a transaction file: one per key not yet in the table, each
 * column the most frequent value of its staged column; keys with more than one value are counted.
 */
export interface Derivation {
  table: 'customers' | 'products';
  /** The key column, in the master table and in the staged rows. */
  key: string;
  /** Master column → staged column (an `extra` of the mapping). */
  columns: [string, string][];
  /** Named attributes: attribute name → staged column. */
  attributes?: [string, string][];
}

// Values are taken as written (no trimming: a stray space is data, and a date with one is rejected);
// an empty field is NULL.
const text = (col: string) => `NULLIF(${col}, '')`;
const date = (col: string) => `try_strptime(${col}, '%Y%m%d')::DATE`;
const int = (col: string) => `TRY_CAST(${col} AS INTEGER)`;
/** Small codes (hour, channel): out-of-range values become NULL and fail their check. */
const tinyint = (col: string) => `TRY_CAST(${col} AS TINYINT)`;
const num = (col: string) => `TRY_CAST(${col} AS DOUBLE)`;
// A list literal, tested with list_contains: DuckDB turns `x IN (...)` of five or more values into a
// join, which gives up the file's row order the one-pass staging relies on (see loadFile.ts).
const inList = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

// Checks read the typed values computed once in the select list (the column names below), and
// show the raw text in their detail.
const customerCheck: Check = { reason: 'missing_customer', fails: `customer_id IS NULL`, detail: `'cust is empty'` };
const dateCheck = (typed: string, raw: string): Check => ({
  reason: 'bad_date',
  fails: `${typed} IS NULL`,
  detail: `'${raw}=' || coalesce(${raw}, '')`,
});
const hourCheck: Check = {
  reason: 'bad_hour',
  fails: `coalesce(hour NOT BETWEEN 0 AND 23, true)`,
  detail: `'de_hr=' || coalesce(de_hr, '')`,
};
const channelCheck: Check = {
  reason: 'bad_channel',
  fails: `coalesce(channel NOT IN (1, 2), true)`,
  detail: `'chnl_dv=' || coalesce(chnl_dv, '')`,
};
const amountCheck: Check = {
  reason: 'bad_amount',
  fails: `coalesce(NOT isfinite(amount), true)`,
  detail: `'buy_am=' || coalesce(buy_am, '')`,
};
const chainCheck = (allowed: readonly string[] | 'any'): Check => ({
  reason: 'unknown_chain',
  fails:
    allowed === 'any'
      ? `coalesce(NOT regexp_full_match(chain, '[A-Z][0-9]{2}'), true)`
      : `coalesce(NOT list_contains(${inList(allowed)}, chain), true)`,
  detail: `'cop_c=' || coalesce(cop_c, '')`,
});

export const MAPPINGS: Record<LpointKind, KindMapping> = {
  customers: {
    table: 'customers',
    key: 'customer_id',
    select: [
      ['customer_id', text('cust')],
      ['gender', text('ma_fem_dv')],
      ['age_band', text('ages')],
      ['region', text('zon_hlv')],
    ],
    checks: [],
  },
  products: {
    table: 'products',
    key: 'product_id',
    select: [
      ['product_id', text('pd_c')],
      ['name', text('pd_nm')],
      ['category', text('clac_hlv_nm')],
      ['subcategory', text('clac_mcls_nm')],
    ],
    checks: [],
  },
  branches: {
    table: 'branches',
    key: 'branch_id',
    select: [
      ['branch_id', text('br_c')],
      ['chain', text('cop_c')],
      ['region', text('zon_hlv')],
      ['subregion', text('zon_mcls')],
    ],
    checks: [],
  },
  purchases: {
    table: 'purchases',
    amount: 'amount',
    date: 'date',
    productColumn: 'pd_c',
    select: [
      ['customer_id', text('cust')],
      ['receipt_id', text('rct_no')],
      ['channel', tinyint('chnl_dv')],
      ['chain', text('cop_c')],
      ['branch_id', text('br_c')],
      ['product_id', text('pd_c')],
      ['date', date('de_dt')],
      ['hour', tinyint('de_hr')],
      ['amount', num('buy_am')],
      ['quantity', int('buy_ct')],
    ],
    checks: [
      customerCheck,
      dateCheck('date', 'de_dt'),
      hourCheck,
      channelCheck,
      amountCheck,
      { reason: 'bad_count', fails: `quantity IS NULL`, detail: `'buy_ct=' || coalesce(buy_ct, '')` },
      chainCheck(RETAIL_CHAINS),
    ],
  },
  services: {
    table: 'services',
    amount: 'amount',
    date: 'date',
    select: [
      ['customer_id', text('cust')],
      ['receipt_id', text('rct_no')],
      ['chain', text('cop_c')],
      ['branch_id', text('br_c')],
      ['channel', tinyint('chnl_dv')],
      ['date', date('de_dt')],
      ['visit_date', date('vst_dt')],
      ['hour', tinyint('de_hr')],
      ['amount', num('buy_am')],
    ],
    checks: [customerCheck, dateCheck('date', 'de_dt'), hourCheck, channelCheck, amountCheck, chainCheck(SERVICE_CHAINS)],
  },
  payments: {
    table: 'payments',
    amount: 'amount',
    date: 'date',
    select: [
      ['customer_id', text('cust')],
      ['receipt_id', text('rct_no')],
      ['chain', text('cop_c')],
      ['channel', tinyint('chnl_dv')],
      ['date', date('de_dt')],
      ['hour', tinyint('de_hr')],
      ['amount', num('buy_am')],
    ],
    checks: [customerCheck, dateCheck('date', 'de_dt'), hourCheck, channelCheck, amountCheck, chainCheck('any')],
  },
};
