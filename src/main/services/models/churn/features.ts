import type { DateWindow } from '../../../../shared/analytics';
import type { Sql } from '../../db/database';
import { addDays } from '../../analytics/dates';

/**
 * A churn model's inputs, built in SQL from one period only (the features window): every source
 * table is read through a CTE bounded to that window, so nothing after it can leak into a feature
 * (test/unit/churnFeatures.test.ts adds later purchases and checks that no value moves).
 */
export interface FeatureMatrix {
  /** The customers with at least one receipt in the window, in customer_id order. */
  customers: string[];
  /** Feature names (English keys; Korean names via FEATURE_LABELS). */
  names: string[];
  /** Row-major customers × names; NaN where a value does not exist (no gap with one purchase day). */
  x: Float32Array;
}

/** Chains and affiliates beyond these many (by receipts in the window) are left out of the per-chain features. */
const MAX_CHAINS = 8;
const MAX_AFFILIATES = 8;

/** A column name from a data value (chain codes like A01, or a mapped file's own names). */
const slug = (value: string, i: number) => (/^[A-Za-z0-9]{1,12}$/.test(value) ? value.toLowerCase() : `c${i + 1}`);

export async function buildFeatures(db: Sql, window: DateWindow): Promise<FeatureMatrix> {
  const bounds = [window.from, window.to];
  const chains = await db.all<{ chain: string }>(
    `SELECT chain FROM receipt_facts WHERE date BETWEEN $1::DATE AND $2::DATE GROUP BY chain ORDER BY count(*) DESC, chain LIMIT ${MAX_CHAINS}`,
    bounds,
  );
  const affiliates = await db.all<{ chain: string }>(
    `SELECT chain FROM services WHERE date BETWEEN $1::DATE AND $2::DATE GROUP BY chain ORDER BY count(*) DESC, chain LIMIT ${MAX_AFFILIATES}`,
    bounds,
  );
  const chainCols = chains.map((c, i) => ({ value: c.chain, key: slug(c.chain, i) }));
  const affCols = affiliates.map((c, i) => ({ value: c.chain, key: slug(c.chain, i) }));
  // The last two months of the window (its trend against the rest).
  const lateFrom = addDays(window.to, -60);
  const params: (string | number)[] = [window.from, window.to, addDays(window.to, 1), lateFrom];
  const lit = (v: string) => {
    params.push(v);
    return `$${params.length}`;
  };
  const chainShares = chainCols.flatMap(({ value, key }) => {
    const p = lit(value);
    return [
      `coalesce(sum(lines) FILTER (WHERE chain = ${p}), 0) / sum(lines) AS share_lines_${key}`,
      `coalesce(sum(amount) FILTER (WHERE chain = ${p}), 0) / nullif(sum(amount), 0) AS share_amount_${key}`,
      `coalesce(sum(amount) FILTER (WHERE chain = ${p}), 0) AS amount_${key}`,
    ];
  });
  // Per chain: the customer's share of lines and of amount there, and where the customer's amount there ranks among that chain's buyers (0..1).
  const chainSelect = chainCols.map(
    ({ key }) =>
      `share_lines_${key}, share_amount_${key}, CASE WHEN amount_${key} > 0 THEN percent_rank() OVER (PARTITION BY amount_${key} > 0 ORDER BY amount_${key}) ELSE 0 END AS rank_amount_${key}, `,
  );
  const affUses = affCols.map(({ value, key }) => `count(*) FILTER (WHERE chain = ${lit(value)})::DOUBLE AS uses_${key}`);

  const sql = `
    WITH r AS (SELECT * FROM receipt_facts WHERE date BETWEEN $1::DATE AND $2::DATE),
         l AS (SELECT customer_id, product_id FROM purchases WHERE date BETWEEN $1::DATE AND $2::DATE),
         s AS (SELECT customer_id, chain FROM services WHERE date BETWEEN $1::DATE AND $2::DATE),
         pay AS (SELECT customer_id, amount FROM payments WHERE date BETWEEN $1::DATE AND $2::DATE),
         base AS (
           SELECT customer_id,
             ($3::DATE - max(date))::DOUBLE AS recency_days,
             ($3::DATE - min(date))::DOUBLE AS tenure_days,
             count(*)::DOUBLE AS receipts,
             sum(lines)::DOUBLE AS lines,
             sum(quantity)::DOUBLE AS quantity,
             sum(amount)::DOUBLE AS monetary,
             (sum(amount) / count(*))::DOUBLE AS avg_receipt_amount,
             count(DISTINCT date)::DOUBLE AS active_days,
             (count(*) FILTER (WHERE channel = 2) / count(*))::DOUBLE AS online_share,
             (count(*) FILTER (WHERE date >= $4::DATE) / count(*))::DOUBLE AS late_receipt_share,
             (coalesce(sum(amount) FILTER (WHERE date >= $4::DATE), 0) / nullif(sum(amount), 0))::DOUBLE AS late_amount_share,
             (count(*) FILTER (WHERE dayofweek(date) IN (0, 6)) / count(*))::DOUBLE AS weekend_share,
             (count(*) FILTER (WHERE hour < 12) / count(*))::DOUBLE AS morning_share,
             (count(*) FILTER (WHERE hour BETWEEN 12 AND 17) / count(*))::DOUBLE AS afternoon_share,
             (count(*) FILTER (WHERE hour >= 18) / count(*))::DOUBLE AS evening_share
             ${chainShares.map((c) => `, ${c}`).join('')}
           FROM r GROUP BY customer_id),
         days AS (SELECT DISTINCT customer_id, date FROM r),
         gaps AS (
           SELECT customer_id, avg(gap)::DOUBLE AS gap_mean, stddev_samp(gap)::DOUBLE AS gap_std, max(gap)::DOUBLE AS gap_max
           FROM (SELECT customer_id, (date - lag(date) OVER (PARTITION BY customer_id ORDER BY date))::DOUBLE AS gap FROM days)
           WHERE gap IS NOT NULL GROUP BY customer_id),
         breadth AS (
           SELECT l.customer_id, count(DISTINCT l.product_id)::DOUBLE AS product_breadth, count(DISTINCT p.category)::DOUBLE AS category_breadth
           FROM l LEFT JOIN (SELECT DISTINCT product_id, category FROM products) p USING (product_id) GROUP BY l.customer_id),
         svc AS (SELECT customer_id, count(*)::DOUBLE AS affiliate_uses ${affUses.map((c) => `, ${c}`).join('')} FROM s GROUP BY customer_id),
         lp AS (SELECT customer_id, count(*)::DOUBLE AS lpay_uses, sum(amount)::DOUBLE AS lpay_amount FROM pay GROUP BY customer_id),
         who AS (
           SELECT customer_id,
             CASE WHEN any_value(gender) IN ('여성', 'F', 'f', 'female', 'Female', '여') THEN 1.0
                  WHEN any_value(gender) IN ('남성', 'M', 'm', 'male', 'Male', '남') THEN 0.0 END AS female,
             TRY_CAST(regexp_extract(any_value(age_band), '([0-9]+)', 1) AS DOUBLE) AS age
           FROM customers GROUP BY customer_id)
    SELECT base.customer_id, recency_days, tenure_days, receipts, lines, quantity, monetary, avg_receipt_amount, active_days,
      gap_mean, gap_std, gap_max, recency_days / nullif(gap_mean, 0) AS overdue_ratio,
      online_share, late_receipt_share, late_amount_share, weekend_share, morning_share, afternoon_share, evening_share,
      ${chainSelect.join('')}
      coalesce(product_breadth, 0) AS product_breadth, coalesce(category_breadth, 0) AS category_breadth,
      coalesce(affiliate_uses, 0) AS affiliate_uses ${affCols.map(({ key }) => `, coalesce(uses_${key}, 0) AS uses_${key}`).join('')},
      coalesce(lpay_uses, 0) AS lpay_uses, coalesce(lpay_amount, 0) / nullif(monetary, 0) AS lpay_amount_share,
      female, age
    FROM base LEFT JOIN gaps USING (customer_id) LEFT JOIN breadth USING (customer_id) LEFT JOIN svc USING (customer_id)
      LEFT JOIN lp USING (customer_id) LEFT JOIN who USING (customer_id)
    ORDER BY base.customer_id`;
  const rows = await db.all<Record<string, unknown>>(sql, params);
  const names = rows.length ? Object.keys(rows[0]).filter((k) => k !== 'customer_id') : featureNamesOf(chainCols.map((c) => c.key), affCols.map((c) => c.key));
  const x = new Float32Array(rows.length * names.length);
  rows.forEach((row, i) => {
    names.forEach((name, j) => {
      const v = row[name];
      x[i * names.length + j] = v === null || v === undefined ? NaN : Number(v);
    });
  });
  return { customers: rows.map((r) => String(r.customer_id)), names, x };
}

/** The feature names for given chain and affiliate keys, in the matrix's order (for an empty window). */
function featureNamesOf(chains: string[], affiliates: string[]): string[] {
  return [
    'recency_days', 'tenure_days', 'receipts', 'lines', 'quantity', 'monetary', 'avg_receipt_amount', 'active_days',
    'gap_mean', 'gap_std', 'gap_max', 'overdue_ratio',
    'online_share', 'late_receipt_share', 'late_amount_share', 'weekend_share', 'morning_share', 'afternoon_share', 'evening_share',
    ...chains.flatMap((k) => [`share_lines_${k}`, `share_amount_${k}`, `rank_amount_${k}`]),
    'product_breadth', 'category_breadth', 'affiliate_uses', ...affiliates.map((k) => `uses_${k}`),
    'lpay_uses', 'lpay_amount_share', 'female', 'age',
  ];
}
