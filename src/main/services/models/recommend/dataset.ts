import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { DateWindow } from '../../../../shared/analytics';
import type { Sql } from '../../db/database';
import type { PurchaseRows } from './rows';

/**
 * What the recommenders learn from, read from the project's purchases in one window: one row per
 * (customer, product, day) the customer bought it (returns and lines without a product left out;
 * several lines of a product on one day count once). Customers and products are dense indices in
 * code order; rows come sorted by customer, then day, then product, so customer u's rows are
 * userStart[u] .. userStart[u+1]). Days count from the window's start. Built in DuckDB; one row per
 * customer crosses into JS as lists.
 */
export interface RecommendData {
  window: DateWindow;
  /** Customer codes; index = user. */
  customers: string[];
  /** Product codes; index = item. */
  products: string[];
  /** Per item: its category's index in `categories` (−1 where the catalog does not know it). */
  category: Int32Array;
  categories: string[];
  /** Per item: product name from the catalog ('' where unknown). */
  names: string[];
  rows: PurchaseRows;
  userStart: Int32Array;
}

export interface RecommendDataOptions {
  /** Only lines of this chain (the per-chain models). */
  chain?: string;
  /** Only these customers (e.g. a segment or cluster); null = all with purchases. */
  customers?: string[] | null;
  /** Index items against this product list (another window's), instead of the window's own products. */
  products?: string[];
}

/** Customers and the number of lines of each chain in the window, for the "chain with no purchases" check. */
export async function chainLineCounts(db: Sql, window: DateWindow): Promise<Map<string, number>> {
  const rows = await db.all<{ chain: string; n: bigint | number }>(
    `SELECT chain, count(*) AS n FROM purchases WHERE NOT is_return AND product_id IS NOT NULL AND date BETWEEN $1::DATE AND $2::DATE GROUP BY chain`,
    [window.from, window.to],
  );
  return new Map(rows.map((r) => [r.chain, Number(r.n)]));
}

export async function recommendData(db: Sql, window: DateWindow, options: RecommendDataOptions = {}): Promise<RecommendData> {
  const params: DuckDBValue[] = [window.from, window.to];
  let where = `NOT is_return AND product_id IS NOT NULL AND date BETWEEN $1::DATE AND $2::DATE`;
  if (options.chain) {
    params.push(options.chain);
    where += ` AND chain = $${params.length}`;
  }
  const cte = `lines AS (SELECT customer_id, product_id, date FROM purchases WHERE ${where})`;
  let ids: string;
  if (options.products) ids = `ids AS (SELECT unnest(l) AS product_id, unnest(range(len(l)))::INTEGER AS i FROM (SELECT $${params.push(listValue(options.products))}::VARCHAR[] AS l))`;
  else ids = `ids AS (SELECT product_id, (row_number() OVER (ORDER BY product_id) - 1)::INTEGER AS i FROM (SELECT DISTINCT product_id FROM lines))`;
  const items = await db.all<{ product_id: string; name: string | null; category: string | null }>(
    `WITH ${cte}, ${ids}
     SELECT ids.product_id, p.name, p.category FROM ids
     LEFT JOIN (SELECT product_id, any_value(name) AS name, any_value(category) AS category FROM products GROUP BY product_id) p USING (product_id)
     ORDER BY ids.i`,
    params,
  );
  const products = items.map((r) => r.product_id);
  const categories = [...new Set(items.map((r) => r.category).filter((c): c is string => c !== null))].sort();
  const catIndex = new Map(categories.map((c, k) => [c, k]));
  const category = Int32Array.from(items, (r) => (r.category === null ? -1 : catIndex.get(r.category)!));
  const names = items.map((r) => r.name ?? '');

  const filter = options.customers ? `WHERE customer_id IN (SELECT unnest($${params.push(listValue(options.customers))}::VARCHAR[]))` : '';
  const lists = await db.all<{ customer_id: string; i: number[]; d: number[] }>(
    `WITH ${cte}, ${ids},
     days AS (SELECT DISTINCT customer_id, i, (date - $1::DATE)::INTEGER AS d FROM lines JOIN ids USING (product_id) ${filter})
     SELECT customer_id, list(i ORDER BY d, i) AS i, list(d ORDER BY d, i) AS d
     FROM days GROUP BY customer_id ORDER BY customer_id`,
    params,
  );
  const customers = lists.map((r) => r.customer_id);
  const userStart = new Int32Array(lists.length + 1);
  for (let u = 0; u < lists.length; u++) userStart[u + 1] = userStart[u] + lists[u].i.length;
  const total = userStart[lists.length];
  const user = new Int32Array(total);
  const item = new Int32Array(total);
  const day = new Int32Array(total);
  for (let u = 0; u < lists.length; u++) {
    const r = lists[u];
    const at = userStart[u];
    user.fill(u, at, at + r.i.length);
    item.set(r.i, at);
    day.set(r.d, at);
  }
  const rows: PurchaseRows = { users: customers.length, itemCount: products.length, user, item, day };
  return { window, customers, products, category, categories, names, rows, userStart };
}
