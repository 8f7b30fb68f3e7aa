import { rngFor } from '../../generator/random';
import { pairCount, sampleNegatives, type Interactions } from '../recommend/interactions';

/** One epoch's training samples: every train pair (label 1) followed by its negatives (label 0), shuffled. */
export interface EpochInstances {
  users: Int32Array;
  items: Int32Array;
  labels: Uint8Array;
  length: number;
}

/** Room for one epoch of `data` at `negatives` per positive (reused every epoch). */
export function allocateInstances(data: Interactions, negatives: number): EpochInstances {
  const length = pairCount(data) * (1 + negatives);
  return { users: new Int32Array(length), items: new Int32Array(length), labels: new Uint8Array(length), length };
}

/**
 * Fills `into` for epoch `epoch`: each train pair, then `negatives` items drawn uniformly from those
 * the user has not interacted with in train (redrawn every epoch, with replacement across draws, as
 * NCF does), then a Fisher–Yates shuffle of the whole epoch. Both draws come from the seed
 * (streams 'ncf-negatives' and 'ncf-shuffle', index = epoch), so an epoch is reproducible alone.
 */
export function fillEpochInstances(data: Interactions, negatives: number, seed: number, epoch: number, into: EpochInstances): void {
  const { users, items, labels } = into;
  const negRng = rngFor(seed, 'ncf-negatives', epoch);
  let at = 0;
  for (let u = 0; u < data.users; u++) {
    for (let p = data.offsets[u], end = data.offsets[u + 1]; p < end; p++) {
      users[at] = u;
      items[at] = data.items[p];
      labels[at] = 1;
      at++;
      if (negatives > 0) {
        sampleNegatives(data, u, negatives, negRng, items, at);
        users.fill(u, at, at + negatives);
        labels.fill(0, at, at + negatives);
        at += negatives;
      }
    }
  }
  const rng = rngFor(seed, 'ncf-shuffle', epoch);
  for (let k = into.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    const u = users[k];
    users[k] = users[j];
    users[j] = u;
    const i = items[k];
    items[k] = items[j];
    items[j] = i;
    const y = labels[k];
    labels[k] = labels[j];
    labels[j] = y;
  }
}
