import type { Interactions } from './interactions';

/** The same pairs by item: row i lists the users who bought item i, ascending (a counting sort, O(pairs)). */
export function transpose(data: Interactions): Interactions {
  const offsets = new Int32Array(data.itemCount + 1);
  const end = data.offsets[data.users];
  for (let k = 0; k < end; k++) offsets[data.items[k] + 1]++;
  for (let i = 0; i < data.itemCount; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, data.itemCount);
  const users = new Int32Array(end);
  for (let u = 0; u < data.users; u++) {
    for (let k = data.offsets[u]; k < data.offsets[u + 1]; k++) users[fill[data.items[k]]++] = u;
  }
  return { users: data.itemCount, itemCount: data.users, offsets, items: users };
}
