import type { Rng } from '../../generator/random';
import type { PurchaseRows } from './rows';

/**
 * The business rules applied when a customer's list is drawn from a model's scores (seed 001):
 * only products new to the customer (default) or repurchase allowed; never the top x % best-sellers
 * (seed: 1 %, everyone gets them anyway); never a product bought in the last n days (seed: 7);
 * optionally a weighted draw from the customer's top `pool` (seed: 30) for variety instead of the
 * plain top K.
 */
export interface RecommendRules {
  newOnly: boolean;
  /** Share of the catalogue's best-sellers (by customers who bought them) never recommended, 0..1. */
  excludeTopShare: number;
  /** Products bought in this many days before the window's end are not recommended (0 = off). */
  excludeRecentDays: number;
  /** 0 = plain top K; else draw K from the top `varietyPool` with probability ∝ score rank weight. */
  varietyPool: number;
}

export const DEFAULT_RULES: RecommendRules = { newOnly: true, excludeTopShare: 0.01, excludeRecentDays: 7, varietyPool: 0 };

/** Purchase rows sorted by user (customer u's rows are userStart[u] .. userStart[u+1])), as RecommendData holds them. */
export interface UserRows {
  rows: PurchaseRows;
  userStart: Int32Array;
}

/** Customers per item (distinct buyers) in the data. */
export function buyersPerItem(data: UserRows): Int32Array {
  const n = new Int32Array(data.rows.itemCount);
  const seen = new Int32Array(data.rows.itemCount).fill(-1);
  const { user, item } = data.rows;
  for (let r = 0; r < item.length; r++) {
    if (seen[item[r]] === user[r]) continue;
    seen[item[r]] = user[r];
    n[item[r]]++;
  }
  return n;
}

/**
 * The best-sellers a rule excludes: the ceil(share × items) items with the most buyers (ties by
 * item index), as a 0/1 mask. Share 0 excludes nothing.
 */
export function excludedBestSellers(data: UserRows, share: number): Uint8Array {
  if (!(share >= 0 && share < 1)) throw new Error(`excludeTopShare must be in [0, 1): got ${share}`);
  const items = data.rows.itemCount;
  const mask = new Uint8Array(items);
  const top = Math.ceil(share * items);
  if (top === 0) return mask;
  const buyers = buyersPerItem(data);
  const order = Array.from({ length: items }, (_, i) => i).sort((a, b) => buyers[b] - buyers[a] || a - b);
  for (let r = 0; r < top; r++) mask[order[r]] = 1;
  return mask;
}

/** The items of the categories the rules never recommend (by category name), as a 0/1 mask. */
export function blockedByCategory(categoryOfItem: Int32Array, categories: readonly string[], excluded: readonly string[]): Uint8Array {
  const mask = new Uint8Array(categoryOfItem.length);
  const blocked = new Set(excluded);
  categoryOfItem.forEach((c, i) => {
    if (c >= 0 && blocked.has(categories[c])) mask[i] = 1;
  });
  return mask;
}

/**
 * Marks in `out` (length items; the global mask copied in first) what user u may not be offered: the
 * global mask, their own products when newOnly, and products they bought in the excludeRecentDays
 * days up to `lastDay` (the window's last day, in the rows' day numbers).
 */
export function excludedFor(data: UserRows, u: number, rules: RecommendRules, lastDay: number, globalMask: Uint8Array, out: Uint8Array): void {
  out.set(globalMask);
  const lastDayOfWindow = lastDay;
  const { item, day } = data.rows;
  for (let r = data.userStart[u]; r < data.userStart[u + 1]; r++) {
    if (rules.newOnly || (rules.excludeRecentDays > 0 && day[r] > lastDayOfWindow - rules.excludeRecentDays)) out[item[r]] = 1;
  }
}

/**
 * The top k items by score among those not excluded (ties by item index), written to outItems and
 * outScores; returns how many were found (fewer than k when the catalogue runs out). With variety,
 * k items are drawn without replacement from the top `pool` with weights pool − rank (the best is
 * most likely), then listed best first.
 */
export function selectTopK(
  scores: Float32Array,
  excluded: Uint8Array,
  k: number,
  outItems: Int32Array,
  outScores: Float32Array,
  variety?: { pool: number; rng: Rng },
): number {
  const want = variety && variety.pool > k ? variety.pool : k;
  const heapItems = new Int32Array(want);
  const heapScores = new Float32Array(want);
  let size = 0;
  // A sorted insertion list: want is small (10..30), so this beats a heap in practice.
  for (let i = 0; i < scores.length; i++) {
    if (excluded[i]) continue;
    const s = scores[i];
    if (Number.isNaN(s)) continue;
    if (size === want && !(s > heapScores[size - 1])) continue;
    let at = size < want ? size++ : want - 1;
    while (at > 0 && heapScores[at - 1] < s) {
      heapScores[at] = heapScores[at - 1];
      heapItems[at] = heapItems[at - 1];
      at--;
    }
    heapScores[at] = s;
    heapItems[at] = i;
  }
  if (!variety || variety.pool <= k || size <= k) {
    const n = Math.min(k, size);
    outItems.set(heapItems.subarray(0, n));
    outScores.set(heapScores.subarray(0, n));
    return n;
  }
  const weight = Float64Array.from({ length: size }, (_, r) => size - r);
  const chosen: number[] = [];
  for (let t = 0; t < k; t++) {
    let total = 0;
    for (let r = 0; r < size; r++) total += weight[r];
    let x = variety.rng.next() * total;
    let r = 0;
    while (r < size - 1 && (x -= weight[r]) >= 0) r++;
    while (weight[r] === 0) r = (r + 1) % size;
    chosen.push(r);
    weight[r] = 0;
  }
  chosen.sort((a, b) => a - b);
  chosen.forEach((r, j) => {
    outItems[j] = heapItems[r];
    outScores[j] = heapScores[r];
  });
  return k;
}
