import type { ChurnOrigin, DateWindow, PeriodSummary, TierCount, TransitionCell } from '../../../shared/analytics';
import type { Sql } from '../db/database';
import { quotedIdentifier } from '@duckdb/node-api';

/** Tier counts, revenue and score range of one window of the saved segments table. */
export async function tierCounts(db: Sql, suffix: '' | '_1' | '_2', k: number, table = 'segments'): Promise<TierCount[]> {
  const rows = await db.all<{ tier: number; customers: number; revenue: number; lo: number; hi: number }>(
    `SELECT tier${suffix} AS tier, count(*)::BIGINT AS customers, sum(monetary${suffix})::DOUBLE AS revenue,
            min(score${suffix}) AS lo, max(score${suffix}) AS hi
     FROM ${quotedIdentifier(table)} WHERE tier${suffix} IS NOT NULL GROUP BY 1`,
  );
  const byTier = new Map(rows.map((r) => [r.tier, r]));
  return Array.from({ length: k }, (_, tier) => {
    const r = byTier.get(tier);
    return { tier, customers: r?.customers ?? 0, revenue: r?.revenue ?? 0, minScore: r?.lo ?? null, maxScore: r?.hi ?? null };
  });
}

export async function periodSummary(db: Sql, suffix: '' | '_1' | '_2', k: number, window: DateWindow, asOf: string, table = 'segments'): Promise<PeriodSummary> {
  const tiers = await tierCounts(db, suffix, k, table);
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
