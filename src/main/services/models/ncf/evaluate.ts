import type { Interactions } from '../recommend/interactions';
import type { SideFeatures } from '../recommend/sideFeatures';
import { NcfKernel } from './kernel';
import type { NcfModel } from './neumf';
import type { NcfSplit } from './ncfData';

export interface RankingMetrics {
  /** Share of test users whose held-out item ranks in the top K among it and its negatives. */
  hr: number;
  /** Mean of 1/log2(rank+2) over test users, 0 outside the top K (rank 0-based). */
  ndcg: number;
}

/**
 * 0-based rank of the held-out item among its sampled negatives: the number of negatives scoring at
 * least as high. Ties count against the held-out item (pessimistic; NCF's heapq.nlargest over a
 * dict with the held-out item inserted last does the same). A negative equal to the held-out item
 * is skipped: NCF keys scores by item, so such a duplicate collapses into the held-out item
 * (156 of MovieLens-1M's 597,960 negatives are).
 */
export function rankAmongNegatives(testItem: number, testScore: number, negatives: ArrayLike<number>, negScores: ArrayLike<number>, from = 0, count = negatives.length): number {
  let rank = 0;
  for (let j = from; j < from + count; j++) if (negatives[j] !== testItem && negScores[j] >= testScore) rank++;
  return rank;
}

/** HR@K and NDCG@K from the 0-based ranks. */
export function hitRateNdcg(ranks: ArrayLike<number>, k: number): RankingMetrics {
  let hits = 0;
  let gain = 0;
  for (let u = 0; u < ranks.length; u++) {
    if (ranks[u] < k) {
      hits++;
      gain += 1 / Math.log2(ranks[u] + 2);
    }
  }
  return { hr: ranks.length ? hits / ranks.length : 0, ndcg: ranks.length ? gain / ranks.length : 0 };
}

/** What evaluation needs from a split: the held-out pairs and their negatives. */
export type RankingTask = Pick<NcfSplit, 'testUsers' | 'testItems' | 'negatives' | 'negativesPerUser'>;

/** Ranks of each held-out item under any scorer of (user, items) → scores. */
export function rankTestItems(task: RankingTask, score: (user: number, items: Int32Array, out: Float64Array) => void): Int32Array {
  const per = task.negativesPerUser;
  const items = new Int32Array(per + 1);
  const scores = new Float64Array(per + 1);
  const ranks = new Int32Array(task.testUsers.length);
  for (let r = 0; r < ranks.length; r++) {
    items[0] = task.testItems[r];
    items.set(task.negatives.subarray(r * per, (r + 1) * per), 1);
    score(task.testUsers[r], items, scores);
    ranks[r] = rankAmongNegatives(items[0], scores[0], items, scores, 1, per);
  }
  return ranks;
}

/**
 * HR@K / NDCG@K of a trained NCF model (scores are logits: the sigmoid does not change the order).
 * A model with side features needs the features it was trained on.
 */
export function evaluateModel(model: NcfModel, task: RankingTask, k = 10, features?: SideFeatures): RankingMetrics {
  const per = task.negativesPerUser + 1;
  const kernel = new NcfKernel(model, per, features);
  const users = new Int32Array(per);
  return hitRateNdcg(
    rankTestItems(task, (user, items, out) => {
      users.fill(user);
      kernel.logits(users, items, per, out);
    }),
    k,
  );
}

/** The popularity baseline: every user gets items ranked by their number of train users. */
export function evaluatePopularity(train: Interactions, task: RankingTask, k = 10): RankingMetrics {
  const counts = new Float64Array(train.itemCount);
  for (let p = 0; p < train.offsets[train.users]; p++) counts[train.items[p]]++;
  return hitRateNdcg(
    rankTestItems(task, (_user, items, out) => {
      for (let j = 0; j < items.length; j++) out[j] = counts[items[j]];
    }),
    k,
  );
}
