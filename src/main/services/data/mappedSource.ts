import { keyedError } from '../../../shared/errors';
import { dateFormatSql } from '../../../shared/dates';
import {
  formatHasTime,
  type CustomerMapping,
  type ProductMapping,
  type PurchaseMapping,
} from '../../../shared/mapping';
import { AMOUNT_NOISE } from '../../../shared/money';
import { quotedIdentifier, quotedString } from '@duckdb/node-api';
import type { Check, Derivation, KindMapping } from './lpointMapping';

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
      if (i < 0) {
        const columns = header.join(', ');
        throw keyedError('BAD_ARGUMENT', `The file has no column named "${name}"; its columns are: ${columns}.`, 'noSuchColumn', { column: name, columns });
      }
      return quotedIdentifier(columns[i]);
    },
  };
}

const text = (c: string) => `NULLIF(${c}, '')`;
/** Amounts as Korean Excel writes them: "1,234" or "₩1,234" or " 1234 " (or "$1,234.50", "€ 12"). */
const number = (c: string) => `TRY_CAST(regexp_replace(trim(${c}), '${AMOUNT_NOISE}', '', 'g') AS DOUBLE)`;

/**
 * Named attributes as a MAP(VARCHAR, VARCHAR): name → SQL value; empty values are left out, and a
 * row without any gets NULL.
 */
export function attributeMap(entries: [string, string][]): string {
  if (entries.length === 0) return 'NULL::MAP(VARCHAR, VARCHAR)';
  const list = entries.map(([name, value]) => `{'k': ${quotedString(name)}, 'v': ${value}}`).join(', ');
  return `CASE WHEN len(list_filter([${list}], e -> e.v IS NOT NULL)) = 0 THEN NULL
    ELSE map_from_entries(list_filter([${list}], e -> e.v IS NOT NULL)) END`;
}
const ONLINE = ['2', 'online', 'on', '온라인', 'web', 'app', 'mobile', '모바일', 'e'];
const OFFLINE = ['1', 'offline', 'off', '오프라인', 'store', '매장', 'o'];
// Tested with list_contains, not IN: a long IN list becomes a join, which loses the rows' order (loadFile.ts).
const list = (values: string[]) => values.map(quotedString).join(', ');

/** What of the purchase file's own columns becomes master rows (when the map has no such file). */
export interface DeriveFrom {
  products: boolean;
  customers: boolean;
}

export function purchaseMapping(m: PurchaseMapping, col: (name: string) => string, derive: DeriveFrom): KindMapping {
  // m.dateFormat is resolved by now (never 'auto'): see dateColumn.ts.
  const stamp = dateFormatSql(m.dateFormat, col(m.date));
  const hour = m.hour ? `TRY_CAST(trim(${col(m.hour)}) AS TINYINT)` : formatHasTime(m.dateFormat) ? `hour(${stamp})::TINYINT` : '0::TINYINT';
  const customer = text(col(m.customer));
  const receipt = m.receipt
    ? text(col(m.receipt))
    : `${customer} || '@' || strftime(${stamp}, '%Y-%m-%d') || ' ' || lpad(CAST(${hour} AS VARCHAR), 2, '0')`;
  const channel = m.channel
    ? `CASE WHEN list_contains([${list(OFFLINE)}], lower(trim(${col(m.channel)}))) THEN 1 WHEN list_contains([${list(ONLINE)}], lower(trim(${col(m.channel)}))) THEN 2 END::TINYINT`
    : '1::TINYINT';
  const shown = (name: string) => `'${name.replace(/'/g, "''")}=' || coalesce(${col(name)}, '')`;
  const checks: Check[] = [
    { reason: 'missing_customer', fails: 'customer_id IS NULL', detail: `'${m.customer.replace(/'/g, "''")} is empty'` },
    { reason: 'bad_date', fails: 'date IS NULL', detail: shown(m.date) },
  ];
  if (m.hour) checks.push({ reason: 'bad_hour', fails: 'coalesce(hour NOT BETWEEN 0 AND 23, true)', detail: shown(m.hour) });
  if (m.channel) checks.push({ reason: 'bad_channel', fails: 'channel IS NULL', detail: shown(m.channel) });
  if (m.amount) checks.push({ reason: 'bad_amount', fails: 'coalesce(NOT isfinite(amount), true)', detail: shown(m.amount) });
  if (m.quantity) checks.push({ reason: 'bad_count', fails: 'quantity IS NULL', detail: shown(m.quantity) });
  if (m.chain) checks.push({ reason: 'unknown_chain', fails: 'chain IS NULL', detail: shown(m.chain) });

  const extra: [string, string][] = [];
  const derived: Derivation[] = [];
  const staged = (name: string, column: string) => {
    extra.push([name, text(col(column))]);
    return name;
  };
  const productColumns: [string, string][] = [];
  if (m.productName) productColumns.push(['name', staged('_product_name', m.productName)]);
  if (m.category) productColumns.push(['category', staged('_category', m.category)]);
  // A file naming its products only by name (a basket of "whole milk", "soda") uses the name as the product id.
  const productId = m.product ?? m.productName;
  const deriveProducts = derive.products && productId !== undefined && productColumns.length > 0;
  if (deriveProducts) derived.push({ table: 'products', key: 'product_id', columns: productColumns });

  const customerColumns: [string, string][] = [];
  if (m.gender) customerColumns.push(['gender', staged('_gender', m.gender)]);
  if (m.ageBand) customerColumns.push(['age_band', staged('_age_band', m.ageBand)]);
  if (m.region) customerColumns.push(['region', staged('_region', m.region)]);
  const customerAttributes = m.customerAttributes.map((name, i): [string, string] => [name, staged(`_customer_attr_${i}`, name)]);
  if (derive.customers && customerColumns.length + customerAttributes.length > 0) {
    derived.push({ table: 'customers', key: 'customer_id', columns: customerColumns, attributes: customerAttributes });
  }
  return {
    table: 'purchases',
    amount: 'amount',
    date: 'date',
    // Derived products join the catalog, so only a file without them is checked against it.
    productColumn: productId && !deriveProducts ? col(productId).replace(/"/g, '') : undefined,
    select: [
      ['customer_id', customer],
      ['receipt_id', receipt],
      ['channel', channel],
      ['chain', m.chain ? text(col(m.chain)) : `'ALL'`],
      ['branch_id', 'NULL::VARCHAR'],
      ['product_id', productId ? text(col(productId)) : 'NULL::VARCHAR'],
      ['date', `${stamp}::DATE`],
      ['hour', hour],
      ['amount', m.amount ? number(col(m.amount)) : 'NULL::DOUBLE'],
      ['quantity', m.quantity ? `TRY_CAST(${number(col(m.quantity))} AS INTEGER)` : '1'],
      ['attributes', attributeMap(m.attributes.map((name) => [name, text(col(name))]))],
    ],
    checks,
    extra,
    derived,
    attributeNames: m.attributes,
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
      ['attributes', attributeMap(m.attributes.map((name) => [name, text(col(name))]))],
    ],
    checks: [],
    attributeNames: m.attributes,
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
