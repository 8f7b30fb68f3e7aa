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
export function scoreSql(column: string, order: 'ASC' | 'DESC', present: string, bins: string): string {
  const partition = `PARTITION BY ${present}`;
  return `CASE WHEN ${present} THEN 1 + (${bins} * (rank() OVER (${partition} ORDER BY ${column} ${order}) - 1)) // count(*) OVER (${partition}) END`;
}

/** r_score, f_score, m_score of one window (suffix '', '_1' or '_2'). */
export function rfmScoreColumns(suffix: string, p: SqlParams, bins: number): string {
  const present = `(frequency${suffix} IS NOT NULL)`;
  const m = `${p.add(bins)}::BIGINT`;
  return [
    `${scoreSql(`recency${suffix}`, 'DESC', present, m)} AS r_score${suffix}`,
    `${scoreSql(`frequency${suffix}`, 'ASC', present, m)} AS f_score${suffix}`,
    `${scoreSql(`monetary${suffix}`, 'ASC', present, m)} AS m_score${suffix}`,
  ].join(',\n      ');
}
