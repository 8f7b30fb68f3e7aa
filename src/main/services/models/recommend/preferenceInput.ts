import type { Interactions } from './interactions';
import { badInput, checkInteger } from './input';
import { checkRows, type PurchaseRows } from './rows';

/**
 * What the preference score needs beyond who bought what: per (user, item) pair the purchase count and
 * the last purchase day; per item its category and mean repurchase interval; per user the share of
 * each category in the user's purchases; and the day the score is for.
 */
export interface PreferenceInput {
  /** The pairs; count[k] and lastDay[k] belong to pairs.items[k]. */
  pairs: Interactions;
  count: Int32Array;
  lastDay: Int32Array;
  /** Category of each item, 0..categoryCount−1. */
  itemCategory: Int32Array;
  categoryCount: number;
  /** Mean days between repeat purchases of each item (> 0). */
  meanInterval: Float32Array;
  /** User u's categories are categories[categoryOffsets[u] .. categoryOffsets[u+1]) with their shares (0–1, summing to 1). */
  categoryOffsets: Int32Array;
  categories: Int32Array;
  categoryShares: Float32Array;
  /** The day "days since the last purchase" is counted to. */
  today: number;
}

/**
 * Builds the preference input from purchase rows (those `include` marks, or all): count = rows of the
 * pair, lastDay = its latest day; a user's category share = the user's rows in the category over all
 * the user's rows. An item's mean repurchase interval is the mean, over the customers who bought it on
 * two or more distinct days, of (last day − first day)/(distinct days − 1); items nobody re-bought get
 * the mean over all such customer–item pairs (1 day when there are none). `today` defaults to the
 * latest day in the rows used.
 */
export function preferenceInputFromRows(
  rows: PurchaseRows,
  itemCategory: Int32Array,
  options: { include?: Uint8Array; today?: number } = {},
): PreferenceInput {
  checkRows(rows);
  if (itemCategory.length !== rows.itemCount) throw badInput(`itemCategory has ${itemCategory.length} entries for ${rows.itemCount} items.`);
  let categoryCount = 0;
  for (let i = 0; i < itemCategory.length; i++) {
    checkInteger(`itemCategory[${i}]`, itemCategory[i], 0);
    categoryCount = Math.max(categoryCount, itemCategory[i] + 1);
  }
  const { include } = options;
  if (include && include.length !== rows.user.length) throw badInput(`The row mask has ${include.length} entries for ${rows.user.length} rows.`);
  const order = orderByUserItemDay(rows, include);
  let today = options.today ?? -Infinity;
  if (options.today === undefined) for (const r of order) today = Math.max(today, rows.day[r]);
  if (!Number.isFinite(today)) today = 0;

  // One pass over the sorted rows: pairs, counts, last days, and per-item interval sums.
  const offsets = new Int32Array(rows.users + 1);
  const pairItems: number[] = [];
  const count: number[] = [];
  const lastDay: number[] = [];
  const intervalSum = new Float64Array(rows.itemCount);
  const intervalPairs = new Int32Array(rows.itemCount);
  for (let k = 0; k < order.length; ) {
    const u = rows.user[order[k]];
    const i = rows.item[order[k]];
    const first = rows.day[order[k]];
    let days = 0;
    let n = 0;
    let previous = NaN;
    let last = first;
    for (; k < order.length && rows.user[order[k]] === u && rows.item[order[k]] === i; k++) {
      last = rows.day[order[k]];
      if (last !== previous) days++;
      previous = last;
      n++;
    }
    offsets[u + 1]++;
    pairItems.push(i);
    count.push(n);
    lastDay.push(last);
    if (days >= 2) {
      intervalSum[i] += (last - first) / (days - 1);
      intervalPairs[i]++;
    }
  }
  for (let u = 0; u < rows.users; u++) offsets[u + 1] += offsets[u];
  const meanInterval = repurchaseIntervals(intervalSum, intervalPairs);
  const pairs: Interactions = { users: rows.users, itemCount: rows.itemCount, offsets, items: Int32Array.from(pairItems) };
  const shares = categoryShares(pairs, Int32Array.from(count), itemCategory, categoryCount);
  return { pairs, count: Int32Array.from(count), lastDay: Int32Array.from(lastDay), itemCategory, categoryCount, meanInterval, ...shares, today };
}

function repurchaseIntervals(sum: Float64Array, pairs: Int32Array): Float32Array {
  let total = 0;
  let n = 0;
  for (let i = 0; i < sum.length; i++) {
    total += sum[i];
    n += pairs[i];
  }
  const fallback = n > 0 && total > 0 ? total / n : 1;
  const out = new Float32Array(sum.length);
  for (let i = 0; i < sum.length; i++) out[i] = pairs[i] > 0 && sum[i] > 0 ? sum[i] / pairs[i] : fallback;
  return out;
}

/** Per user, the share of the user's purchases (rows) in each category the user bought from. */
function categoryShares(pairs: Interactions, count: Int32Array, itemCategory: Int32Array, categoryCount: number) {
  const total = new Float64Array(categoryCount);
  const touched: number[] = [];
  const categoryOffsets = new Int32Array(pairs.users + 1);
  const categories: number[] = [];
  const shares: number[] = [];
  for (let u = 0; u < pairs.users; u++) {
    let all = 0;
    for (let k = pairs.offsets[u]; k < pairs.offsets[u + 1]; k++) {
      const c = itemCategory[pairs.items[k]];
      if (total[c] === 0) touched.push(c);
      total[c] += count[k];
      all += count[k];
    }
    touched.sort((a, b) => a - b);
    for (const c of touched) {
      categories.push(c);
      shares.push(total[c] / all);
      total[c] = 0;
    }
    touched.length = 0;
    categoryOffsets[u + 1] = categories.length;
  }
  return { categoryOffsets, categories: Int32Array.from(categories), categoryShares: Float32Array.from(shares) };
}

/** Row indices (of the rows `include` marks) sorted by user, then item, then day: three stable counting-sort passes. */
function orderByUserItemDay(rows: PurchaseRows, include?: Uint8Array): Int32Array {
  let n = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let r = 0; r < rows.user.length; r++) {
    if (include && !include[r]) continue;
    n++;
    minDay = Math.min(minDay, rows.day[r]);
    maxDay = Math.max(maxDay, rows.day[r]);
  }
  let order: Int32Array = new Int32Array(n);
  for (let r = 0, k = 0; r < rows.user.length; r++) if (!include || include[r]) order[k++] = r;
  if (n === 0) return order;
  const dayRange = maxDay - minDay + 1;
  // Day numbers span a few years; a wider span (a timestamp passed as a day) sorts by comparison instead.
  if (dayRange <= 4 * n + 100_000) order = countingSort(order, (r) => rows.day[r] - minDay, dayRange);
  else order.sort((a, b) => rows.day[a] - rows.day[b] || a - b);
  order = countingSort(order, (r) => rows.item[r], rows.itemCount);
  return countingSort(order, (r) => rows.user[r], rows.users);
}

function countingSort(order: Int32Array, key: (r: number) => number, range: number): Int32Array {
  const start = new Int32Array(range + 1);
  for (let k = 0; k < order.length; k++) start[key(order[k]) + 1]++;
  for (let v = 0; v < range; v++) start[v + 1] += start[v];
  const out = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) out[start[key(order[k])]++] = order[k];
  return out;
}
