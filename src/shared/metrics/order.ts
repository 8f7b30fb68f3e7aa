import type { Scores } from './input';

/** Sample indices by score, highest first; equal scores keep their original index order, so the order is deterministic. */
export function byScoreDescending(scores: Scores): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[b] - scores[a] || a - b);
}
