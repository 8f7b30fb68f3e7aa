/**
 * Top-K recommendation metrics. Two protocols:
 *
 * - Sampled (leave-one-out, as NCF): each user has one held-out positive ranked among N sampled
 *   negatives. `sampledRank` gives its 0-based rank; ties are pessimistic — every negative scoring
 *   ≥ the positive counts as ahead of it, so a model that scores everything alike ranks the positive
 *   last, never first. Hit rate @K = share of users with rank < K; NDCG@K = mean of 1/log2(rank + 2)
 *   over users with rank < K (one relevant item, so the ideal DCG is 1).
 * - Full ranking (time split): each user has a ranked list and a set of relevant items. Binary
 *   relevance; recall@K = hits in the first K / |relevant|, precision@K = hits / K (K even when the list
 *   is shorter), NDCG@K = DCG / ideal DCG with the ideal over min(K, |relevant|) positions.
 *
 * Plus catalogue coverage and the share of recommended slots taken by the best-sellers.
 * Bad input throws MetricInputError; a per-user metric with no relevant item returns null.
 */
import { MetricInputError, requireCount, requireFinite, requireSamples, type Scores } from './input';

const discount = (rank: number) => 1 / Math.log2(rank + 2);

/** How many negatives score at least as high as the positive: its 0-based rank, ties counted against it. */
export function sampledRank(positive: number, negatives: Scores): number {
  if (!Number.isFinite(positive)) throw new MetricInputError('sampledRank', `the positive's score is ${positive}; scores must be finite numbers`);
  requireFinite('sampledRank', 'negatives', negatives);
  let ahead = 0;
  for (let i = 0; i < negatives.length; i++) if (negatives[i] >= positive) ahead++;
  return ahead;
}

function checkRanks(fn: string, ranks: ArrayLike<number>, k: number): void {
  requireSamples(fn, ranks.length);
  requireCount(fn, 'k', k, 1);
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i];
    if (!Number.isInteger(r) || r < 0) throw new MetricInputError(fn, `ranks[${i}] is ${r}; ranks must be integers ≥ 0`);
  }
}

/** Share of users whose held-out positive ranks in the first k (rank < k), from `sampledRank`'s ranks. */
export function hitRateAtK(ranks: ArrayLike<number>, k: number): number {
  checkRanks('hitRateAtK', ranks, k);
  let hits = 0;
  for (let i = 0; i < ranks.length; i++) if (ranks[i] < k) hits++;
  return hits / ranks.length;
}

/** Mean NDCG@k with one relevant item per user: 1/log2(rank + 2) when rank < k, else 0. */
export function sampledNdcgAtK(ranks: ArrayLike<number>, k: number): number {
  checkRanks('sampledNdcgAtK', ranks, k);
  let sum = 0;
  for (let i = 0; i < ranks.length; i++) if (ranks[i] < k) sum += discount(ranks[i]);
  return sum / ranks.length;
}

/** Checks a ranked list (distinct items in its first k) and a relevant set (strictly ascending); returns how many of the first k are relevant. */
function hitsInTop(fn: string, recommended: ArrayLike<number>, relevant: ArrayLike<number>, k: number, gains?: { dcg: number }): number {
  requireCount(fn, 'k', k, 1);
  for (let i = 1; i < relevant.length; i++) {
    if (!(relevant[i] > relevant[i - 1])) throw new MetricInputError(fn, `relevant must be strictly ascending (distinct, sorted); relevant[${i}] is ${relevant[i]} after ${relevant[i - 1]}`);
  }
  const top = Math.min(k, recommended.length);
  let hits = 0;
  let dcg = 0;
  for (let r = 0; r < top; r++) {
    const item = recommended[r];
    for (let s = 0; s < r; s++) if (recommended[s] === item) throw new MetricInputError(fn, `recommended[${r}] repeats item ${item}; a ranked list holds each item once`);
    let lo = 0;
    let hi = relevant.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (relevant[mid] === item) {
        hits++;
        dcg += discount(r);
        break;
      }
      if (relevant[mid] < item) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  if (gains) gains.dcg = dcg;
  return hits;
}

/** Relevant items among the first k recommended, over all relevant items. Null when nothing is relevant. */
export function recallAtK(recommended: ArrayLike<number>, relevant: ArrayLike<number>, k: number): number | null {
  const hits = hitsInTop('recallAtK', recommended, relevant, k);
  return relevant.length === 0 ? null : hits / relevant.length;
}

/** Relevant items among the first k recommended, over k (a list shorter than k still divides by k). */
export function precisionAtK(recommended: ArrayLike<number>, relevant: ArrayLike<number>, k: number): number {
  return hitsInTop('precisionAtK', recommended, relevant, k) / k;
}

/** Binary-relevance NDCG@k: Σ 1/log2(r + 2) over relevant positions r < k, over the same sum for positions r < min(k, |relevant|). Null when nothing is relevant. */
export function ndcgAtK(recommended: ArrayLike<number>, relevant: ArrayLike<number>, k: number): number | null {
  const gains = { dcg: 0 };
  hitsInTop('ndcgAtK', recommended, relevant, k, gains);
  if (relevant.length === 0) return null;
  let ideal = 0;
  for (let r = 0; r < Math.min(k, relevant.length); r++) ideal += discount(r);
  return gains.dcg / ideal;
}

function checkItems(fn: string, lists: readonly ArrayLike<number>[], itemCount: number): void {
  for (let u = 0; u < lists.length; u++) {
    const list = lists[u];
    for (let r = 0; r < list.length; r++) {
      const i = list[r];
      if (!Number.isInteger(i) || i < 0 || i >= itemCount) throw new MetricInputError(fn, `lists[${u}][${r}] is ${i}; items must be integers 0…${itemCount - 1}`);
    }
  }
}

/** Share of the catalogue (items 0…itemCount−1) that appears in at least one list. */
export function catalogueCoverage(lists: readonly ArrayLike<number>[], itemCount: number): number {
  requireCount('catalogueCoverage', 'itemCount', itemCount, 1);
  checkItems('catalogueCoverage', lists, itemCount);
  const seen = new Uint8Array(itemCount);
  let distinct = 0;
  for (const list of lists) {
    for (let r = 0; r < list.length; r++) {
      if (!seen[list[r]]) {
        seen[list[r]] = 1;
        distinct++;
      }
    }
  }
  return distinct / itemCount;
}

/**
 * The best-sellers: a 0/1 mask of the ceil(share · items) items with the highest popularity (at least
 * one item); equal popularity goes to the lower item index, so the mask is deterministic.
 */
export function bestSellerMask(popularity: Scores, share = 0.01): Uint8Array {
  requireSamples('bestSellerMask', popularity.length);
  requireFinite('bestSellerMask', 'popularity', popularity);
  if (!(share > 0 && share <= 1)) throw new MetricInputError('bestSellerMask', `share must lie in (0, 1], got ${share}`);
  const n = popularity.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => popularity[b] - popularity[a] || a - b);
  const mask = new Uint8Array(n);
  const top = Math.max(1, Math.ceil(share * n));
  for (let r = 0; r < top; r++) mask[order[r]] = 1;
  return mask;
}

/** Share of all recommended slots (every position of every list) filled by an item the mask marks. Null when the lists are all empty. */
export function bestSellerSlotShare(lists: readonly ArrayLike<number>[], mask: ArrayLike<number>): number | null {
  checkItems('bestSellerSlotShare', lists, mask.length);
  let slots = 0;
  let marked = 0;
  for (const list of lists) {
    slots += list.length;
    for (let r = 0; r < list.length; r++) if (mask[list[r]]) marked++;
  }
  return slots === 0 ? null : marked / slots;
}
