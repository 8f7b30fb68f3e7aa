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
 *
 * Computed by cuts rather than ranks (see rfmCutColumns): floor(m · b / n) ≥ j exactly when
 * b ≥ c_j = ceil(j · n / m), and b ≥ c exactly when the value is strictly better than the c-th worst
 * value, so
 *
 *   score = 1 + #{ j = 1 … m − 1 : value strictly better than the c_j-th worst value }.
 */
export function scoreSql(column: string, order: 'ASC' | 'DESC', cuts: string[]): string {
  const better = order === 'ASC' ? '>' : '<';
  return `1 + ${cuts.map((cut) => `(${column} ${better} ${cut})::BIGINT`).join(' + ')}`;
}

/**
 * A CTE giving, for each distinct value of `column` among the rows of `from` where `present`,
 * the number of such rows strictly before it in `order`: the rank − 1 of every row holding it. One
 * small group-by and a sort of the distinct values, joined back by value — far cheaper than a
 * rank() window sorting every customer where the values are few (the weighted score: at most m³).
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
 * Columns of the one-row `sorted` CTE over `from` for one window (suffix '', '_1' or '_2'):
 * `n<suffix>`, the customers present, and per measure `sorted_<column><suffix>`, its values worst first.
 */
export function rfmSortedColumns(suffix: string): string[] {
  const present = `frequency${suffix} IS NOT NULL`;
  return [
    `count(frequency${suffix})::BIGINT AS n${suffix}`,
    ...SCORED.map(
      ({ column, order }) =>
        `list_sort(list(${column}${suffix}) FILTER (WHERE ${present} AND ${column}${suffix} IS NOT NULL), '${order}') AS sorted_${column}${suffix}`,
    ),
  ];
}

/**
 * Columns of the one-row `cuts` CTE over `sorted` for one window: `cut_<column><suffix>_<j>`, the
 * c_j-th worst value, c_j = ceil(j · n / m) for j = 1 … m − 1. Where fewer values exist than c_j
 * (customers present without a value) no b reaches c_j: the cut is then the best value, which no
 * value is strictly better than.
 */
export function rfmCutColumns(suffix: string, p: SqlParams, bins: number): string[] {
  const m = `${p.add(bins)}::BIGINT`;
  return SCORED.flatMap(({ column }) => {
    const sorted = `sorted_${column}${suffix}`;
    return Array.from({ length: bins - 1 }, (_, i) => `${sorted}[least((${i + 1} * n${suffix} + ${m} - 1) // ${m}, len(${sorted}))] AS cut_${column}${suffix}_${i + 1}`);
  });
}

/**
 * r_score, f_score, m_score of one window over the row of `cuts` (see rfmCutColumns). NULL where
 * the value is NULL, which includes every customer absent from the window.
 */
export function rfmScoreColumns(suffix: string, bins: number): string {
  return SCORED.map(({ column, order, score }) => {
    const cuts = Array.from({ length: bins - 1 }, (_, i) => `cut_${column}${suffix}_${i + 1}`);
    return `${scoreSql(`${column}${suffix}`, order, cuts)} AS ${score}${suffix}`;
  }).join(',\n      ');
}
