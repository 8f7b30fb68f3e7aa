import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as analytics from '../../src/main/services/analytics';
import type { Database } from '../../src/main/services/db/database';
import { segmentSpecSchema, type SegmentSpecIn } from '../../src/shared/analytics';
import { insertRows, type Line, type Payment, type Use } from '../analyticsRows';
import { harness, type Harness } from '../helpers';

/*
 * A dozen customers: c01…c10 buy in 2021, c11 and c12 are in the customer file only (never in
 * the segments). Every number below is worked out by hand; defaults: as of 2022-01-01, the year
 * as window, periods H1 (Jan–Jun, as of 07-01) and H2 (Jul–Dec, as of 2022-01-01), m = 5,
 * weights 0.3/0.2/0.5 so score = (0.3R + 0.2F + 0.5M)·100/5 = 6R + 4F + 10M, shares 20/20/20.
 * Score rule: 1 + floor(5·b/n), b = customers strictly worse. Tier rule: tier i while
 * (rank − 1)·100 < (cumulative share)·n.
 */
const LINES: Line[] = [
  // c01: H2 only (new). 12-31 receipt has two lines.
  ['c01', 'c01-1', 'A01', 1, '2021-09-01', 100], ['c01', 'c01-2', 'A01', 1, '2021-10-01', 100], ['c01', 'c01-3', 'A01', 1, '2021-11-01', 100],
  ['c01', 'c01-4', 'A01', 1, '2021-12-01', 100, 15], ['c01', 'c01-5', 'A01', 1, '2021-12-31', 40], ['c01', 'c01-5', 'A01', 1, '2021-12-31', 60],
  ['c02', 'c02-1', 'A01', 1, '2021-02-01', 200, 10], ['c02', 'c02-2', 'A01', 1, '2021-05-01', 200, 11], ['c02', 'c02-3', 'A01', 1, '2021-08-01', 200], ['c02', 'c02-4', 'A01', 1, '2021-12-29', 300],
  // c03: H2 only (new)
  ['c03', 'c03-1', 'A01', 1, '2021-07-15', 75], ['c03', 'c03-2', 'A01', 1, '2021-08-15', 75], ['c03', 'c03-3', 'A01', 1, '2021-10-15', 75], ['c03', 'c03-4', 'A01', 1, '2021-12-22', 75],
  ['c04', 'c04-1', 'A01', 1, '2021-06-30', 500, 9], ['c04', 'c04-2', 'A01', 1, '2021-09-01', 250, 9], ['c04', 'c04-3', 'A01', 1, '2021-12-12', 250, 9],
  // c05: the 01-10 receipt nets 80 − 30 (a return line) = 50
  ['c05', 'c05-1', 'A01', 1, '2021-01-10', 80], ['c05', 'c05-1', 'A01', 1, '2021-01-10', -30], ['c05', 'c05-2', 'A01', 1, '2021-03-10', 50], ['c05', 'c05-3', 'A01', 1, '2021-11-22', 100],
  ['c06', 'c06-1', 'A02', 1, '2021-04-01', 300], ['c06', 'c06-2', 'A02', 1, '2021-11-02', 500],
  ['c07', 'c07-1', 'A03', 2, '2021-06-01', 200], ['c07', 'c07-2', 'A03', 2, '2021-09-23', 200],
  ['c08', 'c08-1', 'A01', 1, '2021-08-04', 700], // H2 only (new)
  ['c09', 'c09-1', 'A01', 1, '2021-06-15', 100], // H1 only (inactive in H2)
  ['c10', 'c10-1', 'A01', 1, '2021-04-26', 600], // H1 only (inactive in H2)
];
const USES: Use[] = [
  ['c01', 'B01', 1, '2021-10-02', 90000],
  ['c01', 'B01', 1, '2021-11-02', 90000],
  ['c06', 'D01', 1, '2021-05-05', 15000],
];
// L.pay: c01 paid 1 of 5 receipts, c02 2 of 4, c04 3 of 3 (same chain, channel, day, hour).
// One payment matches no receipt (other hour) and one is at L01 (no purchase receipt): neither counts.
const PAYMENTS: Payment[] = [
  ['c01', 'A01', 1, '2021-12-01', 15, 100],
  ['c02', 'A01', 1, '2021-02-01', 10, 200], ['c02', 'A01', 1, '2021-05-01', 11, 200],
  ['c04', 'A01', 1, '2021-06-30', 9, 500], ['c04', 'A01', 1, '2021-09-01', 9, 250], ['c04', 'A01', 1, '2021-12-12', 9, 250],
  ['c05', 'A01', 1, '2021-03-10', 20, 50],
  ['c05', 'L01', 2, '2021-03-11', 12, 5000],
];

let h: Harness;
let db: Database;
let dir: string;
beforeEach(async () => {
  h = harness();
  dir = join(h.root, 'project');
  await h.handlers['project.create']({ project: dir }, h.ctx);
  db = (await h.services.projects.get(dir)).db;
  await insertRows(db, { customers: Array.from({ length: 12 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`), lines: LINES, uses: USES, payments: PAYMENTS });
});
afterEach(() => h.close());

const compute = (spec: SegmentSpecIn = {}) =>
  h.services.projects.write(dir, 'test', (p) => analytics.computeSegments(p.db, segmentSpecSchema.parse(spec)));
type Row = Record<string, number | string | null>;
const table = async (columns: string): Promise<Record<string, Row>> =>
  Object.fromEntries((await db.all<Row>(`SELECT customer_id, ${columns} FROM segments ORDER BY customer_id`)).map((r) => [r.customer_id, r]));
const pick = (t: Record<string, Row>, column: string) => Object.fromEntries(Object.entries(t).map(([c, r]) => [c, r[column]]));

describe('RFM over the whole year (as of 2022-01-01)', () => {
  it('pins recency, frequency, monetary, scores, weighted score and tier of every customer', async () => {
    const s = await compute();
    // The window starts at the first purchase (c05, 01-10) and ends the day before asOf.
    expect(s.spec).toMatchObject({ asOf: '2022-01-01', window: { from: '2021-01-10', to: '2021-12-31' } });
    const t = await table('recency, frequency, monetary, r_score, f_score, m_score, score, tier');
    expect(Object.keys(t)).toEqual(['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10']);
    // recency = 2022-01-01 − last day; frequency = distinct receipts; monetary = net sum.
    expect(pick(t, 'recency')).toEqual({ c01: 1, c02: 3, c03: 10, c04: 20, c05: 40, c06: 60, c07: 100, c08: 150, c09: 200, c10: 250 });
    expect(pick(t, 'frequency')).toEqual({ c01: 5, c02: 4, c03: 4, c04: 3, c05: 3, c06: 2, c07: 2, c08: 1, c09: 1, c10: 1 });
    expect(pick(t, 'monetary')).toEqual({ c01: 500, c02: 900, c03: 300, c04: 1000, c05: 200, c06: 800, c07: 400, c08: 700, c09: 100, c10: 600 });
    // n = 10: score = 1 + floor(b / 2). R descending by days: c10 b0, c09 b1, c08 b2 … c01 b9.
    expect(pick(t, 'r_score')).toEqual({ c01: 5, c02: 5, c03: 4, c04: 4, c05: 3, c06: 3, c07: 2, c08: 2, c09: 1, c10: 1 });
    // Ties share a score: F=1 (c08–c10) b0 → 1; F=2 b3 → 2; F=3 b5 → 3; F=4 b7 → 4; F=5 b9 → 5.
    expect(pick(t, 'f_score')).toEqual({ c01: 5, c02: 4, c03: 4, c04: 3, c05: 3, c06: 2, c07: 2, c08: 1, c09: 1, c10: 1 });
    // M ascending: c09 100, c05 200, c03 300, c07 400, c01 500, c10 600, c08 700, c06 800, c02 900, c04 1000.
    expect(pick(t, 'm_score')).toEqual({ c01: 3, c02: 5, c03: 2, c04: 5, c05: 1, c06: 4, c07: 2, c08: 4, c09: 1, c10: 3 });
    // 6R + 4F + 10M, e.g. c02: 30 + 16 + 50 = 96.
    expect(pick(t, 'score')).toEqual({ c01: 80, c02: 96, c03: 60, c04: 86, c05: 40, c06: 66, c07: 40, c08: 56, c09: 20, c10: 40 });
    // Ranks: c02 1, c04 2, c01 3, c06 4, c03 5, c08 6, c05/c07/c10 7, c09 10. n·20 = 200: ranks 1–2 tier 0,
    // ranks 3–4 tier 1 (< 400), ranks 5–6 tier 2 (< 600), the rest tier 3.
    expect(pick(t, 'tier')).toEqual({ c01: 1, c02: 0, c03: 2, c04: 0, c05: 3, c06: 1, c07: 3, c08: 2, c09: 3, c10: 3 });
    expect(s.all.tiers.map((x) => x.customers)).toEqual([2, 2, 2, 4]);
    expect(s.all.tiers[0]).toMatchObject({ revenue: 1900, minScore: 86, maxScore: 96 });
    // No tie straddles a boundary here: every tier holds exactly its share.
    expect(s.all.tiers.map((x) => [x.share, x.target, x.tieExcess, x.exceedsShare])).toEqual([
      [0.2, 0.2, 0, false],
      [0.2, 0.2, 0, false],
      [0.2, 0.2, 0, false],
      [0.4, 0.4, 0, false],
    ]);
  });

  it('frequency ties: the top 20 % holds 30 %, and the summary says so', async () => {
    // F only: score = 20·F. F = 5 c01 (b 0), F = 4 c02, c03 (b 1), F = 3 c04, c05 (b 3), F = 2 c06, c07 (b 5), F = 1 (b 7).
    // Tier 0 takes b·100 < 20·10 = 200: b 0 and the whole F = 4 block at b 1 — 3 customers where an
    // exact split would cut after 2 (ceil(0.2·10)). Tiers 1 and 2 then hold their 2 each; the rest 3.
    const s = await compute({ weights: [0, 1, 0] });
    expect(s.all.tiers.map((x) => x.customers)).toEqual([3, 2, 2, 3]);
    expect(s.all.tiers.map((x) => x.share)).toEqual([0.3, 0.2, 0.2, 0.3]);
    expect(s.all.tiers.map((x) => x.target)).toEqual([0.2, 0.2, 0.2, 0.4]);
    expect(s.all.tiers.map((x) => x.tieExcess)).toEqual([1, 0, 0, 0]);
    expect(s.all.tiers.map((x) => x.exceedsShare)).toEqual([true, false, false, false]);
    // Shares 10/30: exact cuts ceil(1) = 1, ceil(4) = 4, 10 → 1, 3, 6. Tier 0 = b·100 < 100: c01 alone
    // (exact); tier 1 = b·100 < 400: c02–c05 (b 1 and 3) = 4, one more than 3, as c05 ties c04
    // across the 40 % line (40 % for a 30 % target); the rest 5 (50 % for 60 %: short, never flagged).
    const t = await compute({ weights: [0, 1, 0], shares: [10, 30] });
    expect(t.all.tiers.map((x) => [x.customers, x.tieExcess, x.exceedsShare])).toEqual([[1, 0, false], [4, 1, true], [5, 0, false]]);
    expect(t.all.tiers.map((x) => x.target)).toEqual([0.1, 0.3, 0.6]);
  });

  it('weights are normalised: 3/2/5 gives the same scores as 0.3/0.2/0.5, and new weights re-tier', async () => {
    await compute({ weights: [3, 2, 5] });
    expect(pick(await table('score'), 'score')).toMatchObject({ c02: 96, c09: 20 });
    await compute({ weights: [1, 0, 0] }); // score = 20·R
    const t = await table('score, tier');
    expect(pick(t, 'score')).toMatchObject({ c01: 100, c03: 80, c10: 20 });
    // R = 5: c01, c02 rank 1 → tier 0; R = 4: c03, c04 rank 3 → tier 1 …
    expect(pick(t, 'tier')).toEqual({ c01: 0, c02: 0, c03: 1, c04: 1, c05: 2, c06: 2, c07: 3, c08: 3, c09: 3, c10: 3 });
  });
});

describe('two periods and the transition matrix', () => {
  it('pins the H1 and H2 RFM, tiers and transitions', async () => {
    const s = await compute();
    const t = await table('recency_1, frequency_1, monetary_1, r_score_1, f_score_1, m_score_1, score_1, tier_1, recency_2, frequency_2, monetary_2, r_score_2, f_score_2, m_score_2, score_2, tier_2, from_state, to_state');
    // H1 (n = 7, as of 07-01; score = 1 + floor(5b/7)): R1 c05 113, c06 91, c10 66, c02 61, c07 30, c09 16, c04 1.
    expect(pick(t, 'recency_1')).toEqual({ c01: null, c02: 61, c03: null, c04: 1, c05: 113, c06: 91, c07: 30, c08: null, c09: 16, c10: 66 });
    expect(pick(t, 'monetary_1')).toMatchObject({ c02: 400, c05: 100, c09: 100 });
    expect(pick(t, 'r_score_1')).toMatchObject({ c05: 1, c06: 1, c10: 2, c02: 3, c07: 3, c09: 4, c04: 5 });
    expect(pick(t, 'f_score_1')).toMatchObject({ c02: 4, c05: 4, c04: 1, c06: 1, c07: 1, c09: 1, c10: 1 });
    expect(pick(t, 'm_score_1')).toMatchObject({ c05: 1, c09: 1, c07: 2, c06: 3, c02: 3, c04: 4, c10: 5 });
    // c04 74, c10 66, c02 64, c07 42, c06 40, c09 38, c05 32; n·20 = 140: ranks 1–2, 3, 4–5, 6–7.
    expect(pick(t, 'score_1')).toMatchObject({ c02: 64, c04: 74, c05: 32, c06: 40, c07: 42, c09: 38, c10: 66 });
    expect(pick(t, 'tier_1')).toEqual({ c01: null, c02: 1, c03: null, c04: 0, c05: 3, c06: 2, c07: 2, c08: null, c09: 3, c10: 0 });
    // H2 (n = 8, score = 1 + floor(5b/8)): c01 70, c03 60, c08 60, c02 56, c04 50, c06 36, c05 26, c07 20.
    expect(pick(t, 'score_2')).toEqual({ c01: 70, c02: 56, c03: 60, c04: 50, c05: 26, c06: 36, c07: 20, c08: 60, c09: null, c10: null });
    // The tie at rank 2 straddles the 20 % boundary (rank 3 would be out): both c03 and c08 are tier 0.
    expect(pick(t, 'tier_2')).toEqual({ c01: 0, c02: 1, c03: 0, c04: 2, c05: 3, c06: 3, c07: 3, c08: 0, c09: null, c10: null });
    // States: 4 = 신규 (from) / 비활동 (to).
    expect(pick(t, 'from_state')).toEqual({ c01: 4, c02: 1, c03: 4, c04: 0, c05: 3, c06: 2, c07: 2, c08: 4, c09: 3, c10: 0 });
    expect(pick(t, 'to_state')).toEqual({ c01: 0, c02: 1, c03: 0, c04: 2, c05: 3, c06: 3, c07: 3, c08: 0, c09: 4, c10: 4 });

    expect(s.periods.map((p) => p.customers)).toEqual([7, 8]);
    expect(s.periods[1].tiers.map((x) => x.customers)).toEqual([3, 1, 1, 3]);
    // H2, n = 8: exact cuts ceil(1.6) = 2, ceil(3.2) = 4, ceil(4.8) = 5, 8 → 2, 2, 1, 3 per tier. The tie
    // c03 = c08 at 60 put 3 in tier 0 (37.5 % for a 20 % target): one customer more than an exact split.
    expect(s.periods[1].tiers.map((x) => x.share)).toEqual([0.375, 0.125, 0.125, 0.375]);
    expect(s.periods[1].tiers.map((x) => x.tieExcess)).toEqual([1, 0, 0, 0]);
    expect(s.periods[1].tiers.map((x) => x.exceedsShare)).toEqual([true, false, false, false]);
    // H1, n = 7: cuts 2, 3, 5, 7 → 2, 1, 2, 2, exactly the tiers (c04, c10 | c02 | c07, c06 | c09, c05).
    expect(s.periods[0].tiers.map((x) => [x.customers, x.tieExcess, x.exceedsShare])).toEqual([[2, 0, false], [1, 0, false], [2, 0, false], [2, 0, false]]);
    expect(s.transitions).toHaveLength(24); // 5 × 5 minus 신규 → 비활동
    const cell = (from: number, to: number) => s.transitions.find((c) => c.from === from && c.to === to)!;
    expect(cell(4, 0)).toEqual({ from: 4, to: 0, customers: 3, revenueFirst: 0, revenueSecond: 1500 }); // c01 500 + c03 300 + c08 700
    expect(cell(2, 3)).toEqual({ from: 2, to: 3, customers: 2, revenueFirst: 500, revenueSecond: 700 }); // c06, c07
    expect(cell(0, 4)).toEqual({ from: 0, to: 4, customers: 1, revenueFirst: 600, revenueSecond: 0 }); // c10
    expect(cell(0, 0).customers).toBe(0);
    // Everyone seen in either period, once.
    expect(s.transitionTotal).toBe(10);
    expect(s.transitions.reduce((a, c) => a + c.customers, 0)).toBe(10);
    // Churners: c10 (tier 0) and c09 (tier 3).
    expect(s.churnOrigin.map((o) => o.share)).toEqual([0.5, 0, 0, 0.5]);
    expect(s.churnOrigin.reduce((a, o) => a + o.share, 0)).toBe(1);
  });

  it('loads the saved segments without recomputing, with the spec that made them', async () => {
    const computed = await compute({ shares: [10, 30], tierNames: ['A', 'B', 'C'] });
    const loaded = await analytics.loadSegments(db);
    expect(loaded.spec).toEqual(computed.spec);
    expect(loaded.transitions).toEqual(computed.transitions);
    expect(loaded.tierCount).toBe(3);
    expect(loaded.churnOrigin.reduce((a, o) => a + o.share, 0)).toBeCloseTo(1, 12);
  });

  it('refuses a bad spec with one clear sentence', async () => {
    const bad = async (spec: SegmentSpecIn, pattern: RegExp) => {
      await expect(compute(spec)).rejects.toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringMatching(pattern) });
    };
    await bad({ weights: [0, 0, 0] }, /weights sum to 0/);
    await bad({ shares: [50, 40, 20] }, /110 %/);
    await bad({ periods: [{ from: '2021-07-01', to: '2021-12-31' }, { from: '2021-01-01', to: '2021-06-30' }] }, /first period must end before/);
    await bad({ window: { from: '2021-05-01', to: '2021-04-01' } }, /starts .* after it ends/);
    await bad({ asOf: '2021-06-01', window: { from: '2021-01-01', to: '2021-12-31' } }, /end before the as-of date/);
    await bad({ tierNames: ['a', 'b'] }, /Give 4 tier names/);
    expect(segmentSpecSchema.safeParse({ bins: 1 }).success).toBe(false);
    expect(segmentSpecSchema.safeParse({ weights: [-1, 1, 1] }).success).toBe(false);
    expect(segmentSpecSchema.parse({})).toEqual({ weights: [0.3, 0.2, 0.5], bins: 5, shares: [20, 20, 20] });
  });

  it('an as-of date limits the window to the days before it', async () => {
    const s = await compute({ asOf: '2021-07-01' });
    expect(s.spec.window).toEqual({ from: '2021-01-10', to: '2021-06-30' });
    const recency = pick(await table('recency'), 'recency');
    expect(recency).toMatchObject({ c04: 1, c05: 113 });
    // c01 bought only in December: outside the window and both default periods, so not in the table.
    expect(recency.c01).toBeUndefined();
    // The window starts after the last 12 months' midpoint: its own halves are the default periods (172 days: 86 + 86).
    expect(s.spec.periods).toEqual([
      { from: '2021-01-10', to: '2021-04-05' },
      { from: '2021-04-06', to: '2021-06-30' },
    ]);
    expect(s.warnings).toEqual([]);
  });

  it('warns when a period has no purchases instead of reading it as 100 % churn', async () => {
    const s = await compute({ periods: [{ from: '2021-01-01', to: '2021-06-30' }, { from: '2022-01-01', to: '2022-06-30' }] });
    expect(s.warnings).toEqual([{ code: 'empty_period', period: 2, window: { from: '2022-01-01', to: '2022-06-30' } }]);
    expect(s.periods[1].customers).toBe(0);
  });
});

describe('segment profile', () => {
  it('KL divergence of a small distribution equals the hand calculation (nats, add-one smoothing)', () => {
    // P from counts (1, 0) → (2/3, 1/3); Q from (2, 2) → (1/2, 1/2).
    // KL = 2/3·ln(4/3) + 1/3·ln(2/3) = 0.0566330122651324
    const kl = analytics.klDivergence(['a', 'b'], new Map([['a', 1]]), new Map([['a', 2], ['b', 2]]));
    expect(kl.divergence).toBeCloseTo(0.0566330122651324, 14);
    expect(kl.contributions.map((c) => c.category)).toEqual(['a', 'b']);
    expect(kl.contributions[0].p).toBeCloseTo(2 / 3, 15);
    expect(analytics.klDivergence(['a', 'b'], new Map([['a', 5], ['b', 5]]), new Map([['a', 1], ['b', 1]])).divergence).toBe(0);
  });

  it('profiles 일반 → 기타 (c06, c07) against all customers', async () => {
    await compute();
    const p = await analytics.segmentProfile(db, { kind: 'transition', from: 2, to: 3 });
    expect(p.customers).toBe(2);
    expect(p.allCustomers).toBe(10);
    // Lines: all 24 A01 offline, 2 A02 offline, 2 A03 online; the segment 0, 2, 2. Categories nobody
    // has are left out. p = (1, 3, 3)/7, q = (25, 3, 3)/31:
    // KL = 1/7·ln(31/175) + 6/7·ln(31/7) = 1.028237651877233
    expect(p.chainChannel.divergence).toBeCloseTo(1.028237651877233, 12);
    expect(p.chainChannel.contributions.map((c) => c.category)).toEqual(['A02:offline', 'A03:online', 'A01:offline']);
    expect(p.chainChannel.segmentTotal).toBe(4);
    expect(p.chainChannel.allTotal).toBe(28);
    // Services: all B01 2, D01 1; the segment D01 1. p = (1, 2)/3, q = (3, 2)/5:
    // KL = 1/3·ln(5/9) + 2/3·ln(5/3) = 0.1446215275432875
    expect(p.affiliates.divergence).toBeCloseTo(0.1446215275432875, 12);
    expect(p.smoothing).toBe(1);
    // As marketers read it (raw shares): A02 offline 2/4 of the segment's lines against 2/28 of
    // everyone's → index 0.5 ÷ (1/14) × 100 = 700; A01 offline 0 → index 0, used less.
    expect(p.chainChannel.categories.map((c) => [c.category, c.segment, c.all, Math.round(c.index!), c.direction])).toEqual([
      ['A02:offline', 2, 2, 700, 'more'],
      ['A03:online', 2, 2, 700, 'more'],
      ['A01:offline', 0, 24, 0, 'less'],
    ]);
    expect(p.chainChannel.categories[0].segmentShare).toBe(0.5);
    expect(p.chainChannel.categories[0].allShare).toBeCloseTo(1 / 14, 15);
    // Each category carries its KL term; together they are the divergence.
    expect(p.chainChannel.categories.reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(p.chainChannel.divergence, 12);
    // Services: D01 1 of 1 against 1 of 3 → 300; B01 0 of 1 against 2 of 3 → 0.
    expect(p.affiliates.categories.map((c) => [c.category, c.index, c.direction])).toEqual([['D01', 300, 'more'], ['B01', 0, 'less']]);
    // Two customers: far below the 30 a profile needs to be more than a hint.
    expect(p.smallSample).toBe(true);
  });

  it('L.pay usage ratio ECDF: receipts paid with L.pay / receipts', async () => {
    await compute();
    const p = await analytics.segmentProfile(db, { kind: 'tier', period: 'all', tier: 0 }); // c02, c04
    // Ratios over the year: c01 1/5, c02 2/4, c04 3/3, everyone else 0 (c05's payments match no receipt).
    const at = (s: { points: { x: number; y: number }[] }, x: number) => s.points.find((q) => Math.abs(q.x - x) < 1e-9)!.y;
    expect(p.lpay.all.customers).toBe(10);
    expect(p.lpay.all.points).toHaveLength(101);
    expect(at(p.lpay.all, 0)).toBe(0.7);
    expect(at(p.lpay.all, 0.19)).toBe(0.7);
    expect(at(p.lpay.all, 0.2)).toBe(0.8);
    expect(at(p.lpay.all, 0.49)).toBe(0.8);
    expect(at(p.lpay.all, 0.5)).toBe(0.9);
    expect(at(p.lpay.all, 0.99)).toBe(0.9);
    expect(at(p.lpay.all, 1)).toBe(1);
    expect(p.lpay.all.mean).toBeCloseTo((0.2 + 0.5 + 1) / 10, 15);
    expect(p.lpay.segment.customers).toBe(2);
    expect(at(p.lpay.segment, 0)).toBe(0);
    expect(at(p.lpay.segment, 0.5)).toBe(0.5);
    expect(p.lpay.segment.mean).toBe(0.75);
    // Nobody is 최우수 in both halves here: no distribution, so no points (no false line along 0 %).
    expect(p.lpay.bestToBest).toEqual({ customers: 0, mean: null, points: [] });
  });

  it('refuses a tier or transition that does not exist', async () => {
    await compute();
    await expect(analytics.segmentProfile(db, { kind: 'tier', period: 'first', tier: 4 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(analytics.segmentProfile(db, { kind: 'transition', from: 4, to: 4 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });
});

describe('segments CSV', () => {
  it('writes the per-customer table in UTF-8 with BOM, tiers by name', async () => {
    await compute();
    const out = join(h.root, 'segments.csv');
    expect(await analytics.exportSegmentsCsv(db, out)).toEqual({ path: out, rows: 10 });
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(11);
    expect(lines[0].startsWith('고객번호,최근성(일)_전체,구매빈도(영수증)_전체,구매금액(원)_전체')).toBe(true);
    expect(lines[0].endsWith(',등급 변화')).toBe(true);
    const c10 = lines.find((l) => l.startsWith('c10,'))!;
    expect(c10.startsWith('c10,250,1,600,1,1,3,40,기타,66,1,600,2,1,5,66,최우수,')).toBe(true);
    expect(c10.endsWith(',최우수→비활동')).toBe(true);
    expect(lines.find((l) => l.startsWith('c01,'))!.endsWith(',신규→최우수')).toBe(true);
    await analytics.exportSegmentsCsv(db, out, 'en');
    expect(readFileSync(out, 'utf8').split('\r\n').find((l) => l.startsWith('c10,'))!.endsWith(',Best→Inactive')).toBe(true);
  });

  it('writes only the selected tier or transition, named after it under exports/', async () => {
    await compute();
    const customersOf = (path: string) =>
      readFileSync(path, 'utf8').slice(1).trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[0]);
    // 최우수 in period 2: c01, c03, c08 (see the H2 tiers above).
    const tier = await h.call<{ path: string; rows: number }>('segments.exportCsv', { project: dir, selector: { kind: 'tier', period: 'second', tier: 0 } });
    expect(tier.rows).toBe(3);
    expect(customersOf(tier.path)).toEqual(['c01', 'c03', 'c08']);
    expect(tier.path.startsWith(join(dir, 'exports', 'segments-period2-tier1-'))).toBe(true);
    expect(readFileSync(tier.path, 'utf8').charCodeAt(0)).toBe(0xfeff);
    // 기타 → 비활동: c09 alone; 신규 → 최우수: c01, c03, c08.
    const churned = await h.call<{ path: string; rows: number }>('segments.exportCsv', { project: dir, selector: { kind: 'transition', from: 3, to: 4 } });
    expect(customersOf(churned.path)).toEqual(['c09']);
    expect(churned.path).toMatch(/segments-tier4-to-inactive-[^/\\]+\.csv$/);
    const fresh = await h.call<{ path: string; rows: number }>('segments.exportCsv', { project: dir, selector: { kind: 'transition', from: 4, to: 0 } });
    expect(customersOf(fresh.path)).toEqual(['c01', 'c03', 'c08']);
    expect(fresh.path).toMatch(/segments-new-to-tier1-/);
    // A tier that does not exist writes nothing.
    const out = join(h.root, 'none.csv');
    await expect(analytics.exportSegmentsCsv(db, out, 'ko', { kind: 'tier', period: 'all', tier: 4 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(existsSync(out)).toBe(false);
  });
});
