import {
  bestSellerMask,
  bestSellerSlotShare,
  catalogueCoverage,
  hitRateAtK,
  ndcgAtK,
  precisionAtK,
  recallAtK,
  sampledNdcgAtK,
  sampledRank,
} from '../../../../shared/metrics/topK';
import { itemsOf } from './interactions';
import { badInput, checkInteger } from './input';
import type { EvaluationNegatives } from './negatives';
import { itemPopularity } from './popularity';
import type { Scorer } from './scorer';
import type { TimeSplit } from './timeSplit';

/** Hit rate and NDCG at each K for the held-out positive among the sampled negatives. */
export interface SampledEvaluation {
  ks: number[];
  hitRate: number[];
  ndcg: number[];
  /** Negatives per user. */
  negatives: number;
  users: number;
  /** Each evaluated user's 0-based rank of the positive (ties pessimistic: see sampledRank). */
  ranks: Int32Array;
}

const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * The leave-one-out protocol: each user's held-out item is scored with the same N negatives every
 * model gets, and ranked among them (a negative tying the positive counts as ahead of it).
 */
export function evaluateSampled(
  scorer: Scorer,
  split: { users: Int32Array; heldOut: Int32Array },
  negatives: EvaluationNegatives,
  ks: readonly number[] = ONE_TO_TEN,
): SampledEvaluation {
  const { users, heldOut } = split;
  if (users.length === 0) throw badInput('The split has no evaluated users.');
  if (negatives.users.length !== users.length || negatives.users.some((u, k) => u !== users[k])) {
    throw badInput('The negatives were drawn for other users than the split evaluates; draw them from this split.');
  }
  const n = negatives.count;
  const candidates = new Int32Array(n + 1);
  const scores = new Float32Array(n + 1);
  const ranks = new Int32Array(users.length);
  for (let k = 0; k < users.length; k++) {
    candidates[0] = heldOut[k];
    candidates.set(negatives.items.subarray(k * n, (k + 1) * n), 1);
    scorer.score(users[k], candidates, scores);
    ranks[k] = sampledRank(scores[0], scores.subarray(1));
  }
  return {
    ks: [...ks],
    hitRate: ks.map((k) => hitRateAtK(ranks, k)),
    ndcg: ks.map((k) => sampledNdcgAtK(ranks, k)),
    negatives: n,
    users: users.length,
    ranks,
  };
}

/** Full-ranking figures over the time split's users (means over users), plus the catalogue-level ones. */
export interface TimeSplitEvaluation {
  k: number;
  users: number;
  recall: number;
  precision: number;
  ndcg: number;
  /** Share of the catalogue in anyone's top K. */
  coverage: number;
  /** Share of the recommended slots taken by the top bestSellerShare of items by train popularity. */
  bestSellerSlots: number;
  bestSellerShare: number;
}

/**
 * The time-split protocol: each evaluated user's top K over the whole catalogue, leaving out the items
 * the user bought in train, against the items new to the user after the cut-off.
 */
export function evaluateTimeSplit(scorer: Scorer, split: TimeSplit, k = 10, options: { bestSellerShare?: number } = {}): TimeSplitEvaluation {
  checkInteger('K', k, 1);
  const bestSellerShare = options.bestSellerShare ?? 0.01;
  const { users, train, test } = split;
  if (users.length === 0) throw badInput('The time split has no user with a new product after the cut-off.');
  const lists: Int32Array[] = [];
  let recall = 0;
  let precision = 0;
  let ndcg = 0;
  for (const u of users) {
    const list = scorer.topK(u, k, itemsOf(train, u));
    const relevant = itemsOf(test, u);
    lists.push(list);
    recall += recallAtK(list, relevant, k) ?? 0;
    precision += precisionAtK(list, relevant, k);
    ndcg += ndcgAtK(list, relevant, k) ?? 0;
  }
  const mask = bestSellerMask(itemPopularity(train), bestSellerShare);
  return {
    k,
    users: users.length,
    recall: recall / users.length,
    precision: precision / users.length,
    ndcg: ndcg / users.length,
    coverage: catalogueCoverage(lists, train.itemCount),
    bestSellerSlots: bestSellerSlotShare(lists, mask) ?? 0,
    bestSellerShare,
  };
}
