import type { BrandTable } from './brands';
import { PARAMS } from './params';
import { cumulative, pick, type Rng } from './random';

/**
 * Complements: products bought together (ramen and kimchi, beer and snacks, shampoo and its
 * conditioner). For each category pair of PARAMS.taste.complements.pairs, a share of the first
 * category's products gets one partner in the second (drawn ∝ popularity ^ partnerTilt; inside one
 * category the partner is of the same brand); the partner points back unless it already has one.
 * When a product lands in a basket its complement joins it with probability `join` (purchases.ts),
 * and fresh draws reach new products through the complements of products the customer owns.
 */
export function buildComplements(categoryNames: string[], popularity: Float64Array, brands: BrandTable, rng: Rng): Int32Array {
  const C = PARAMS.taste.complements;
  const complement = new Int32Array(popularity.length).fill(-1);
  const index = (name: string) => {
    const c = categoryNames.indexOf(name);
    if (c < 0) throw new Error(`complements: no category ${name}`);
    return c;
  };
  for (const [a, b] of C.pairs) {
    const from = index(a);
    const to = index(b);
    const targets = brands.members[to];
    const targetCum = cumulative(Array.from(targets, (p) => Math.pow(popularity[p], C.partnerTilt)));
    for (const p of brands.members[from]) {
      if (complement[p] >= 0 || !rng.chance(C.coverage)) continue;
      let q = -1;
      if (from === to) {
        const own = brands.products[from][brands.brand[p]];
        if (own.length < 2) continue;
        for (let tries = 0; tries < 8 && (q < 0 || q === p); tries++) q = own[pick(brands.cum[from][brands.brand[p]], rng.next())];
        if (q === p) continue;
      } else q = targets[pick(targetCum, rng.next())];
      complement[p] = q;
      if (complement[q] < 0) complement[q] = p;
    }
  }
  return complement;
}
