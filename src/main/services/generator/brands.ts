import { PARAMS } from './params';
import { cumulative, pick, type Rng } from './random';

/**
 * Brands (sub-lines) inside each top category of the catalog: every product belongs to one brand
 * of its category, brands differ in size (Zipf over their rank) and carry a price tier (value,
 * standard, premium). Customers prefer one or two brands per category (taste.ts), so customers who
 * share a brand preference look alike at product level. Built from its own master-seed stream, so
 * the product file itself does not change. Brands are not written to the product file (it has no
 * brand column); the manifest records them.
 */
export interface BrandTable {
  /** Per product: its brand index inside its category (0 … brands − 1). */
  brand: Int8Array;
  /** Per category: all its products (ascending) and their cumulative popularity. */
  members: Int32Array[];
  memberCum: Float64Array[];
  /** Per category, per brand: its products (ascending) and their cumulative popularity. */
  products: Int32Array[][];
  cum: Float64Array[][];
  /** Per category: each brand's tier (index into PARAMS.taste.tiers) and its share of the category's popularity. */
  tier: Int8Array[];
  share: Float64Array[];
}

export function buildBrands(category: Int32Array, popularity: Float64Array, categories: number, rng: Rng): BrandTable {
  const B = PARAMS.taste.brands;
  const tierCum = cumulative(B.tierShares);
  const brand = new Int8Array(category.length);
  const members: Int32Array[] = [];
  const memberCum: Float64Array[] = [];
  const products: Int32Array[][] = [];
  const cum: Float64Array[][] = [];
  const tier: Int8Array[] = [];
  const share: Float64Array[] = [];
  for (let c = 0; c < categories; c++) {
    const own: number[] = [];
    for (let p = 0; p < category.length; p++) if (category[p] === c) own.push(p);
    const n = Math.min(B.max, Math.max(B.min, Math.round(own.length / B.productsPerBrand)));
    // Each brand gets one product, the rest go to brands ∝ 1 / rank ^ sizeZipf, in a random order of the products.
    const order = [...own];
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const sizeCum = cumulative(Array.from({ length: n }, (_, r) => 1 / Math.pow(r + 1, B.sizeZipf)));
    order.forEach((p, k) => (brand[p] = k < n ? k : pick(sizeCum, rng.next())));
    members.push(Int32Array.from(own));
    memberCum.push(cumulative(own.map((p) => popularity[p])));
    const byBrand: number[][] = Array.from({ length: n }, () => []);
    for (const p of own) byBrand[brand[p]].push(p);
    products.push(byBrand.map((list) => Int32Array.from(list)));
    cum.push(byBrand.map((list) => cumulative(list.map((p) => popularity[p]))));
    tier.push(Int8Array.from({ length: n }, () => pick(tierCum, rng.next())));
    const total = own.reduce((s, p) => s + popularity[p], 0);
    share.push(Float64Array.from(byBrand, (list) => list.reduce((s, p) => s + popularity[p], 0) / total));
  }
  return { brand, members, memberCum, products, cum, tier, share };
}
