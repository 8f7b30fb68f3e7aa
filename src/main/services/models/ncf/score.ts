import type { SideFeatures } from '../recommend/sideFeatures';
import { NcfKernel } from './kernel';
import type { NcfModel } from './neumf';

/**
 * Predicted probabilities σ(logit) of the pairs (users[k], items[k]). A model with a side part needs
 * the features it was trained on (checked against it); a model without one ignores `features`.
 */
export function scoreNcf(model: NcfModel, users: Int32Array, items: Int32Array, features?: SideFeatures): Float32Array {
  if (users.length !== items.length) throw new Error(`scoreNcf: ${users.length} users but ${items.length} items`);
  for (let k = 0; k < users.length; k++) {
    if (!(users[k] >= 0 && users[k] < model.users)) throw new Error(`scoreNcf: user ${users[k]} outside 0..${model.users - 1}`);
    if (!(items[k] >= 0 && items[k] < model.items)) throw new Error(`scoreNcf: item ${items[k]} outside 0..${model.items - 1}`);
  }
  // Built before the empty-input return, so a side model without features is refused whatever the pairs.
  const kernel = new NcfKernel(model, Math.max(1, Math.min(users.length, 4096)), features);
  const out = new Float32Array(users.length);
  if (!users.length) return out;
  kernel.logits(users, items, users.length, out);
  for (let k = 0; k < out.length; k++) out[k] = 1 / (1 + Math.exp(-out[k]));
  return out;
}
