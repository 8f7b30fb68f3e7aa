import { listValue, quotedIdentifier, type DuckDBValue } from '@duckdb/node-api';
import type { DateWindow } from '../../../../shared/analytics';
import type { Sql } from '../../db/database';

/**
 * Side features for NeuMF and Wide & Deep, as in the seed: per customer gender, age band, RFM tier in
 * each of the two periods, rank (amount quintile among the chain's buyers) at each chain, affiliate
 * service use and L.pay use; per product its category, the chain that sells it most and its
 * popularity quintile there. Every field is categorical: code 0 = missing or none, 1.. the values in
 * sorted order, so each field is one small embedding table (deep) or one-hot block (wide). Every tie
 * (a product's main chain, a customer's conflicting rows) is broken by value, and amounts are rounded
 * before ranking, so the same data always gives the same codes: a run is reproducible by its seed.
 */
export interface FeatureBlock {
  /** Field names, e.g. 'gender', 'tier_1', 'rank_A01'. */
  names: string[];
  /** Per field: its values (index = code − 1). */
  values: string[][];
  /** Row-major rows × fields codes. */
  codes: Int32Array;
}

export interface SideFeatures {
  user: FeatureBlock;
  item: FeatureBlock;
}

/** Codes fields of string values (null = missing → 0). */
function block(names: string[], rows: (string | null)[][]): FeatureBlock {
  const values = names.map((_, f) => [...new Set(rows.map((r) => r[f]).filter((v): v is string => v !== null))].sort());
  const index = values.map((vs) => new Map(vs.map((v, k) => [v, k + 1])));
  const codes = new Int32Array(rows.length * names.length);
  rows.forEach((r, i) => r.forEach((v, f) => (codes[i * names.length + f] = v === null ? 0 : index[f].get(v)!)));
  return { names, values, codes };
}

/**
 * The features of `customers` and `products` (the run's index order) over the window. `segments` is a
 * segment table (tier_1, tier_2 per customer) computed for the window, or null to leave tiers out.
 */
export async function sideFeatures(db: Sql, window: DateWindow, customers: string[], products: string[], segments: string | null): Promise<SideFeatures> {
  const w: DuckDBValue[] = [window.from, window.to];
  const inWindow = `date BETWEEN $1::DATE AND $2::DATE`;
  const chains = (await db.all<{ chain: string }>(`SELECT DISTINCT chain FROM purchases WHERE NOT is_return AND ${inWindow} ORDER BY chain`, w)).map((r) => r.chain);
  const tiers = segments ? `LEFT JOIN (SELECT customer_id, tier_1::VARCHAR AS tier_1, tier_2::VARCHAR AS tier_2 FROM ${quotedIdentifier(segments)}) seg USING (customer_id)` : '';
  const userRows = await db.all<Record<string, string | null> & { u: number }>(
    `WITH ids AS (SELECT unnest(l) AS customer_id, unnest(range(len(l)))::INTEGER AS u FROM (SELECT $3::VARCHAR[] AS l)),
     demo AS (SELECT customer_id, min(gender) AS gender, min(age_band) AS age_band FROM customers GROUP BY customer_id),
     amounts AS (SELECT customer_id, chain, round(sum(coalesce(amount, 0)), 4) AS amt FROM purchases WHERE NOT is_return AND ${inWindow} GROUP BY ALL),
     ranks AS (SELECT customer_id, map_from_entries(list({'k': chain, 'v': q::VARCHAR})) AS r FROM
               (SELECT customer_id, chain, ntile(5) OVER (PARTITION BY chain ORDER BY amt, customer_id) AS q FROM amounts) GROUP BY customer_id),
     svc AS (SELECT DISTINCT customer_id FROM services WHERE ${inWindow}),
     pay AS (SELECT DISTINCT customer_id FROM payments WHERE ${inWindow})
     SELECT u, demo.gender, demo.age_band, ${segments ? 'seg.tier_1, seg.tier_2,' : ''}
       ${chains.map((c, i) => `ranks.r[$${4 + i}] AS ${quotedIdentifier(`rank_${c}`)},`).join(' ')}
       CASE WHEN svc.customer_id IS NULL THEN 'no' ELSE 'yes' END AS affiliate,
       CASE WHEN pay.customer_id IS NULL THEN 'no' ELSE 'yes' END AS lpay
     FROM ids LEFT JOIN demo USING (customer_id) ${tiers} LEFT JOIN ranks USING (customer_id)
       LEFT JOIN svc USING (customer_id) LEFT JOIN pay USING (customer_id)
     ORDER BY u`,
    [...w, listValue(customers), ...chains],
  );
  const userNames = ['gender', 'age_band', ...(segments ? ['tier_1', 'tier_2'] : []), ...chains.map((c) => `rank_${c}`), 'affiliate', 'lpay'];
  const user = block(userNames, userRows.map((r) => userNames.map((n) => (r[n] === null || r[n] === undefined ? null : String(r[n])))));

  const itemRows = await db.all<{ i: number; category: string | null; chain: string | null; q: number | null }>(
    `WITH ids AS (SELECT unnest(l) AS product_id, unnest(range(len(l)))::INTEGER AS i FROM (SELECT $3::VARCHAR[] AS l)),
     cat AS (SELECT product_id, min(category) AS category FROM products GROUP BY product_id),
     per AS (SELECT product_id, chain, count(DISTINCT customer_id) AS buyers FROM purchases WHERE NOT is_return AND product_id IS NOT NULL AND ${inWindow} GROUP BY ALL),
     main AS (SELECT product_id, first(chain ORDER BY buyers DESC, chain) AS chain, max(buyers) AS buyers FROM per GROUP BY product_id),
     ranked AS (SELECT product_id, chain, ntile(5) OVER (PARTITION BY chain ORDER BY buyers, product_id) AS q FROM main)
     SELECT i, cat.category, ranked.chain, ranked.q FROM ids LEFT JOIN cat USING (product_id) LEFT JOIN ranked USING (product_id) ORDER BY i`,
    [...w, listValue(products)],
  );
  const item = block(
    ['category', 'chain', 'popularity'],
    itemRows.map((r) => [r.category, r.chain, r.q === null ? null : String(r.q)]),
  );
  return { user, item };
}
