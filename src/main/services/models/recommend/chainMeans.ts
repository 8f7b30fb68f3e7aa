import type { RecommendChainReport, RecommendModelName, RecommendModelResult, RecommendRunReport } from '../../../../shared/recommend';

/** The chains' figures as one: means weighted by the customers each protocol evaluated (exact for the per-customer means). */
export function weightedModels(chains: RecommendChainReport[], models: RecommendModelName[]): RecommendRunReport['models'] {
  const out: RecommendRunReport['models'] = {};
  for (const model of models) {
    const parts = chains.map((c) => c.models[model]).filter((r): r is RecommendModelResult => r !== undefined);
    if (!parts.length) continue;
    const sUsers = parts.reduce((s, r) => s + r.sampled.users, 0);
    const tUsers = parts.reduce((s, r) => s + r.timeSplit.users, 0);
    const sMean = (pick: (r: RecommendModelResult) => number) => parts.reduce((s, r) => s + pick(r) * r.sampled.users, 0) / (sUsers || 1);
    const tMean = (pick: (r: RecommendModelResult) => number) => parts.reduce((s, r) => s + pick(r) * r.timeSplit.users, 0) / (tUsers || 1);
    const first = parts[0];
    const repurchase = first.repurchase?.map((row, t) => {
      const pairs = parts.reduce((s, r) => s + (r.repurchase?.[t].pairs ?? 0), 0);
      const again = parts.reduce((s, r) => s + (r.repurchase?.[t].share ?? 0) * (r.repurchase?.[t].pairs ?? 0), 0);
      return { threshold: row.threshold, pairs, share: pairs ? again / pairs : null };
    });
    out[model] = {
      model,
      seconds: parts.reduce((s, r) => s + r.seconds, 0),
      listSeconds: parts.reduce((s, r) => s + (r.listSeconds ?? 0), 0),
      sampled: {
        negatives: first.sampled.negatives,
        users: sUsers,
        skipped: parts.reduce((s, r) => s + r.sampled.skipped, 0),
        hr: first.sampled.hr.map((_, k) => sMean((r) => r.sampled.hr[k])),
        ndcg: first.sampled.ndcg.map((_, k) => sMean((r) => r.sampled.ndcg[k])),
      },
      timeSplit: {
        k: first.timeSplit.k,
        users: tUsers,
        recall: tMean((r) => r.timeSplit.recall),
        precision: tMean((r) => r.timeSplit.precision),
        ndcg: tMean((r) => r.timeSplit.ndcg),
        coverage: tMean((r) => r.timeSplit.coverage),
        topShare: tMean((r) => r.timeSplit.topShare),
      },
      ...(repurchase ? { repurchase } : {}),
    };
  }
  return out;
}

/** The model with the best leave-one-out HR@10 (the first chosen on a tie). */
export function bestModel(results: RecommendRunReport['models'], models: RecommendModelName[]): RecommendModelName {
  let best = models[0];
  let score = -Infinity;
  for (const m of models) {
    const hr10 = results[m]?.sampled.hr[9] ?? -Infinity;
    if (hr10 > score) [best, score] = [m, hr10];
  }
  return best;
}
