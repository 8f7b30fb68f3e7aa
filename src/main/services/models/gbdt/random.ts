/** Seeded randomness for row and column draws: the same seed gives the same stream on every machine. */

/** mulberry32: a 32-bit state generator, uniform in [0, 1). Fast and plenty for sampling. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Exactly k of 0..n-1 without replacement, written in increasing order to out (Knuth's selection
 * sampling, one pass): increasing order keeps the histogram loops walking memory forwards.
 */
export function sampleSorted(n: number, k: number, random: () => number, out: Int32Array): void {
  let needed = k;
  let w = 0;
  for (let i = 0; i < n && needed > 0; i++) {
    if (random() * (n - i) < needed) {
      out[w++] = i;
      needed--;
    }
  }
}
