import { listValue } from '@duckdb/node-api';
import type { CustomerAttributeInfo, CustomerField, CustomerFilter } from '../../../shared/analytics';
import type { Sql } from '../db/database';
import type { SqlParams } from './sqlParams';
import { latestDoneRun } from '../runs/runs';

const TYPED: Record<Exclude<CustomerField, 'attribute' | 'cluster'>, string> = { gender: 'gender', ageBand: 'age_band', region: 'region' };

/** The SQL value of a customer field or named attribute in the customers table. */
function fieldSql(field: Exclude<CustomerField, 'cluster'>, name: string | undefined, p: SqlParams): string {
  return field === 'attribute' ? `attributes[${p.add(name ?? '')}]` : TYPED[field];
}

/** A condition on customer_id keeping the customers the filter names. */
export function customerCondition(filter: CustomerFilter, p: SqlParams): string {
  const values = `${p.add(listValue(filter.values))}::VARCHAR[]`;
  if (filter.field === 'cluster') {
    // A clustering run's customers in the named clusters (customer_clusters.name: the run's current names).
    return `customer_id IN (SELECT customer_id FROM customer_clusters WHERE run_id = ${p.add(filter.name ?? '')} AND list_contains(${values}, name))`;
  }
  return `customer_id IN (SELECT customer_id FROM customers WHERE list_contains(${values}, ${fieldSql(filter.field as Exclude<CustomerField, 'cluster'>, filter.name, p)}))`;
}

/** The customer fields and attributes that have values, with their most common values: what a filter can use. */
export async function customerAttributes(db: Sql): Promise<CustomerAttributeInfo[]> {
  const out: CustomerAttributeInfo[] = [];
  const fields: { field: CustomerField; name?: string; sql: string }[] = Object.entries(TYPED).map(([field, col]) => ({ field: field as CustomerField, sql: col }));
  const names = await db.all<{ name: string }>(
    `SELECT DISTINCT unnest(map_keys(attributes)) AS name FROM customers WHERE attributes IS NOT NULL ORDER BY 1`,
  );
  for (const { name } of names) fields.push({ field: 'attribute', name, sql: `attributes[$1]` });
  for (const f of fields) {
    const params = f.field === 'attribute' ? [f.name!] : [];
    const rows = await db.all<{ value: string; customers: number; distinct: number; total: number }>(
      `SELECT value, count(*)::BIGINT AS customers, count(*) OVER ()::BIGINT AS distinct, sum(count(*)) OVER ()::BIGINT AS total
       FROM (SELECT DISTINCT customer_id, ${f.sql} AS value FROM customers WHERE ${f.sql} IS NOT NULL)
       GROUP BY value ORDER BY customers DESC, value LIMIT 50`,
      params,
    );
    if (rows.length === 0) continue;
    out.push({
      field: f.field,
      ...(f.name !== undefined ? { name: f.name } : {}),
      customers: rows[0].total,
      distinct: rows[0].distinct,
      values: rows.map((r) => ({ value: r.value, customers: r.customers })),
    });
  }
  // The latest clustering: its clusters by their current names.
  const latest = await latestDoneRun(db, 'clusters');
  if (latest) {
    const rows = await db.all<{ value: string; customers: number }>(
      `SELECT name AS value, count(*)::BIGINT AS customers FROM customer_clusters WHERE run_id = $1 GROUP BY name ORDER BY min(cluster)`,
      [latest],
    );
    const total = rows.reduce((s, r) => s + Number(r.customers), 0);
    if (rows.length) out.push({ field: 'cluster', name: latest, customers: total, distinct: rows.length, values: rows });
  }
  return out;
}
