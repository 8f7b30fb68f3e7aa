/**
 * Adam (Kingma & Ba 2015) in the form TF.js's tf.train.adam computes:
 *   m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²,  w ← w − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)
 * with t the optimizer's global step (1 on the first). `decay` adds decay·w to each gradient
 * (an L2 term λ‖w‖² in the loss is decay = 2λ).
 */
export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const ADAM_DEFAULTS: AdamSettings = { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** Dense Adam: every weight of a tensor moves every step (the towers' kernels and biases). */
export class DenseAdam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;

  constructor(size: number) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  step(w: Float32Array, g: Float64Array, t: number, o: AdamSettings, decay = 0): void {
    const { m, v } = this;
    const { beta1, beta2, epsilon } = o;
    const c1 = 1 / (1 - Math.pow(beta1, t));
    const c2 = 1 / (1 - Math.pow(beta2, t));
    const lr = o.learningRate;
    for (let k = 0; k < w.length; k++) {
      const gk = g[k] + decay * w[k];
      const mk = (m[k] = beta1 * m[k] + (1 - beta1) * gk);
      const vk = (v[k] = beta2 * v[k] + (1 - beta2) * gk * gk);
      w[k] -= (lr * mk * c1) / (Math.sqrt(vk * c2) + epsilon);
    }
  }
}

/**
 * How RowAdam treats the steps a row sat out. 'catchUp' (default): when a row comes back after k
 * steps without gradient, it first takes, in closed form, the k moves dense Adam would have made on
 * momentum alone (w −= lr·Σ_j a(t₀+j)·rʲ · m/√v, r = β1/√β2, a(τ) = √(1−β2^τ)/(1−β1^τ)) and decays
 * its moments by β1ᵏ, β2ᵏ; the result equals Keras' dense Adam on the whole table up to ε in
 * those moves. 'lazy': the row's moments just wait (TensorFlow's LazyAdamOptimizer, PyTorch's
 * SparseAdam). The two differ a lot on NCF: a row seen every k steps keeps a dense-Adam second
 * moment about k times smaller, so dense Adam moves it about √k times further per appearance
 * (k ≈ 25 for a typical MovieLens-1M user or item at batch 256).
 */
export type RowAdamMode = 'catchUp' | 'lazy';

/** Bias-correction factors a(τ) are tabled for τ < TABLE; beyond, a(τ) is taken as constant over a gap. */
const TABLE = 10_000;
/** Terms of the catch-up sum kept: r^300 < 10⁻¹³ at the default betas. */
const MAX_TERMS = 300;

/**
 * Adam for an embedding table of rows × dim whose step touches only the rows the batch used: cost
 * O(batch·dim) per step instead of O((users+items)·dim), about 20× less at batch 256 on
 * MovieLens-1M. State per row: m and v per weight and the step it was last updated.
 */
export class RowAdam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private readonly last: Int32Array;
  private table: Float64Array | null = null;
  private tableBetas = '';

  constructor(
    rows: number,
    private readonly dim: number,
    readonly mode: RowAdamMode = 'catchUp',
  ) {
    this.m = new Float32Array(rows * dim);
    this.v = new Float32Array(rows * dim);
    this.last = new Int32Array(dim ? rows : 0);
  }

  /** Row rows[k] (k < count) takes gradient g[k·dim .. (k+1)·dim) at global step t (1-based, increasing). */
  step(w: Float32Array, rows: Int32Array, count: number, g: Float64Array, t: number, o: AdamSettings, decay = 0): void {
    const { m, v, dim, last } = this;
    if (dim === 0) return;
    const { beta1, beta2, epsilon } = o;
    const c1 = 1 / (1 - Math.pow(beta1, t));
    const c2 = 1 / (1 - Math.pow(beta2, t));
    const lr = o.learningRate;
    const catchUp = this.mode === 'catchUp';
    for (let k = 0; k < count; k++) {
      const row = rows[k];
      // The steps this row sat out (t₀+1 .. t−1), folded into this step's pass over the row.
      const from = last[row];
      const gap = t - 1 - from;
      let coef = 0;
      let d1 = 1;
      let d2 = 1;
      if (catchUp && from > 0 && gap > 0) {
        coef = lr * this.momentumSum(from, gap, beta1, beta2);
        d1 = Math.pow(beta1, gap);
        d2 = Math.pow(beta2, gap);
      }
      last[row] = t;
      const base = row * dim;
      const gb = k * dim;
      for (let f = 0; f < dim; f++) {
        const p = base + f;
        let wp = w[p];
        const m0 = m[p];
        const v0 = v[p];
        if (coef !== 0 && v0 > 0) wp -= (coef * m0) / (Math.sqrt(v0) + epsilon);
        const gk = g[gb + f] + decay * wp;
        const mk = (m[p] = beta1 * d1 * m0 + (1 - beta1) * gk);
        const vk = (v[p] = beta2 * d2 * v0 + (1 - beta2) * gk * gk);
        w[p] = wp - (lr * mk * c1) / (Math.sqrt(vk * c2) + epsilon);
      }
    }
  }

  /**
   * Brings every row up to step t as dense Adam would have left it (no-op for 'lazy'): called
   * before the weights are read (evaluation, saving) so untouched rows carry their momentum moves.
   */
  settle(w: Float32Array, t: number, o: AdamSettings): void {
    if (this.mode !== 'catchUp' || this.dim === 0) return;
    for (let row = 0; row < this.last.length; row++) {
      if (this.last[row] > 0 && this.last[row] < t) {
        this.catchUp(w, row, t, o);
        this.last[row] = t;
      }
    }
  }

  /** Applies the zero-gradient steps last[row]+1 .. upTo to one row. */
  private catchUp(w: Float32Array, row: number, upTo: number, o: AdamSettings): void {
    const from = this.last[row];
    const k = upTo - from;
    if (from === 0 || k <= 0) return;
    const { m, v, dim } = this;
    const { beta1, beta2, epsilon } = o;
    const coef = o.learningRate * this.momentumSum(from, k, beta1, beta2);
    const d1 = Math.pow(beta1, k);
    const d2 = Math.pow(beta2, k);
    for (let p = row * dim, end = p + dim; p < end; p++) {
      const m0 = m[p];
      const v0 = v[p];
      if (v0 > 0) w[p] -= (coef * m0) / (Math.sqrt(v0) + epsilon);
      m[p] = m0 * d1;
      v[p] = v0 * d2;
    }
  }

  /** Σ_{j=1..k} a(from+j)·rʲ. */
  private momentumSum(from: number, k: number, beta1: number, beta2: number): number {
    const r = beta1 / Math.sqrt(beta2);
    if (from + 1 >= TABLE) {
      // a(τ) is all but constant this far in: take it at the first missed step.
      const a = Math.sqrt(1 - Math.pow(beta2, from + 1)) / (1 - Math.pow(beta1, from + 1));
      return (a * r * (1 - Math.pow(r, k))) / (1 - r);
    }
    const table = this.biasTable(beta1, beta2);
    let sum = 0;
    let rj = 1;
    for (let j = 1, n = Math.min(k, MAX_TERMS); j <= n; j++) {
      rj *= r;
      const tau = from + j;
      sum += (tau < TABLE ? table[tau] : 1) * rj;
    }
    return sum;
  }

  private biasTable(beta1: number, beta2: number): Float64Array {
    const key = `${beta1},${beta2}`;
    if (!this.table || this.tableBetas !== key) {
      const table = new Float64Array(TABLE);
      let p1 = 1;
      let p2 = 1;
      for (let tau = 1; tau < TABLE; tau++) {
        p1 *= beta1;
        p2 *= beta2;
        table[tau] = Math.sqrt(1 - p2) / (1 - p1);
      }
      this.table = table;
      this.tableBetas = key;
    }
    return this.table;
  }
}
