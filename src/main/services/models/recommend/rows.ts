import { badInput, checkInteger } from './input';

/**
 * Purchase rows as parallel columns: row r is customer user[r] buying product item[r] on day day[r]
 * (a whole day number). Users and items are dense indices 0..users−1 and 0..itemCount−1, as in
 * Interactions. A product bought several times has several rows.
 */
export interface PurchaseRows {
  users: number;
  itemCount: number;
  user: Int32Array;
  item: Int32Array;
  day: Int32Array;
}

export function checkRows(rows: PurchaseRows): void {
  checkInteger('The purchase rows: users', rows.users, 0);
  checkInteger('The purchase rows: itemCount', rows.itemCount, 1);
  const n = rows.user.length;
  if (rows.item.length !== n || rows.day.length !== n) {
    throw badInput(`The purchase rows' columns differ in length: user ${n}, item ${rows.item.length}, day ${rows.day.length}.`);
  }
  for (let r = 0; r < n; r++) {
    const u = rows.user[r];
    const i = rows.item[r];
    if (u < 0 || u >= rows.users) throw badInput(`Purchase row ${r} has user ${u}, outside 0..${rows.users - 1}.`);
    if (i < 0 || i >= rows.itemCount) throw badInput(`Purchase row ${r} has item ${i}, outside 0..${rows.itemCount - 1}.`);
  }
}

/** Row indices grouped by user (0..users−1), keeping the input order inside each user: rows of user u are order[start[u] .. start[u+1]). */
export function rowsByUser(rows: PurchaseRows, include?: Uint8Array): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(rows.users + 1);
  const n = rows.user.length;
  for (let r = 0; r < n; r++) if (!include || include[r]) start[rows.user[r] + 1]++;
  for (let u = 0; u < rows.users; u++) start[u + 1] += start[u];
  const fill = start.slice(0, rows.users);
  const order = new Int32Array(start[rows.users]);
  for (let r = 0; r < n; r++) if (!include || include[r]) order[fill[rows.user[r]]++] = r;
  return { start, order };
}

/** The (user, item) pairs of the rows that `include` marks (all rows without it), one per row; repeats are for interactionsFromPairs to drop. */
export function pairsOf(rows: PurchaseRows, include?: Uint8Array): { user: Int32Array; item: Int32Array } {
  if (!include) return { user: rows.user, item: rows.item };
  let n = 0;
  for (let r = 0; r < include.length; r++) n += include[r];
  const user = new Int32Array(n);
  const item = new Int32Array(n);
  let k = 0;
  for (let r = 0; r < include.length; r++) {
    if (!include[r]) continue;
    user[k] = rows.user[r];
    item[k++] = rows.item[r];
  }
  return { user, item };
}
