import { listValue } from '@duckdb/node-api';
import type { Sql } from '../../db/database';
import type { RecommendLists } from './compute';
import type { RecommendData } from './dataset';

/** Inserts one model's lists (customer, rank 1..K, product, score) in slices of list parameters. */
export async function saveLists(
  db: Sql,
  to: { runId: string; model: string; chain: string | null },
  data: RecommendData,
  k: number,
  lists: RecommendLists,
  keep: (u: number) => boolean,
  customers: Set<string>,
): Promise<number> {
  const SLICE = 50_000;
  let written = 0;
  let cust: string[] = [];
  let rank: number[] = [];
  let prod: string[] = [];
  let score: number[] = [];
  const flush = async () => {
    if (!cust.length) return;
    await db.run(
      `INSERT INTO recommendations (run_id, model, chain, customer_id, rank, product_id, score) SELECT $1, $2, $3, unnest($4::VARCHAR[]), unnest($5::INTEGER[]), unnest($6::VARCHAR[]), unnest($7::DOUBLE[])`,
      [to.runId, to.model, to.chain, listValue(cust), listValue(rank), listValue(prod), listValue(score)],
    );
    written += cust.length;
    cust = [];
    rank = [];
    prod = [];
    score = [];
  };
  for (let u = 0; u < data.customers.length; u++) {
    if (!keep(u)) continue;
    for (let r = 0; r < k; r++) {
      const i = lists.items[u * k + r];
      if (i < 0) break;
      customers.add(data.customers[u]);
      cust.push(data.customers[u]);
      rank.push(r + 1);
      prod.push(data.products[i]);
      score.push(lists.scores[u * k + r]);
    }
    if (cust.length >= SLICE) await flush();
  }
  await flush();
  return written;
}
