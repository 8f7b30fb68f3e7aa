import { checkInteger } from '../recommend/input';
import type { SideFeatures } from '../recommend/sideFeatures';
import { vectorScorer, type Scorer } from '../recommend/scorer';
import { WideDeepKernel } from './kernel';
import { FeatureLookup } from './lookup';
import { wideDeepAllItems } from './scoreAll';
import type { WideDeepModel } from './model';

/** Pairs scored per forward pass. */
const CHUNK = 1024;

/**
 * The trained model as a Scorer: a pair's score is its logit (ranks as the predicted probability
 * does). Users without train items are scored from their side features (and their untrained id
 * embedding, which stays near its N(0, 0.01²) start). `features` must be the ones it was trained on.
 */
export function wideDeepScorer(model: WideDeepModel, features: SideFeatures): Scorer {
  const kernel = new WideDeepKernel(model, new FeatureLookup(model, features), CHUNK);
  const users = new Int32Array(Math.max(model.items, 1));
  // The whole catalogue goes through the split first layer (scoreAll.ts): the same logits, far fewer operations.
  const everyItem = wideDeepAllItems(model, features);
  const checkUser = (u: number) => checkInteger('Wide & Deep: the user', u, 0, model.users - 1);
  return vectorScorer(
    model.items,
    (user, out) => {
      checkUser(user);
      everyItem(user, out);
    },
    (user, candidates, out) => {
      checkUser(user);
      for (let j = 0; j < candidates.length; j++) checkInteger('Wide & Deep: a candidate item', candidates[j], 0, model.items - 1);
      const batch = users.length >= candidates.length ? users : new Int32Array(candidates.length);
      batch.fill(user, 0, candidates.length);
      kernel.logits(batch, candidates, candidates.length, out);
    },
  );
}
