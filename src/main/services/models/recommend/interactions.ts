import type { Rng } from '../../generator/random';

/**
 * Implicit feedback as compressed rows: user u's distinct items are
 * items[offsets[u] .. offsets[u+1]), sorted ascending. Users and items are dense indices
 * 0..users−1 and 0..itemCount−1; the caller keeps the maps to customer and product codes.
 * Every recommender and evaluation in models/recommend and models/ncf takes this shape.
 */
export interface Interactions {
  users: number;
  itemCount: number;
  offsets: Int32Array;
  items: Int32Array;
}

/** Builds the rows from (user, item) pairs in any order; repeated pairs count once. */
export function interactionsFromPairs(users: number, itemCount: number, user: ArrayLike<number>, item: ArrayLike<number>): Interactions {
  if (user.length !== item.length) throw new Error(`interactionsFromPairs: ${user.length} users but ${item.length} items`);
  const counts = new Int32Array(users + 1);
  for (let k = 0; k < user.length; k++) {
    const u = user[k];
    const i = item[k];
    if (!(u >= 0 && u < users) || !Number.isInteger(u)) throw new Error(`interactionsFromPairs: user ${u} outside 0..${users - 1}`);
    if (!(i >= 0 && i < itemCount) || !Number.isInteger(i)) throw new Error(`interactionsFromPairs: item ${i} outside 0..${itemCount - 1}`);
    counts[u + 1]++;
  }
  for (let u = 0; u < users; u++) counts[u + 1] += counts[u];
  const fill = counts.slice(0, users);
  const raw = new Int32Array(user.length);
  for (let k = 0; k < user.length; k++) raw[fill[user[k]]++] = item[k];
  // Sort each row and drop repeats, compacting in place.
  const offsets = new Int32Array(users + 1);
  let out = 0;
  for (let u = 0; u < users; u++) {
    const row = raw.subarray(counts[u], counts[u + 1]).sort();
    offsets[u] = out;
    for (let k = 0; k < row.length; k++) if (k === 0 || row[k] !== row[k - 1]) raw[out++] = row[k];
  }
  offsets[users] = out;
  return { users, itemCount, offsets, items: raw.slice(0, out) };
}

/** User u's items (a view, sorted ascending). */
export function itemsOf(data: Interactions, u: number): Int32Array {
  return data.items.subarray(data.offsets[u], data.offsets[u + 1]);
}

/** Whether user u has item i (binary search in the sorted row). */
export function hasItem(data: Interactions, u: number, i: number): boolean {
  let lo = data.offsets[u];
  let hi = data.offsets[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = data.items[mid];
    if (v === i) return true;
    if (v < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Total (user, item) pairs. */
export function pairCount(data: Interactions): number {
  return data.offsets[data.users];
}

/**
 * Writes `count` items that user u does not have into out[at..at+count), drawn uniformly by
 * rejection (with replacement across draws, as NCF does), from rng. Throws when the user has every
 * item: there is no negative to draw.
 */
export function sampleNegatives(data: Interactions, u: number, count: number, rng: Rng, out: Int32Array, at = 0): void {
  const owned = data.offsets[u + 1] - data.offsets[u];
  if (owned >= data.itemCount) throw new Error(`sampleNegatives: user ${u} has all ${data.itemCount} items`);
  for (let k = 0; k < count; k++) {
    let i: number;
    do i = rng.int(data.itemCount);
    while (hasItem(data, u, i));
    out[at + k] = i;
  }
}
