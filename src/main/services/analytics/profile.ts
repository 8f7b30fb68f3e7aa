import { AFFILIATES, CHAINS, CHANNELS, MIN_PROFILE_CUSTOMERS, type SegmentProfile, type SegmentSelector } from '../../../shared/analytics';
import { badArgument } from '../../../shared/errors';
import type { Sql } from '../db/database';
import { KL_SMOOTHING, klDivergence, mixProfile } from './klDivergence';
import { ECDF_STEPS, ecdfFromBuckets } from './lpayEcdf';
import { savedSegmentSpec } from './segments';
import { SqlParams } from './sqlParams';

/**
 * The profile of a saved segment (a tier of one window, or a transition) against all customers of
 * the segments table, over the lines of the saved RFM window: KL divergence of the chain × channel
 * line mix and of the affiliate-service mix with each category's index (segment share ÷ all
 * customers' share × 100), and the ECDF of the per-customer L.pay usage ratio for the segment, for
 * everyone and, as a benchmark, for the loyal core (top tier in both periods, 최우수 → 최우수).
 */
export async function segmentProfile(db: Sql, selector: SegmentSelector): Promise<SegmentProfile> {
  const { spec } = await savedSegmentSpec(db);
  const k = spec.shares.length + 1;
  /** Each statement binds its own values: the selected customers and the window's days. */
  const bind = () => {
    const p = new SqlParams();
    const selected = selectorSql(selector, k, p);
    const members = `SELECT customer_id, coalesce(${selected}, false) AS sel, coalesce(from_state = 0 AND to_state = 0, false) AS best FROM segments`;
    return { p, members, from: p.date(spec.window.from), to: p.date(spec.window.to) };
  };

  let q = bind();
  const mix = await db.all<{ chain: string; channel: number; seg: number; total: number }>(
    `WITH s AS (${q.members})
     SELECT chain, channel, sum(lines) FILTER (WHERE sel)::BIGINT AS seg, sum(lines)::BIGINT AS total
     FROM receipt_facts JOIN s USING (customer_id) WHERE date BETWEEN ${q.from} AND ${q.to} GROUP BY 1, 2`,
    q.p.values,
  );
  const chainKey = (chain: string, channel: number) => `${chain}:${channel === 2 ? 'online' : 'offline'}`;
  const allMix = new Map(mix.map((r) => [chainKey(r.chain, r.channel), r.total]));
  const segMix = new Map(mix.map((r) => [chainKey(r.chain, r.channel), r.seg]));
  const chainChannel = mixProfile(klDivergence(observed(CHAINS.flatMap((c) => CHANNELS.map((ch) => `${c}:${ch}`)), allMix), segMix, allMix), segMix, allMix);

  q = bind();
  const uses = await db.all<{ affiliate: string; seg: number; total: number }>(
    `WITH s AS (${q.members})
     SELECT chain AS affiliate, count(*) FILTER (WHERE sel)::BIGINT AS seg, count(*)::BIGINT AS total
     FROM services JOIN s USING (customer_id) WHERE date BETWEEN ${q.from} AND ${q.to} GROUP BY 1`,
    q.p.values,
  );
  const allUses = new Map(uses.map((r) => [r.affiliate, r.total]));
  const segUses = new Map(uses.map((r) => [r.affiliate, r.seg]));
  const affiliates = mixProfile(klDivergence(observed(AFFILIATES, allUses), segUses, allUses), segUses, allUses);

  const counted = new SqlParams();
  const counts = await db.one<{ seg: number; total: number }>(
    `SELECT count(*) FILTER (WHERE ${selectorSql(selector, k, counted)})::BIGINT AS seg, count(*)::BIGINT AS total FROM segments`,
    counted.values,
  );
  q = bind();
  const customers = counts?.seg ?? 0;
  return {
    selector,
    customers,
    allCustomers: counts?.total ?? 0,
    smallSample: customers < MIN_PROFILE_CUSTOMERS,
    chainChannel,
    affiliates,
    lpay: await lpayEcdfs(db, q.members, q.from, q.to, q.p),
    smoothing: KL_SMOOTHING,
  };
}

/**
 * L.pay usage ratio per customer = receipts paid with L.pay / receipts, in the window. A receipt
 * counts as paid with L.pay when the payments table holds a payment of the same customer at the
 * same chain, channel, day and hour (L.POINT has no shared key; this is how its receipts join).
 */
async function lpayEcdfs(db: Sql, members: string, from: string, to: string, p: SqlParams): Promise<SegmentProfile['lpay']> {
  const rows = await db.all<{ bucket: number; seg: number; total: number; best: number; seg_sum: number; total_sum: number; best_sum: number }>(
    `WITH s AS (${members}),
     r AS (SELECT customer_id, chain, channel, date, hour FROM receipt_facts WHERE date BETWEEN ${from} AND ${to}),
     pay AS (SELECT DISTINCT customer_id, chain, channel, date, hour, true AS paid FROM payments WHERE date BETWEEN ${from} AND ${to}),
     c AS (SELECT customer_id, count(*) FILTER (WHERE paid)::BIGINT AS num, count(*)::BIGINT AS den
           FROM r LEFT JOIN pay USING (customer_id, chain, channel, date, hour) GROUP BY 1)
     SELECT (${ECDF_STEPS} * num + den - 1) // den AS bucket,
            count(*) FILTER (WHERE sel)::BIGINT AS seg, count(*)::BIGINT AS total, count(*) FILTER (WHERE best)::BIGINT AS best,
            coalesce(sum(num / den) FILTER (WHERE sel), 0)::DOUBLE AS seg_sum, sum(num / den)::DOUBLE AS total_sum,
            coalesce(sum(num / den) FILTER (WHERE best), 0)::DOUBLE AS best_sum
     FROM c JOIN s USING (customer_id) GROUP BY 1`,
    p.values,
  );
  const series = (count: (r: (typeof rows)[number]) => number, sum: (r: (typeof rows)[number]) => number) =>
    ecdfFromBuckets(new Map(rows.map((r) => [r.bucket, count(r)])), rows.reduce((a, r) => a + sum(r), 0));
  return {
    segment: series((r) => r.seg, (r) => r.seg_sum),
    all: series((r) => r.total, (r) => r.total_sum),
    bestToBest: series((r) => r.best, (r) => r.best_sum),
  };
}

/**
 * The categories someone has (e.g. not A04 online, which does not exist): smoothing a category
 * that no customer has would only measure the difference in totals, not in mix.
 */
function observed(categories: readonly string[], all: ReadonlyMap<string, number>): string[] {
  return categories.filter((c) => (all.get(c) ?? 0) > 0);
}

/** The condition on the segments table that keeps the selected customers; BAD_ARGUMENT for a tier or transition that does not exist. */
export function selectorSql(selector: SegmentSelector, k: number, p: SqlParams): string {
  if (selector.kind === 'tier') {
    if (selector.tier >= k) {
      throw badArgument(`There are ${k} tiers (0 to ${k - 1}); tier ${selector.tier} does not exist.`, ['selector'], 'tierMissing', { k, max: k - 1, tier: selector.tier });
    }
    const suffix = { all: '', first: '_1', second: '_2' }[selector.period];
    return `tier${suffix} = ${p.add(selector.tier)}::INTEGER`;
  }
  if (selector.from > k || selector.to > k || (selector.from === k && selector.to === k)) {
    throw badArgument(`A transition runs from 0…${k} (${k} = new) to 0…${k} (${k} = inactive), and new → inactive does not exist.`, ['selector'], 'transitionMissing', { k });
  }
  return `(from_state = ${p.add(selector.from)}::INTEGER AND to_state = ${p.add(selector.to)}::INTEGER)`;
}
