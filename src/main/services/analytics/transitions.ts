import { TIE_WARNING_POINTS, type ChurnOrigin, type DateWindow, type PeriodSummary, type TierCount, type TransitionCell } from '../../../shared/analytics';
import type { Sql } from '../db/database';
import { quotedIdentifier } from '@duckdb/node-api';
import { SqlParams } from './sqlParams';

/**
 * Tier counts, revenue, score range and real share of one window of the saved segments table,
 * beside the share each tier was given. A tier's exact cut is where an arbitrary split of ties
 * would end it: ceil(cumulative share · n / 100) customers from the top, the count of ranks r with
 * (r − 1)·100 < cumulative · n — the rule of tierSql. What a tier holds beyond the difference of
 * two cuts came in with a block of equal scores straddling its lower boundary.
 */
export async function tierCounts(db: Sql, suffix: '' | '_1' | '_2', shares: readonly number[], table = 'segments'): Promise<TierCount[]> {
  const p = new SqlParams();
  let cumulative = 0;
  const targets = [...shares, Math.max(0, 100 - shares.reduce((a, b) => a + b, 0))].map((share, tier) => {
    cumulative = tier === shares.length ? 100 : cumulative + share;
    return `(${p.add(tier)}::INTEGER, ${p.add(share)}::DOUBLE, ${p.add(cumulative)}::DOUBLE)`;
  });
  const points = `${p.add(TIE_WARNING_POINTS)}::DOUBLE`;
  const rows = await db.all<{ tier: number; customers: number; revenue: number; lo: number | null; hi: number | null; share: number; target: number; excess: number; exceeds: boolean }>(
    `WITH counted AS (
       SELECT tier${suffix} AS tier, count(*)::BIGINT AS customers, sum(monetary${suffix})::DOUBLE AS revenue,
              min(score${suffix}) AS lo, max(score${suffix}) AS hi
       FROM ${quotedIdentifier(table)} WHERE tier${suffix} IS NOT NULL GROUP BY 1),
     targets(tier, target, cumulative) AS (VALUES ${targets.join(', ')}),
     total AS (SELECT coalesce(sum(customers), 0)::BIGINT AS n FROM counted),
     cut AS (
       SELECT targets.*, n, coalesce(customers, 0)::BIGINT AS customers, coalesce(revenue, 0)::DOUBLE AS revenue, lo, hi,
              least(n, ceil(cumulative * n / 100))::BIGINT AS upto
       FROM targets CROSS JOIN total LEFT JOIN counted USING (tier)),
     measured AS (
       SELECT *, CASE WHEN n > 0 THEN customers / n ELSE 0 END::DOUBLE AS share,
              greatest(0, customers - (upto - coalesce(lag(upto) OVER (ORDER BY tier), 0)))::BIGINT AS excess
       FROM cut)
     SELECT tier, customers, revenue, lo, hi, share, target / 100 AS target, excess,
            excess > 0 AND customers * 100 >= (target + ${points}) * n AS exceeds
     FROM measured ORDER BY tier`,
    p.values,
  );
  return rows.map((r) => ({
    tier: r.tier,
    customers: r.customers,
    revenue: r.revenue,
    minScore: r.lo,
    maxScore: r.hi,
    share: r.share,
    target: r.target,
    tieExcess: r.excess,
    exceedsShare: r.exceeds,
  }));
}

export async function periodSummary(db: Sql, suffix: '' | '_1' | '_2', shares: readonly number[], window: DateWindow, asOf: string, table = 'segments'): Promise<PeriodSummary> {
  const tiers = await tierCounts(db, suffix, shares, table);
  return { window, asOf, customers: tiers.reduce((a, t) => a + t.customers, 0), tiers };
}

/**
 * The (k+1) × (k+1) transition matrix: rows first-period tiers then 신규 (k), columns
 * second-period tiers then 비활동 (k); every cell present, 신규 → 비활동 excluded (such a
 * customer is in neither period). Revenue of both periods per cell.
 */
export async function transitionMatrix(db: Sql, k: number, table = 'segments'): Promise<TransitionCell[]> {
  const rows = await db.all<{ f: number; t: number; customers: number; r1: number; r2: number }>(
    `SELECT from_state AS f, to_state AS t, count(*)::BIGINT AS customers,
            coalesce(sum(monetary_1), 0)::DOUBLE AS r1, coalesce(sum(monetary_2), 0)::DOUBLE AS r2
     FROM ${quotedIdentifier(table)} WHERE from_state IS NOT NULL GROUP BY 1, 2`,
  );
  const byCell = new Map(rows.map((r) => [`${r.f}:${r.t}`, r]));
  const cells: TransitionCell[] = [];
  for (let from = 0; from <= k; from++) {
    for (let to = 0; to <= k; to++) {
      if (from === k && to === k) continue;
      const r = byCell.get(`${from}:${to}`);
      cells.push({ from, to, customers: r?.customers ?? 0, revenueFirst: r?.r1 ?? 0, revenueSecond: r?.r2 ?? 0 });
    }
  }
  return cells;
}

/** Of all churners (first-period tier → 비활동 = column k), the share from each first-period tier. */
export function churnOrigin(cells: readonly TransitionCell[], k: number): ChurnOrigin[] {
  const churners = cells.filter((c) => c.to === k && c.from < k);
  const total = churners.reduce((a, c) => a + c.customers, 0);
  return Array.from({ length: k }, (_, tier) => {
    const n = churners.find((c) => c.from === tier)?.customers ?? 0;
    return { tier, churners: n, share: total ? n / total : 0 };
  });
}
