import { AppError } from '../../../../shared/errors';
import { rngFor } from '../../generator/random';
import { evaluateSampled, evaluateTimeSplit } from './evaluate';
import { interactionsFromPairs, type Interactions } from './interactions';
import { leaveOneOut } from './leaveOneOut';
import { sampleEvaluationNegatives } from './negatives';
import { fitModel } from './fitModel';
import { packModel } from './packedModel';
import type { Scorer } from './scorer';
import { pairsOf, type PurchaseRows } from './rows';
import { excludedBestSellers, excludedFor, selectTopK } from './rules';
import { timeSplit } from './timeSplit';

import type { RecommendComputeHooks, RecommendComputeInput, RecommendComputeResult, RecommendLists } from './computeTypes';

export type { RecommendComputeHooks, RecommendComputeInput, RecommendComputeResult, RecommendLists } from './computeTypes';

const cancelled = () => new AppError('CANCELLED', 'The training was cancelled.');

/**
 * The numbers of a recommendation run, pure (no DuckDB), run in the training worker: every chosen
 * model judged on the same two protocols — leave-one-out with the same sampled negatives, and the
 * time split at the cut-off — then every customer's top K under the business rules. The lists come
 * from a fit on all rows (the models are cheap), except the networks (NeuMF, Wide & Deep), whose
 * leave-one-out fit gives them (its held-out products are the customers' own and the new-only rule
 * leaves them out anyway).
 */
export async function computeRecommendations(input: RecommendComputeInput, hooks: RecommendComputeHooks = {}): Promise<RecommendComputeResult> {
  const { rows } = input;
  const check = () => {
    if (hooks.isCancelled?.()) throw cancelled();
  };
  const categories = knownCategories(input.itemCategory);
  const loo = leaveOneOut(rows);
  const negatives = sampleEvaluationNegatives(loo.train, loo, input.negatives, input.seed);
  const split = timeSplit(rows, input.cutoffDay);
  const all = allPairs(rows);
  const results: RecommendComputeResult['results'] = {};
  const lists: RecommendComputeResult['lists'] = {};
  const networks: NonNullable<RecommendComputeResult['networks']> = {};
  for (const model of input.models) {
    check();
    hooks.onModel?.(model, 'start');
    const started = performance.now();
    const fit = (train: Interactions, include: Uint8Array | undefined, today: number) => fitModel(model, input, categories, train, include, today, hooks);
    const looFit = await fit(loo.train, loo.trainRow, input.lastDay);
    check();
    const sampled = evaluateSampled(looFit.scorer, loo, negatives);
    const timeFit = await fit(split.train, split.trainRow, input.cutoffDay - 1);
    check();
    const time = evaluateTimeSplit(timeFit.scorer, split, 10);
    const repurchase = model === 'preference' ? repurchaseByScore(rows, input.cutoffDay, timeFit.scorer) : undefined;
    const final = model === 'neumf' || model === 'widedeep' ? looFit : await fit(all, undefined, input.lastDay);
    check();
    const listStarted = performance.now();
    lists[model] = topLists(input, final.scorer);
    const listSeconds = (performance.now() - listStarted) / 1000;
    if (final.network) networks[model] = packModel(final.network);
    results[model] = {
      model,
      seconds: (performance.now() - started) / 1000,
      listSeconds,
      sampled: {
        negatives: sampled.negatives,
        users: sampled.users,
        skipped: loo.skippedUsers + loo.emptyUsers,
        hr: sampled.hitRate,
        ndcg: sampled.ndcg,
      },
      timeSplit: {
        k: time.k,
        users: time.users,
        recall: time.recall,
        precision: time.precision,
        ndcg: time.ndcg,
        coverage: time.coverage,
        topShare: time.bestSellerSlots,
      },
      ...(looFit.loss ? { loss: looFit.loss, samplesPerSecond: looFit.samplesPerSecond } : {}),
      ...(repurchase ? { repurchase } : {}),
    };
    hooks.onModel?.(model, 'done');
  }
  return { results, lists, networks };
}

/** The seed's thresholds: 0.0, 0.5 … 4.5. */
export const REPURCHASE_THRESHOLDS = Array.from({ length: 10 }, (_, k) => k / 2);

/**
 * The seed's repurchase table: among the (customer, product) pairs bought before the cut-off, scored
 * as of the day before it, the share with score ≥ t that the customer bought again from the cut-off
 * on, for each threshold t (pairs counted beside each share).
 */
export function repurchaseByScore(rows: PurchaseRows, cutoffDay: number, scorer: Scorer): { threshold: number; pairs: number; share: number | null }[] {
  const pairs = new Array<number>(REPURCHASE_THRESHOLDS.length).fill(0);
  const again = new Array<number>(REPURCHASE_THRESHOLDS.length).fill(0);
  const { user, item, day } = rows;
  let r = 0;
  while (r < user.length) {
    const u = user[r];
    let end = r;
    while (end < user.length && user[end] === u) end++;
    // This customer's products before the cut-off, and those bought again from it on.
    const before = new Set<number>();
    const after = new Set<number>();
    for (let k = r; k < end; k++) (day[k] < cutoffDay ? before : after).add(item[k]);
    if (before.size) {
      const candidates = Int32Array.from(before);
      const scores = new Float32Array(candidates.length);
      scorer.score(u, candidates, scores);
      candidates.forEach((i, j) => {
        const bought = after.has(i) ? 1 : 0;
        for (let t = 0; t < REPURCHASE_THRESHOLDS.length; t++) {
          if (scores[j] < REPURCHASE_THRESHOLDS[t] - 1e-9) break;
          pairs[t]++;
          again[t] += bought;
        }
      });
    }
    r = end;
  }
  return REPURCHASE_THRESHOLDS.map((threshold, t) => ({ threshold, pairs: pairs[t], share: pairs[t] ? again[t] / pairs[t] : null }));
}

/** Every customer's top K under the rules. */
export function topLists(input: RecommendComputeInput, scorer: Scorer): RecommendLists {
  const { rows, k, rules } = input;
  const users = rows.users;
  const itemCount = rows.itemCount;
  const items = new Int32Array(users * k).fill(-1);
  const scores = new Float32Array(users * k);
  const everyItem = Int32Array.from({ length: itemCount }, (_, i) => i);
  const all = new Float32Array(itemCount);
  const excluded = new Uint8Array(itemCount);
  const global = excludedBestSellers(input, rules.excludeTopShare);
  if (input.blocked) input.blocked.forEach((b, i) => (global[i] |= b));
  const outItems = new Int32Array(k);
  const outScores = new Float32Array(k);
  for (let u = 0; u < users; u++) {
    if (scorer.scoreAll) scorer.scoreAll(u, all);
    else scorer.score(u, everyItem, all);
    excludedFor(input, u, rules, input.lastDay, global, excluded);
    const variety = rules.varietyPool > k ? { pool: rules.varietyPool, rng: rngFor(input.seed, 'recommend.variety', u) } : undefined;
    const n = selectTopK(all, excluded, k, outItems, outScores, variety);
    items.set(outItems.subarray(0, n), u * k);
    scores.set(outScores.subarray(0, n), u * k);
  }
  return { items, scores };
}

/** Categories as the preference score needs them: −1 (unknown) becomes one more category. */
export function knownCategories(itemCategory: Int32Array): Int32Array {
  let max = -1;
  for (const c of itemCategory) max = Math.max(max, c);
  return Int32Array.from(itemCategory, (c) => (c < 0 ? max + 1 : c));
}

export function allPairs(rows: PurchaseRows): Interactions {
  const { user, item } = pairsOf(rows);
  return interactionsFromPairs(rows.users, rows.itemCount, user, item);
}
