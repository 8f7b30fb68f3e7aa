import { describe, expect, it } from 'vitest';
import {
  bestSellerMask,
  bestSellerSlotShare,
  catalogueCoverage,
  hitRateAtK,
  MetricInputError,
  ndcgAtK,
  precisionAtK,
  recallAtK,
  sampledNdcgAtK,
  sampledRank,
} from '../../src/shared/metrics';

describe('sampled metrics (one held-out positive among sampled negatives)', () => {
  it('ranks the positive pessimistically: a negative that ties it counts as ahead', () => {
    // positive 0.5 vs negatives 0.9, 0.5, 0.1, 0.3: ahead are 0.9 and the tied 0.5 → rank 2 (0-based).
    expect(sampledRank(0.5, [0.9, 0.5, 0.1, 0.3])).toBe(2);
    // All scores equal: every negative is ahead, the positive is last.
    expect(sampledRank(1, [1, 1, 1])).toBe(3);
    expect(sampledRank(2, [1, 1, 1])).toBe(0);
  });

  it('computes hit rate and NDCG at K from the ranks', () => {
    // ranks 0, 2, 5, 9 over 4 users.
    // HR@1 = 1/4 (rank 0); HR@3 = 2/4 (ranks 0, 2); HR@10 = 4/4.
    // NDCG@3 = (1/log2(2) + 1/log2(4))/4 = (1 + 0.5)/4 = 0.375.
    // NDCG@10 = (1 + 1/2 + 1/log2(7) + 1/log2(11))/4.
    const ranks = [0, 2, 5, 9];
    expect(hitRateAtK(ranks, 1)).toBe(0.25);
    expect(hitRateAtK(ranks, 3)).toBe(0.5);
    expect(hitRateAtK(ranks, 10)).toBe(1);
    expect(sampledNdcgAtK(ranks, 1)).toBe(0.25);
    expect(sampledNdcgAtK(ranks, 3)).toBeCloseTo(0.375, 12);
    expect(sampledNdcgAtK(ranks, 10)).toBeCloseTo((1 + 0.5 + 1 / Math.log2(7) + 1 / Math.log2(11)) / 4, 12);
  });

  it('refuses input it cannot rank', () => {
    expect(() => sampledRank(Number.NaN, [1])).toThrow(MetricInputError);
    expect(() => sampledRank(1, [1, Infinity])).toThrow(/negatives\[1\]/);
    expect(() => hitRateAtK([], 10)).toThrow(/empty input/);
    expect(() => hitRateAtK([0, -1], 10)).toThrow(/ranks\[1\]/);
    expect(() => sampledNdcgAtK([0, 1.5], 10)).toThrow(/ranks\[1\]/);
    expect(() => hitRateAtK([0], 0)).toThrow(/k must be an integer ≥ 1/);
  });
});

describe('full-ranking metrics (several relevant items per user)', () => {
  // recommended 4, 7, 1, 9, 3 (best first); relevant {1, 3, 8}.
  const recommended = [4, 7, 1, 9, 3];
  const relevant = [1, 3, 8];
  // Ideal DCG over min(K, 3) = 3 positions: 1 + 1/log2(3) + 1/2.
  const ideal3 = 1 + 1 / Math.log2(3) + 0.5;

  it('at K = 3: one hit (item 1 at position 2)', () => {
    // recall = 1/3, precision = 1/3, DCG = 1/log2(2 + 2) = 0.5, NDCG = 0.5 / ideal3 ≈ 0.2346.
    expect(recallAtK(recommended, relevant, 3)).toBeCloseTo(1 / 3, 12);
    expect(precisionAtK(recommended, relevant, 3)).toBeCloseTo(1 / 3, 12);
    expect(ndcgAtK(recommended, relevant, 3)).toBeCloseTo(0.5 / ideal3, 12);
    expect(ndcgAtK(recommended, relevant, 3)).toBeCloseTo(0.23463, 4);
  });

  it('at K = 5: two hits (item 1 at position 2, item 3 at position 4)', () => {
    // recall = 2/3, precision = 2/5, DCG = 1/2 + 1/log2(6), NDCG = DCG / ideal3 ≈ 0.4162.
    expect(recallAtK(recommended, relevant, 5)).toBeCloseTo(2 / 3, 12);
    expect(precisionAtK(recommended, relevant, 5)).toBeCloseTo(0.4, 12);
    expect(ndcgAtK(recommended, relevant, 5)).toBeCloseTo((0.5 + 1 / Math.log2(6)) / ideal3, 12);
    expect(ndcgAtK(recommended, relevant, 5)).toBeCloseTo(0.41619, 4);
  });

  it('divides precision by K even when the list is shorter, and takes the ideal over min(K, |relevant|)', () => {
    // recommended [1], relevant {1, 3}, K = 4: precision 1/4, recall 1/2,
    // NDCG = 1 / (1 + 1/log2(3)) — the ideal has 2 positions, not 4.
    expect(precisionAtK([1], [1, 3], 4)).toBe(0.25);
    expect(recallAtK([1], [1, 3], 4)).toBe(0.5);
    expect(ndcgAtK([1], [1, 3], 4)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 12);
    // A perfect list scores 1.
    expect(ndcgAtK([3, 1], [1, 3], 4)).toBeCloseTo(1, 12);
  });

  it('returns null for recall and NDCG when nothing is relevant, and refuses malformed lists', () => {
    expect(recallAtK([1, 2], [], 2)).toBeNull();
    expect(ndcgAtK([1, 2], [], 2)).toBeNull();
    expect(precisionAtK([1, 2], [], 2)).toBe(0);
    expect(() => recallAtK([1, 2], [3, 1], 2)).toThrow(/strictly ascending/);
    expect(() => ndcgAtK([1, 1], [1], 2)).toThrow(/repeats item 1/);
    expect(() => precisionAtK([1], [1], 0)).toThrow(MetricInputError);
  });
});

describe('catalogue-level metrics', () => {
  it('coverage is the share of items in any list', () => {
    // Lists {0,1}, {1,2}, {2,0} over 5 items: 3 distinct → 3/5.
    expect(catalogueCoverage([[0, 1], [1, 2], [2, 0]], 5)).toBeCloseTo(0.6, 12);
    expect(catalogueCoverage([[], []], 5)).toBe(0);
    expect(() => catalogueCoverage([[5]], 5)).toThrow(/lists\[0\]\[0\] is 5/);
  });

  it('marks the top share of items by popularity as best-sellers, ties to the lower index', () => {
    // popularity over 10 items: items 1 and 2 lead with 9 each.
    const popularity = [5, 9, 9, 1, 0, 0, 0, 0, 0, 2];
    // share 0.2 → ceil(2) = 2 items: 1 and 2.
    expect(Array.from(bestSellerMask(popularity, 0.2))).toEqual([0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    // share 0.01 → ceil(0.1) = 1 item: the tie between 1 and 2 goes to 1.
    expect(Array.from(bestSellerMask(popularity, 0.01))).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    // share 0.3 → 3 items: 1, 2, then 0 (popularity 5).
    expect(Array.from(bestSellerMask(popularity, 0.3))).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => bestSellerMask(popularity, 0)).toThrow(/share/);
  });

  it('counts the share of recommended slots that are best-sellers', () => {
    // Lists [1, 3] and [2, 1, 0]; best-sellers {1, 2}: 5 slots, 3 of them (1, 2, 1) best-sellers → 0.6.
    const mask = [0, 1, 1, 0, 0];
    expect(bestSellerSlotShare([[1, 3], [2, 1, 0]], mask)).toBeCloseTo(0.6, 12);
    expect(bestSellerSlotShare([[], []], mask)).toBeNull();
  });
});
