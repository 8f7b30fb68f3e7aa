import type { SqlParams } from './sqlParams';

/**
 * Quantile scores 1..m with a tie policy an analyst can defend: equal values get equal scores.
 *
 *   score = 1 + floor(m · b / n)
 *
 * where n is the number of customers present in the window and b the number of them with a
 * strictly worse value (b = RANK() − 1 over the ascending order; recency is ordered descending,
 * so fewer days since the last purchase = higher score). So a customer's score says which m-th of
 * the population lies strictly below them. Ties are never split by an arbitrary order (no
 * NTILE, no customer-id tie-break); where a value is shared by many customers — frequency 1 is
 * common — the whole block gets the score of its first member, the bins are unequal and a
 * score may be skipped. The result is deterministic and independent of row order.
 */
export function scoreSql(before: string, present: string, n: string, bins: string): string {
  return `CASE WHEN ${present} THEN 1 + (${bins} * ${before}) // ${n} END`;
}

/**
 * A CTE giving, for each distinct value of `column` among the rows of `from` where `present`,
 * the number of such rows strictly before it in `order`: the rank − 1 of every row holding it (the
 * b of the score). One small group-by and a sort of the distinct values, joined back by value — far
 * cheaper than a rank() window sorting every customer, as recency, frequency and scores have few
 * distinct values.
 */
export function rankBeforeCte(name: string, from: string, column: string, order: 'ASC' | 'DESC', present: string): string {
  return `${name} AS (
    SELECT ${column} AS v, coalesce(sum(count(*)) OVER (ORDER BY ${column} ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::BIGINT AS before
    FROM ${from} WHERE ${present} GROUP BY ${column})`;
}

/** The measures scored, the order in which more is better last, and the score column. */
export const SCORED = [
  { column: 'recency', order: 'DESC', score: 'r_score' },
  { column: 'frequency', order: 'ASC', score: 'f_score' },
  { column: 'monetary', order: 'ASC', score: 'm_score' },
] as const;

/**
 * r_score, f_score, m_score of one window (suffix '', '_1' or '_2'): `n${suffix}` is the number of
 * customers present in the window and `h_<column><suffix>.before` the rank − 1 (see rankBeforeCte).
 */
export function rfmScoreColumns(suffix: string, p: SqlParams, bins: number): string {
  const present = `(frequency${suffix} IS NOT NULL)`;
  const m = `${p.add(bins)}::BIGINT`;
  return SCORED.map(({ column, score }) => `${scoreSql(`h_${column}${suffix}.before`, present, `n${suffix}`, m)} AS ${score}${suffix}`).join(',\n      ');
}
