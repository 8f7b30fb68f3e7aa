import type { RecommendListPage } from '../../../../shared/recommend';
import { keyedError } from '../../../../shared/errors';
import type { Sql } from '../../db/database';

/**
 * A page of a run's saved lists for one model, customer by customer (code order), each list best
 * first with the product's name and category from the catalog; or one customer's list.
 */
export async function recommendationLists(
  db: Sql,
  runId: string,
  query: { model: string; customer?: string; offset: number; limit: number },
): Promise<RecommendListPage> {
  const run = await db.one<{ kind: string; status: string }>(`SELECT kind, status FROM runs WHERE run_id = $1`, [runId]);
  if (!run || run.kind !== 'recommend' || run.status !== 'done') throw keyedError('NOT_FOUND', `No finished recommendation run ${runId} in this project.`, 'runNotFound', { run: runId });
  const params: (string | number)[] = [runId, query.model];
  let customerFilter = '';
  if (query.customer !== undefined) {
    params.push(query.customer);
    customerFilter = `AND customer_id = $${params.length}`;
  }
  const total = await db.one<{ n: number }>(`SELECT count(DISTINCT customer_id)::INTEGER AS n FROM recommendations WHERE run_id = $1 AND model = $2 ${customerFilter}`, params);
  params.push(query.limit, query.offset);
  const rows = await db.all<{ customer_id: string; chain: string | null; rank: number; product_id: string; name: string | null; category: string | null; score: number }>(
    `WITH page AS (
       SELECT DISTINCT customer_id FROM recommendations WHERE run_id = $1 AND model = $2 ${customerFilter}
       ORDER BY customer_id LIMIT $${params.length - 1} OFFSET $${params.length})
     SELECT r.customer_id, r.chain, r.rank, r.product_id, p.name, p.category, r.score
     FROM recommendations r JOIN page USING (customer_id)
     LEFT JOIN (SELECT product_id, any_value(name) AS name, any_value(category) AS category FROM products GROUP BY product_id) p USING (product_id)
     WHERE r.run_id = $1 AND r.model = $2
     ORDER BY r.customer_id, r.chain NULLS FIRST, r.rank`,
    params,
  );
  const customers: RecommendListPage['customers'] = [];
  for (const r of rows) {
    let last = customers[customers.length - 1];
    if (!last || last.customerId !== r.customer_id) customers.push((last = { customerId: r.customer_id, items: [] }));
    last.items.push({ chain: r.chain, rank: r.rank, productId: r.product_id, name: r.name ?? '', category: r.category ?? '', score: r.score });
  }
  return { runId, model: query.model, total: total?.n ?? 0, offset: query.offset, customers };
}
