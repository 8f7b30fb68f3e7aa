/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007), greedy as scikit-learn: each new centre is the best
 * of 2 + ⌊ln k⌋ candidates drawn with probability ∝ D² (squared distance to the nearest centre chosen
 * so far), "best" being the one that lowers the potential Σ D² most. A running D² array is kept, so
 * each candidate costs one pass over the rows.
 */
import { squaredDistance, squaredUpTo } from './nearest';

/** Writes k starting centroids (rows of x) into `centroids` (k × d). x must hold at least k distinct rows. */
export function kmeansPlusPlus(x: Float64Array, n: number, d: number, k: number, random: () => number, centroids: Float64Array): void {
  const trials = 2 + Math.floor(Math.log(k));
  let closest = new Float64Array(n);
  const candidates = Array.from({ length: trials }, () => new Float64Array(n));
  const chosen: number[] = [];

  const first = Math.min(n - 1, Math.floor(random() * n));
  chosen.push(first);
  centroids.set(x.subarray(first * d, first * d + d), 0);
  let potential = 0;
  for (let i = 0; i < n; i++) potential += closest[i] = squaredDistance(x, i, x, first, d);

  for (let c = 1; c < k; c++) {
    let bestTrial = -1;
    let bestPotential = Infinity;
    let bestRow = -1;
    for (let t = 0; t < trials; t++) {
      const row = potential > 0 ? drawByWeight(closest, n, random() * potential) : firstNew(x, n, d, chosen);
      const out = candidates[t];
      let p = 0;
      const rb = row * d;
      for (let i = 0; i < n; i++) {
        // Measured only as far as it can beat the current D² (most rows stay with their centre).
        const s = squaredUpTo(x, i * d, x, rb, d, closest[i]);
        const m = s < closest[i] ? s : closest[i];
        out[i] = m;
        p += m;
      }
      if (p < bestPotential) {
        bestPotential = p;
        bestTrial = t;
        bestRow = row;
      }
    }
    // Swap the winner's D² in as the running one; the old array becomes that trial's scratch.
    const next = candidates[bestTrial];
    candidates[bestTrial] = closest;
    closest = next;
    potential = bestPotential;
    chosen.push(bestRow);
    centroids.set(x.subarray(bestRow * d, bestRow * d + d), c * d);
  }
}

/** The first row whose running weight sum passes r (rows of weight 0 are never drawn). */
function drawByWeight(weights: Float64Array, n: number, r: number): number {
  let acc = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w > 0) {
      acc += w;
      last = i;
      if (acc > r) return i;
    }
  }
  return last; // rounding left r at the very end
}

/**
 * Every D² is 0 yet a centre is still wanted: the remaining distinct rows lie so close to the chosen
 * ones that the squares underflow. Take the first row equal to no chosen row.
 */
function firstNew(x: Float64Array, n: number, d: number, chosen: number[]): number {
  for (let i = 0; i < n; i++) {
    let isNew = true;
    for (const j of chosen) {
      let same = true;
      for (let f = 0; f < d && same; f++) same = x[i * d + f] === x[j * d + f];
      if (same) {
        isNew = false;
        break;
      }
    }
    if (isNew) return i;
  }
  return 0; // unreachable when x holds k distinct rows (checked before seeding)
}
