import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { DateWindow } from '../../../../shared/analytics';
import type { Session, Sql } from '../../db/database';
import type { PurchaseRows } from './rows';

/**
 * What the recommenders learn from, read from the project's purchases in one window: one row per
 * (customer, product, day) the customer bought it (returns and lines without a product left out;
 * several lines of a product on one day count once). Customers and products are dense indices in
 * code order; rows come sorted by customer, then day, then product, so customer u's rows are
 * userStart[u] .. userStart[u+1]). Days count from the window's start. Built in DuckDB; the rows stream into JS
 * in chunks.
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

export async function recommendData(db: Session, window: DateWindow, options: RecommendDataOptions = {}): Promise<RecommendData> {
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
  const customers = (
    await db.all<{ customer_id: string }>(`WITH ${cte} SELECT DISTINCT customer_id FROM lines ${filter} ORDER BY customer_id`, params)
  ).map((r) => r.customer_id);
  // The rows stream in chunks, sorted by DuckDB (which spills under the memory limit): one row per
  // (customer, product, day), never a list per customer held whole in DuckDB's memory.
  const result = await db.connection.stream(
    `WITH ${cte}, ${ids},
     us AS (SELECT customer_id, (row_number() OVER (ORDER BY customer_id) - 1)::INTEGER AS u FROM (SELECT DISTINCT customer_id FROM lines ${filter})),
     days AS (SELECT DISTINCT customer_id, product_id, (date - $1::DATE)::INTEGER AS d FROM lines)
     SELECT u, i, d FROM days JOIN us USING (customer_id) JOIN ids USING (product_id) ORDER BY u, d, i`,
    params,
  );
  let user: Int32Array = new Int32Array(1 << 16);
  let item: Int32Array = new Int32Array(1 << 16);
  let day: Int32Array = new Int32Array(1 << 16);
  let total = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const n = chunk.rowCount;
    if (total + n > user.length) {
      const size = Math.max(total + n, user.length * 2);
      user = grow(user, size);
      item = grow(item, size);
      day = grow(day, size);
    }
    const [u, i, d] = [0, 1, 2].map((c) => chunk.getColumnValues(c) as number[]);
    for (let r = 0; r < n; r++) {
      user[total + r] = u[r];
      item[total + r] = i[r];
      day[total + r] = d[r];
    }
    total += n;
  }
  user = user.slice(0, total);
  item = item.slice(0, total);
  day = day.slice(0, total);
  const userStart = new Int32Array(customers.length + 1);
  for (let r = 0; r < total; r++) userStart[user[r] + 1]++;
  for (let u = 0; u < customers.length; u++) userStart[u + 1] += userStart[u];
  const rows: PurchaseRows = { users: customers.length, itemCount: products.length, user, item, day };
  return { window, customers, products, category, categories, names, rows, userStart };
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
