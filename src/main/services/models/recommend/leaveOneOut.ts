import { interactionsFromPairs, type Interactions } from './interactions';
import { badInput } from './input';
import { checkRows, pairsOf, rowsByUser, type PurchaseRows } from './rows';

/** A leave-one-out split: each evaluated user's last distinct product held out, everything else in train. */
export interface LeaveOneOut {
  /** Every row but the held-out products' rows (users with one product keep it here: they train, they are not evaluated). */
  train: Interactions;
  /** The evaluated users, ascending. */
  users: Int32Array;
  /** heldOut[k] is the product held out for users[k]. */
  heldOut: Int32Array;
  /** 1 for the rows in train, 0 for the held-out products' rows. */
  trainRow: Uint8Array;
  /** Users with exactly one distinct product: not evaluated. */
  skippedUsers: number;
  /** Users with no row at all: not evaluated. */
  emptyUsers: number;
}

/**
 * Holds out each user's last distinct product: the product whose first purchase comes last. The rows
 * must be in time order within each user (days never decrease); products first bought on the same
 * day are told apart by row order, so the one whose first row comes last is held out (input in
 * purchase order gives the truly last one). Users with fewer than two distinct products are not
 * evaluated and are counted.
 */
export function leaveOneOut(rows: PurchaseRows): LeaveOneOut {
  checkRows(rows);
  const { start, order } = rowsByUser(rows);
  const seenBy = new Int32Array(rows.itemCount).fill(-1);
  const held = new Int32Array(rows.users).fill(-1);
  let evaluated = 0;
  let skippedUsers = 0;
  let emptyUsers = 0;
  for (let u = 0; u < rows.users; u++) {
    let distinct = 0;
    let last = -1;
    for (let k = start[u]; k < start[u + 1]; k++) {
      const r = order[k];
      if (k > start[u] && rows.day[r] < rows.day[order[k - 1]]) {
        throw badInput(`The purchase rows of user ${u} are not in time order (row ${r} on day ${rows.day[r]} follows day ${rows.day[order[k - 1]]}); sort the rows by day first.`);
      }
      const i = rows.item[r];
      if (seenBy[i] !== u) {
        seenBy[i] = u;
        distinct++;
        last = i;
      }
    }
    if (distinct >= 2) {
      held[u] = last;
      evaluated++;
    } else if (distinct === 1) skippedUsers++;
    else emptyUsers++;
  }
  const trainRow = new Uint8Array(rows.user.length);
  for (let r = 0; r < trainRow.length; r++) trainRow[r] = rows.item[r] === held[rows.user[r]] ? 0 : 1;
  const users = new Int32Array(evaluated);
  const heldOut = new Int32Array(evaluated);
  for (let u = 0, k = 0; u < rows.users; u++) {
    if (held[u] < 0) continue;
    users[k] = u;
    heldOut[k++] = held[u];
  }
  const pairs = pairsOf(rows, trainRow);
  const train = interactionsFromPairs(rows.users, rows.itemCount, pairs.user, pairs.item);
  return { train, users, heldOut, trainRow, skippedUsers, emptyUsers };
}
