import { badInput } from './input';
import type { FeatureBlock } from './sideFeatures';

/**
 * Refuses a feature block that does not fit the model built on it: other field names (or order),
 * another rows × fields count, or a code outside a field's cardinality (values + 1, code 0 = missing).
 * Checked once when a kernel or scorer is built, so the hot loops can index the codes unchecked.
 * `model` names the model in the message ('Wide & Deep', 'NeuMF'); `side` is 'user' or 'item'.
 */
export function checkFeatureBlock(model: string, side: string, block: FeatureBlock, names: string[], cardinality: number[], rows: number): void {
  if (block.names.length !== names.length || block.names.some((n, f) => n !== names[f])) {
    throw badInput(`${model}: the ${side} features are [${block.names.join(', ')}] but the model was built on [${names.join(', ')}].`);
  }
  const F = names.length;
  if (block.codes.length !== rows * F) throw badInput(`${model}: the ${side} features hold ${block.codes.length} codes; ${rows} ${side}s × ${F} fields need ${rows * F}.`);
  for (let k = 0; k < block.codes.length; k++) {
    const c = block.codes[k];
    const f = k % F;
    if (!(c >= 0 && c < cardinality[f])) throw badInput(`${model}: ${side} ${Math.floor(k / F)} has code ${c} in field ${names[f]}, outside 0..${cardinality[f] - 1}.`);
  }
}
