import type { Interactions } from './interactions';
import { checkInteractions } from './input';
import { vectorScorer, type Scorer } from './scorer';

/** Per item, how many distinct users bought it in train. */
export function itemPopularity(train: Interactions): Float32Array {
  const counts = new Float32Array(train.itemCount);
  const end = train.offsets[train.users];
  for (let k = 0; k < end; k++) counts[train.items[k]]++;
  return counts;
}

/** The popularity baseline: every user gets the same scores, the train count of distinct buyers per item. Deterministic; options are accepted for a uniform fit signature. */
export function fitPopularity(train: Interactions, _options: { seed?: number } = {}): Scorer {
  checkInteractions(train);
  const counts = itemPopularity(train);
  return vectorScorer(
    train.itemCount,
    (_user, out) => out.set(counts),
    (_user, candidates, out) => {
      for (let j = 0; j < candidates.length; j++) out[j] = counts[candidates[j]];
    },
  );
}
