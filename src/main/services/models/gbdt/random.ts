/** Seeded randomness for row and column draws: the same seed gives the same stream on every machine. */
import { mulberry32 } from '../../../../shared/metrics/random';

/** mulberry32 (the one in src/shared/metrics): a 32-bit state generator, uniform in [0, 1). Fast and plenty for sampling. */
export const seededRandom = mulberry32;

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
