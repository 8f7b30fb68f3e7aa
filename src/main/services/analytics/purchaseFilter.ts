import { listValue } from '@duckdb/node-api';
import type { OverviewFilter } from '../../../shared/analytics';
import { badArgument } from '../../../shared/errors';
import { SqlParams } from './sqlParams';
import { customerCondition } from './customerFilter';

export function checkFilter(filter: OverviewFilter): void {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw badArgument(`The date range starts (${filter.from}) after it ends (${filter.to}).`, ['from'], 'rangeReversed', { from: filter.from, to: filter.to });
  }
}

/**
 * Conditions on receipt_facts (or on services, where `chains` keeps the customers who bought at
 * those chains in the date range).
 */
export function filterConditions(filter: OverviewFilter, p: SqlParams, table: 'purchases' | 'services'): string[] {
  const c: string[] = [];
  if (filter.customers) c.push(customerCondition(filter.customers, p));
  if (filter.channel !== 'all') c.push(`channel = ${p.add(filter.channel === 'online' ? 2 : 1)}`);
  if (filter.from) c.push(`date >= ${p.date(filter.from)}`);
  if (filter.to) c.push(`date <= ${p.date(filter.to)}`);
  if (filter.chains) {
    const chains = `${p.add(listValue(filter.chains))}::VARCHAR[]`;
    if (table === 'purchases') c.push(`list_contains(${chains}, chain)`);
    else {
      const dates = [filter.from ? `date >= ${p.date(filter.from)}` : null, filter.to ? `date <= ${p.date(filter.to)}` : null].filter(Boolean);
      const inRange = dates.length ? ` AND ${dates.join(' AND ')}` : '';
      c.push(`customer_id IN (SELECT customer_id FROM receipt_facts WHERE list_contains(${chains}, chain)${inRange})`);
    }
  }
  return c;
}

export function whereClause(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** The WHERE clause of a query over receipt_facts under the page's filter, with its parameters. */
export function receiptsWhere(filter: OverviewFilter): { where: string; p: SqlParams } {
  const p = new SqlParams();
  return { where: whereClause(filterConditions(filter, p, 'purchases')), p };
}
