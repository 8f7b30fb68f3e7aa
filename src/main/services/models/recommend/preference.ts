import { badInput } from './input';
import { levelOf, quintileCuts } from './levels';
import type { PreferenceInput } from './preferenceInput';
import { vectorScorer, type Scorer } from './scorer';

/** The three levels (0–5) of one (user, item) and the score they make. */
export interface PreferenceLevels {
  buy: number;
  categoryShare: number;
  interval: number;
  score: number;
}

/** The preference scorer, with the cut points it learned (for the report) and each pair's levels. */
export interface PreferenceScorer extends Scorer {
  cuts: { buy: number[]; categoryShare: number[]; interval: number[] };
  levels(user: number, item: number): PreferenceLevels;
}

/**
 * The seed analysis's preference score, (2·buy + categoryShare + interval)/4 on 0–5 levels:
 * - buy: the user's purchase count of the item, in quintiles of the counts over all bought pairs;
 * - categoryShare: the share of the user's purchases in the item's category, in quintiles of the
 *   shares over all (user, category) pairs with a purchase;
 * - interval: how near the pair is to its usual repurchase point — r = (today − last purchase day) /
 *   the item's mean repurchase interval, closeness −|ln r| (r = 1, due now, is closest; half a day is
 *   the least elapsed time counted) in quintiles over all bought pairs. Measured on the sample's time
 *   split, "the more overdue, the higher" made the top level (long-lapsed pairs) rebought less often
 *   than the level below it (0.40 vs 0.59 at score ≥ 4.5 vs ≥ 4); closeness to due keeps the
 *   repurchase rate rising with the score at every threshold (0.22 → 0.64).
 * Level 0 means absent (never bought the item, or nothing in the category); levels.ts has the cuts'
 * rule. A product the user never bought therefore scores categoryShare/4 at most.
 */
export function fitPreference(input: PreferenceInput): PreferenceScorer {
  const { pairs, count, lastDay, itemCategory, meanInterval, categoryOffsets, categories, categoryShares, today } = input;
  const n = pairs.offsets[pairs.users];
  if (count.length !== n || lastDay.length !== n) throw badInput(`The preference input has ${n} pairs but ${count.length} counts and ${lastDay.length} last days.`);
  if (itemCategory.length !== pairs.itemCount || meanInterval.length !== pairs.itemCount) {
    throw badInput(`The preference input has ${pairs.itemCount} items but ${itemCategory.length} categories and ${meanInterval.length} intervals.`);
  }
  const ratio = new Float64Array(n);
  for (let u = 0; u < pairs.users; u++) {
    for (let k = pairs.offsets[u]; k < pairs.offsets[u + 1]; k++) ratio[k] = -Math.abs(Math.log(Math.max(0.5, today - lastDay[k]) / meanInterval[pairs.items[k]]));
  }
  const cuts = {
    buy: quintileCuts(Float64Array.from(count)),
    categoryShare: quintileCuts(Float64Array.from(categoryShares)),
    interval: quintileCuts(ratio),
  };
  const pairPart = new Float32Array(n);
  const buyLevel = new Uint8Array(n);
  const intervalLevel = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    buyLevel[k] = levelOf(count[k], cuts.buy);
    intervalLevel[k] = levelOf(ratio[k], cuts.interval);
    pairPart[k] = (2 * buyLevel[k] + intervalLevel[k]) / 4;
  }
  const shareLevel = new Uint8Array(categoryShares.length);
  for (let k = 0; k < shareLevel.length; k++) shareLevel[k] = levelOf(categoryShares[k], cuts.categoryShare);

  const categoryPart = new Float32Array(input.categoryCount);
  const fill = (user: number, out: Float32Array) => {
    for (let k = categoryOffsets[user]; k < categoryOffsets[user + 1]; k++) categoryPart[categories[k]] = shareLevel[k] / 4;
    for (let i = 0; i < out.length; i++) out[i] = categoryPart[itemCategory[i]];
    for (let k = categoryOffsets[user]; k < categoryOffsets[user + 1]; k++) categoryPart[categories[k]] = 0;
    for (let k = pairs.offsets[user]; k < pairs.offsets[user + 1]; k++) out[pairs.items[k]] += pairPart[k];
  };
  const levels = (user: number, item: number): PreferenceLevels => {
    let categoryShare = 0;
    for (let k = categoryOffsets[user]; k < categoryOffsets[user + 1]; k++) if (categories[k] === itemCategory[item]) categoryShare = shareLevel[k];
    let buy = 0;
    let interval = 0;
    for (let k = pairs.offsets[user]; k < pairs.offsets[user + 1]; k++) {
      if (pairs.items[k] !== item) continue;
      buy = buyLevel[k];
      interval = intervalLevel[k];
    }
    return { buy, categoryShare, interval, score: (2 * buy + categoryShare + interval) / 4 };
  };
  return { ...vectorScorer(pairs.itemCount, fill), cuts, levels };
}
