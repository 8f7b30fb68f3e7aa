import { vectorScorer, type Scorer } from '../recommend/scorer';
import type { SideFeatures } from '../recommend/sideFeatures';
import { NcfKernel } from './kernel';
import type { NcfModel } from './neumf';
import { ncfAllItems } from './scoreAll';

/**
 * Scores pairs with one kernel for every call (its construction checks each feature code once):
 * out[k] = σ(logit) of (users[k], items[k]) for k < n. A model with a side part needs the features
 * it was trained on (checked against it); a model without one ignores `features`.
 */
function pairScorer(model: NcfModel, features: SideFeatures | undefined, maxBatch: number): (users: Int32Array, items: Int32Array, n: number, out: Float32Array) => void {
  const kernel = new NcfKernel(model, maxBatch, features);
  return (users, items, n, out) => {
    for (let k = 0; k < n; k++) {
      if (!(users[k] >= 0 && users[k] < model.users)) throw new Error(`scoreNcf: user ${users[k]} outside 0..${model.users - 1}`);
      if (!(items[k] >= 0 && items[k] < model.items)) throw new Error(`scoreNcf: item ${items[k]} outside 0..${model.items - 1}`);
    }
    if (!n) return;
    kernel.logits(users, items, n, out);
    for (let k = 0; k < n; k++) out[k] = 1 / (1 + Math.exp(-out[k]));
  };
}

/** Predicted probabilities σ(logit) of the pairs (users[k], items[k]). */
export function scoreNcf(model: NcfModel, users: Int32Array, items: Int32Array, features?: SideFeatures): Float32Array {
  if (users.length !== items.length) throw new Error(`scoreNcf: ${users.length} users but ${items.length} items`);
  // Built before the empty-input return, so a side model without features is refused whatever the pairs.
  const score = pairScorer(model, features, Math.max(1, Math.min(users.length, 4096)));
  const out = new Float32Array(users.length);
  score(users, items, users.length, out);
  return out;
}

/**
 * The trained model (NeuMF, GMF or MLP) as a Scorer, like wideDeepScorer: the whole catalogue goes
 * through the split first layer (scoreAll.ts), candidates pair by pair. `features` only for a model
 * with a side part.
 */
export function ncfScorer(model: NcfModel, features: SideFeatures | null): Scorer {
  const f = features ?? undefined;
  const score = pairScorer(model, f, 1024);
  let users = new Int32Array(0);
  return vectorScorer(model.items, ncfAllItems(model, f), (user, candidates, out) => {
    if (users.length < candidates.length) users = new Int32Array(candidates.length);
    users.fill(user, 0, candidates.length);
    score(users, candidates, candidates.length, out);
  });
}
