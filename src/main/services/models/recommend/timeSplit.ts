import { hasItem, interactionsFromPairs, type Interactions } from './interactions';
import { badInput } from './input';
import { checkRows, pairsOf, type PurchaseRows } from './rows';

/** A split in time: train before the cut-off day, test the products new to each user from the cut-off on. */
export interface TimeSplit {
  /** The rows with day < cutoffDay. */
  train: Interactions;
  /** Per user, the products bought on or after cutoffDay that the user had not bought before it. */
  test: Interactions;
  /** The users with at least one test product, ascending: the ones evaluated. */
  users: Int32Array;
  /** 1 for the rows before the cut-off. */
  trainRow: Uint8Array;
  cutoffDay: number;
}

/** Splits at cutoffDay: rows with day < cutoffDay train; from cutoffDay on, only products new to the user count as test items. */
export function timeSplit(rows: PurchaseRows, cutoffDay: number): TimeSplit {
  checkRows(rows);
  if (!Number.isFinite(cutoffDay)) throw badInput(`The cut-off day must be a finite day number; got ${cutoffDay}.`);
  const n = rows.user.length;
  const trainRow = new Uint8Array(n);
  for (let r = 0; r < n; r++) trainRow[r] = rows.day[r] < cutoffDay ? 1 : 0;
  const pairs = pairsOf(rows, trainRow);
  const train = interactionsFromPairs(rows.users, rows.itemCount, pairs.user, pairs.item);
  const testRow = new Uint8Array(n);
  for (let r = 0; r < n; r++) testRow[r] = !trainRow[r] && !hasItem(train, rows.user[r], rows.item[r]) ? 1 : 0;
  const later = pairsOf(rows, testRow);
  const test = interactionsFromPairs(rows.users, rows.itemCount, later.user, later.item);
  let evaluated = 0;
  for (let u = 0; u < rows.users; u++) if (test.offsets[u + 1] > test.offsets[u]) evaluated++;
  const users = new Int32Array(evaluated);
  for (let u = 0, k = 0; u < rows.users; u++) if (test.offsets[u + 1] > test.offsets[u]) users[k++] = u;
  return { train, test, users, trainRow, cutoffDay };
}
