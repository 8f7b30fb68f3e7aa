import { NcfKernel } from './kernel';
import type { NcfModel } from './neumf';

/** Predicted probabilities σ(logit) of the pairs (users[k], items[k]). */
export function scoreNcf(model: NcfModel, users: Int32Array, items: Int32Array): Float32Array {
  if (users.length !== items.length) throw new Error(`scoreNcf: ${users.length} users but ${items.length} items`);
  for (let k = 0; k < users.length; k++) {
    if (!(users[k] >= 0 && users[k] < model.users)) throw new Error(`scoreNcf: user ${users[k]} outside 0..${model.users - 1}`);
    if (!(items[k] >= 0 && items[k] < model.items)) throw new Error(`scoreNcf: item ${items[k]} outside 0..${model.items - 1}`);
  }
  const out = new Float32Array(users.length);
  if (!users.length) return out;
  new NcfKernel(model, Math.min(users.length, 4096)).logits(users, items, users.length, out);
  for (let k = 0; k < out.length; k++) out[k] = 1 / (1 + Math.exp(-out[k]));
  return out;
}
