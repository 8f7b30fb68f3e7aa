import { AppError } from '../../../shared/errors';
import { dateFormatSql } from '../../../shared/dates';
import {
  formatHasTime,
  type CustomerMapping,
  type ProductMapping,
  type PurchaseMapping,
} from '../../../shared/mapping';
import { quotedIdentifier, quotedString } from '@duckdb/node-api';
import type { Check, KindMapping } from './lpointMapping';

/**
 * A user's column mapping as SQL over the file's columns, which are named f0, f1, … by position
 * inside SQL (so no header name, Korean, quoted or clashing, ever reaches SQL text).
 */
export function positional(header: string[]): { columns: string[]; col: (name: string) => string } {
  const columns = header.map((_, i) => `f${i}`);
  return {
    columns,
    col: (name: string) => {
      const i = header.indexOf(name);
      if (i < 0) throw new AppError('BAD_ARGUMENT', `The file has no column named "${name}"; its columns are: ${header.join(', ')}.`);
      return quotedIdentifier(columns[i]);
    },
  };
}

const text = (c: string) => `NULLIF(${c}, '')`;
/** Amounts as Korean Excel writes them: "1,234" or "₩1,234" or " 1234 ". */
const number = (c: string) => `TRY_CAST(regexp_replace(trim(${c}), '[,₩원\\s]', '', 'g') AS DOUBLE)`;
const ONLINE = ['2', 'online', 'on', '온라인', 'web', 'app', 'mobile', '모바일', 'e'];
const OFFLINE = ['1', 'offline', 'off', '오프라인', 'store', '매장', 'o'];
const list = (values: string[]) => values.map(quotedString).join(', ');

export function purchaseMapping(m: PurchaseMapping, col: (name: string) => string, deriveProducts: boolean): KindMapping {
  // m.dateFormat is resolved by now (never 'auto'): see dateColumn.ts.
  const stamp = dateFormatSql(m.dateFormat, col(m.date));
  const hour = m.hour ? `TRY_CAST(trim(${col(m.hour)}) AS TINYINT)` : formatHasTime(m.dateFormat) ? `hour(${stamp})::TINYINT` : '0::TINYINT';
  const customer = text(col(m.customer));
  const receipt = m.receipt
    ? text(col(m.receipt))
    : `${customer} || '@' || strftime(${stamp}, '%Y-%m-%d') || ' ' || lpad(CAST(${hour} AS VARCHAR), 2, '0')`;
  const channel = m.channel
    ? `CASE WHEN lower(trim(${col(m.channel)})) IN (${list(OFFLINE)}) THEN 1 WHEN lower(trim(${col(m.channel)})) IN (${list(ONLINE)}) THEN 2 END::TINYINT`
    : '1::TINYINT';
  const shown = (name: string) => `'${name.replace(/'/g, "''")}=' || coalesce(${col(name)}, '')`;
  const checks: Check[] = [
    { reason: 'missing_customer', fails: 'customer_id IS NULL', detail: `'${m.customer.replace(/'/g, "''")} is empty'` },
    { reason: 'bad_date', fails: 'date IS NULL', detail: shown(m.date) },
  ];
  if (m.hour) checks.push({ reason: 'bad_hour', fails: 'coalesce(hour NOT BETWEEN 0 AND 23, true)', detail: shown(m.hour) });
  if (m.channel) checks.push({ reason: 'bad_channel', fails: 'channel IS NULL', detail: shown(m.channel) });
  checks.push({ reason: 'bad_amount', fails: 'coalesce(NOT isfinite(amount), true)', detail: shown(m.amount) });
  if (m.quantity) checks.push({ reason: 'bad_count', fails: 'quantity IS NULL', detail: shown(m.quantity) });
  if (m.chain) checks.push({ reason: 'unknown_chain', fails: 'chain IS NULL', detail: shown(m.chain) });

  const extra: [string, string][] = [];
  if (m.productName) extra.push(['_product_name', text(col(m.productName))]);
  if (m.category) extra.push(['_category', text(col(m.category))]);
  const derive = deriveProducts && m.product && extra.length > 0;
  return {
    table: 'purchases',
    amount: 'amount',
    date: 'date',
    // Derived products join the catalog, so only a file without them is checked against it.
    productColumn: m.product && !derive ? col(m.product).replace(/"/g, '') : undefined,
    select: [
      ['customer_id', customer],
      ['receipt_id', receipt],
      ['channel', channel],
      ['chain', m.chain ? text(col(m.chain)) : `'ALL'`],
      ['branch_id', 'NULL::VARCHAR'],
      ['product_id', m.product ? text(col(m.product)) : 'NULL::VARCHAR'],
      ['date', `${stamp}::DATE`],
      ['hour', hour],
      ['amount', number(col(m.amount))],
      ['quantity', m.quantity ? `TRY_CAST(${number(col(m.quantity))} AS INTEGER)` : '1'],
    ],
    checks,
    extra,
    // Without a product file, the products the purchases name (with their name and category) join the catalog.
    afterWrite: derive
      ? (checked, importId) => `
        INSERT INTO products (product_id, name, category, subcategory, import_id)
        SELECT product_id, ${m.productName ? 'any_value(_product_name)' : 'NULL'}, ${m.category ? 'any_value(_category)' : 'NULL'}, NULL, ${importId}
        FROM ${checked} WHERE reason IS NULL AND product_id IS NOT NULL
          AND product_id NOT IN (SELECT product_id FROM products)
        GROUP BY product_id`
      : undefined,
  };
}

export function customerMapping(m: CustomerMapping, col: (name: string) => string): KindMapping {
  return {
    table: 'customers',
    key: 'customer_id',
    select: [
      ['customer_id', text(col(m.customer))],
      ['gender', m.gender ? text(col(m.gender)) : 'NULL::VARCHAR'],
      ['age_band', m.ageBand ? text(col(m.ageBand)) : 'NULL::VARCHAR'],
      ['region', m.region ? text(col(m.region)) : 'NULL::VARCHAR'],
    ],
    checks: [],
  };
}

export function productMapping(m: ProductMapping, col: (name: string) => string): KindMapping {
  return {
    table: 'products',
    key: 'product_id',
    select: [
      ['product_id', text(col(m.product))],
      ['name', m.name ? text(col(m.name)) : 'NULL::VARCHAR'],
      ['category', m.category ? text(col(m.category)) : 'NULL::VARCHAR'],
      ['subcategory', m.subcategory ? text(col(m.subcategory)) : 'NULL::VARCHAR'],
    ],
    checks: [],
  };
}
