import type { Interactions } from './interactions';
import { checkInteger, checkInteractions } from './input';
import { vectorScorer, type Scorer } from './scorer';

/** A score in [0, 1) hashed from (seed, user, item): the same pair always scores the same. */
function hashScore(seed: number, user: number, item: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(user + 1, 0xc2b2ae35) ^ Math.imul(item + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** The floor every model must clear: scores drawn at random per (user, item), reproducible from the seed. */
export function fitRandom(train: Interactions, options: { seed?: number } = {}): Scorer {
  checkInteractions(train);
  const seed = options.seed ?? 1;
  checkInteger('The random scorer seed', seed, 0);
  return vectorScorer(
    train.itemCount,
    (user, out) => {
      for (let i = 0; i < out.length; i++) out[i] = hashScore(seed, user, i);
    },
    (user, candidates, out) => {
      for (let j = 0; j < candidates.length; j++) out[j] = hashScore(seed, user, candidates[j]);
    },
  );
}
