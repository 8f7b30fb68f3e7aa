import type { SqlParams } from './sqlParams';

/**
 * Weighted score (w_R·R + w_F·F + w_M·M) · 100 / m with the weights normalised to sum 1, so the
 * score runs from 100/m to 100. Rounded to 6 decimals so that equal sums made of different
 * float products compare equal.
 */
export function weightedScoreSql(suffix: string, weights: readonly [number, number, number], bins: number, p: SqlParams): string {
  const sum = weights[0] + weights[1] + weights[2];
  const [wR, wF, wM] = weights.map((w) => `${p.add(w / sum)}::DOUBLE`);
  return `round((${wR} * r_score${suffix} + ${wF} * f_score${suffix} + ${wM} * m_score${suffix}) * 100 / ${p.add(bins)}::DOUBLE, 6) AS score${suffix}`;
}

/**
 * Tiers by rank share of the score, from the top: tier i (0 = best) holds the customers of whom
 * fewer than (s_0 + … + s_i) % rank strictly above; the rest form the last tier. Customers with
 * equal scores share a rank and so always share a tier; a tier may therefore hold somewhat more
 * than its share where a block of equal scores straddles a boundary.
 */
export function tierSql(suffix: string, shares: readonly number[], p: SqlParams): string {
  const present = `(score${suffix} IS NOT NULL)`;
  // h_score${suffix}.before: customers with a strictly higher score (see rankBeforeCte); n${suffix}: customers present.
  const ahead = `h_score${suffix}.before * 100`;
  const n = `n${suffix}`;
  let cumulative = 0;
  const whens = shares.map((share, i) => {
    cumulative += share;
    return `WHEN ${ahead} < ${p.add(cumulative)}::DOUBLE * ${n} THEN ${i}`;
  });
  return `CASE WHEN NOT ${present} THEN NULL ${whens.join(' ')} ELSE ${shares.length} END AS tier${suffix}`;
}

