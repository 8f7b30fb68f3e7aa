import { rngFor } from '../../generator/random';
import { hasItem, type Interactions } from './interactions';
import { badInput, checkInteger, checkInteractions } from './input';

/** The evaluation negatives: `count` distinct items per evaluated user, row-major (users.length × count). */
export interface EvaluationNegatives {
  users: Int32Array;
  count: number;
  items: Int32Array;
  seed: number;
}

/** Stream name of the per-user draws: user u draws from rngFor(seed, NEGATIVE_STREAM, u), whatever the other users draw. */
export const NEGATIVE_STREAM = 'recommend.evaluationNegatives';

/**
 * Draws, for each evaluated user, `count` distinct items (49 or 99 in the NCF protocol) uniformly among
 * the items the user never bought: neither in train nor the held-out item. Drawn once per split and
 * given to every model, so all are ranked against the same candidates. Reproducible from the seed.
 */
export function sampleEvaluationNegatives(
  train: Interactions,
  heldOut: { users: Int32Array; heldOut: Int32Array },
  count: number,
  seed: number,
): EvaluationNegatives {
  checkInteractions(train);
  checkInteger('The number of negatives', count, 1);
  checkInteger('The negative-sampling seed', seed, 0);
  const { users } = heldOut;
  if (heldOut.heldOut.length !== users.length) throw badInput(`The split has ${users.length} users but ${heldOut.heldOut.length} held-out items.`);
  const items = new Int32Array(users.length * count);
  const pool = new Int32Array(train.itemCount);
  for (let k = 0; k < users.length; k++) {
    const u = users[k];
    const positive = heldOut.heldOut[k];
    const bought = train.offsets[u + 1] - train.offsets[u] + (hasItem(train, u, positive) ? 0 : 1);
    const free = train.itemCount - bought;
    if (free < count) throw badInput(`User ${u} has bought ${bought} of ${train.itemCount} items, leaving ${free} to draw ${count} negatives from; use fewer negatives.`);
    const rng = rngFor(seed, NEGATIVE_STREAM, u);
    const at = k * count;
    if (free >= 2 * count) {
      // Rejection: most draws land on a free item, and a repeat is found by scanning the ≤ 99 drawn so far.
      for (let d = 0; d < count; ) {
        const i = rng.int(train.itemCount);
        if (i === positive || hasItem(train, u, i)) continue;
        let repeat = false;
        for (let e = at; e < at + d && !repeat; e++) repeat = items[e] === i;
        if (!repeat) items[at + d++] = i;
      }
    } else {
      // Few free items: list them and take a partial Fisher–Yates shuffle.
      let m = 0;
      for (let i = 0; i < train.itemCount; i++) if (i !== positive && !hasItem(train, u, i)) pool[m++] = i;
      for (let d = 0; d < count; d++) {
        const j = d + rng.int(m - d);
        const t = pool[j];
        pool[j] = pool[d];
        pool[d] = t;
        items[at + d] = t;
      }
    }
  }
  return { users, count, items, seed };
}
