import { pick, type Rng } from './random';

/**
 * A customer's repertoire at one chain: the products they come back to, each with a weight and the
 * day it was last bought. It starts as a taste-weighted set and grows as new products are bought
 * during the year (fresh draws, promotions, complements). Arrays grow by doubling; `cum` is the
 * running sum of the weights, so adding is O(1) and drawing is a binary search.
 */
export class Repertoire {
  items: Int32Array;
  weight: Float64Array;
  cum: Float64Array;
  last: Float64Array;
  n = 0;
  /** How due the item drawn by the last pickDue was (its readiness, 0 … 1). */
  picked = 0;
  private due: Float64Array;

  constructor(capacity: number) {
    const size = Math.max(4, capacity);
    this.items = new Int32Array(size);
    this.weight = new Float64Array(size);
    this.cum = new Float64Array(size);
    this.last = new Float64Array(size);
    this.due = new Float64Array(size);
  }

  /** Adds a product with its weight and last-bought day; returns its index. */
  add(product: number, weight: number, lastDay: number): number {
    if (this.n === this.items.length) {
      const size = this.items.length * 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.items = grow(this.items, new Int32Array(size));
      this.weight = grow(this.weight, new Float64Array(size));
      this.cum = grow(this.cum, new Float64Array(size));
      this.last = grow(this.last, new Float64Array(size));
      this.due = new Float64Array(size);
    }
    const k = this.n++;
    const w = Math.max(0, weight);
    this.items[k] = product;
    this.weight[k] = w;
    this.cum[k] = (k > 0 ? this.cum[k - 1] : 0) + w;
    this.last[k] = lastDay;
    return k;
  }

  /**
   * An index drawn ∝ weight × readiness, readiness = min(1, days since the last purchase / (interval × cycle)) ^ power
   * (never-bought items are ready); -1 when nothing is ready at all. Sets `picked` to the drawn item's readiness.
   */
  pickDue(rng: Rng, day: number, interval: Float64Array, cycle: number, power: number): number {
    let due = 0;
    for (let k = 0; k < this.n; k++) {
      const ratio = (day - this.last[k]) / (interval[this.items[k]] * cycle);
      const ready = ratio >= 1 ? 1 : ratio <= 0 ? 0 : power === 2 ? ratio * ratio : Math.pow(ratio, power);
      due += this.weight[k] * ready;
      this.due[k] = due;
    }
    if (!(due > 0)) return -1;
    const r = pick(this.due, rng.next(), this.n);
    this.picked = (this.due[r] - (r > 0 ? this.due[r - 1] : 0)) / this.weight[r];
    return r;
  }

  /** An index drawn by weight, or -1 when the repertoire is empty. */
  pick(rng: Rng): number {
    return pick(this.cum, rng.next(), this.n);
  }
}
