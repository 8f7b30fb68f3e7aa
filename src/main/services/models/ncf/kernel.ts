import type { SideFeatures } from '../recommend/sideFeatures';
import { accumulateOuter, accumulateProduct, activations } from './matmul';
import { mlpEmbedding, mlpInputWidth, type NcfModel } from './neumf';
import { sideLookup, type NcfSideLookup } from './side';

/** Gradients of one dense layer (same layouts as the layer). */
export interface DenseGradient {
  kernel: Float64Array;
  bias: Float64Array;
}

/**
 * Gradients of an embedding table for the rows one batch touched: row `rows[k]` (k < count) has
 * gradient grad[k·dim .. (k+1)·dim). Rows the batch did not touch have zero gradient.
 */
export interface RowGradient {
  dim: number;
  rows: Int32Array;
  count: number;
  grad: Float64Array;
}

/**
 * Forward and backward of one batch, fused, with no allocation after construction: gathers the
 * embeddings, runs the towers on feature-major activations (plain double arrays, see matmul.ts), and writes the gradients
 * of the batch's MEAN binary cross-entropy (as Keras and TF.js report it) for every weight. The
 * embedding gradients are summed per distinct row (a user's positive and its negatives share one
 * row), so the optimizer touches each row once. A model with a side part (side.ts) needs the
 * features it was built on: their rows are gathered after the id embeddings in the MLP tower's input
 * and get summed row gradients the same way (a field has few values, so a batch touches few rows).
 */
export class NcfKernel {
  readonly dense: DenseGradient[];
  readonly output: DenseGradient;
  readonly gmfUser: RowGradient;
  readonly gmfItem: RowGradient;
  readonly mlpUser: RowGradient;
  readonly mlpItem: RowGradient;
  /** Rows of the stacked side tables (NcfModel.side.embeddings) the batch touched; null without a side part. */
  readonly side: RowGradient | null;

  private readonly F: number;
  private readonly E: number;
  /** acts[0] is the concatenated MLP embedding, acts[l] the l-th ReLU layer's output (feature-major). */
  private readonly acts: number[][];
  /** Gradients w.r.t. acts[l] (then w.r.t. the pre-activation, in place). */
  private readonly deltas: number[][];
  private readonly gmf: number[];
  private readonly logit: number[];
  private readonly userSlot: Int32Array;
  private readonly itemSlot: Int32Array;
  /** Per sample, its user's and item's row slot in this batch. */
  private readonly sampleUserSlot: Int32Array;
  private readonly sampleItemSlot: Int32Array;
  private readonly lookup: NcfSideLookup | null;
  /** Side tables per sample (T), their width, and each sample's T stacked rows (forward) and row slots (backward). */
  private readonly T: number;
  private readonly sideDim: number;
  private readonly sampleSideRows: Int32Array;
  private readonly sampleSideSlot: Int32Array;
  private readonly sideSlot: Int32Array;

  constructor(
    private readonly model: NcfModel,
    readonly maxBatch: number,
    features?: SideFeatures,
  ) {
    this.F = model.factors;
    this.E = mlpEmbedding(model);
    this.lookup = sideLookup(model, features, 'scoring or training it');
    const side = model.side;
    this.T = this.lookup ? this.lookup.tables : 0;
    this.sideDim = side ? side.dim : 0;
    const sideRows = side ? side.embeddings.length / side.dim : 0;
    // At most min(table rows, samples × tables) distinct side rows in a batch.
    const sideCap = Math.min(sideRows, maxBatch * this.T);
    this.side = side ? { dim: side.dim, rows: new Int32Array(sideCap), count: 0, grad: new Float64Array(sideCap * side.dim) } : null;
    this.sampleSideRows = new Int32Array(maxBatch * this.T);
    this.sampleSideSlot = new Int32Array(maxBatch * this.T);
    this.sideSlot = new Int32Array(sideRows).fill(-1);
    this.dense = model.dense.map((l) => ({ kernel: new Float64Array(l.kernel.length), bias: new Float64Array(l.nOut) }));
    this.output = { kernel: new Float64Array(model.output.kernel.length), bias: new Float64Array(1) };
    // Both towers see the same rows: a side's two tables share one row list.
    const userRows = new Int32Array(maxBatch);
    const itemRows = new Int32Array(maxBatch);
    const table = (dim: number, rows: Int32Array): RowGradient => ({ dim, rows, count: 0, grad: new Float64Array(maxBatch * dim) });
    this.gmfUser = table(this.F, userRows);
    this.gmfItem = table(this.F, itemRows);
    this.mlpUser = table(this.E, userRows);
    this.mlpItem = table(this.E, itemRows);
    // acts[0] holds the MLP tower's whole input: the id embeddings, then the side rows.
    const widths = model.layers.map((w, l) => (l === 0 ? mlpInputWidth(model) : w));
    this.acts = widths.map((w) => activations(maxBatch * w));
    this.deltas = widths.map((w) => activations(maxBatch * w));
    this.gmf = activations(maxBatch * this.F);
    this.logit = activations(maxBatch);
    this.userSlot = new Int32Array(model.users).fill(-1);
    this.itemSlot = new Int32Array(model.items).fill(-1);
    this.sampleUserSlot = new Int32Array(maxBatch);
    this.sampleItemSlot = new Int32Array(maxBatch);
  }

  /**
   * Forward and backward for samples [start, start+n) of (users, items, labels 0/1): fills the
   * gradient buffers (replacing the last batch's) and returns the batch's SUMMED loss.
   */
  batch(users: Int32Array, items: Int32Array, labels: Uint8Array, start: number, n: number): number {
    if (n > this.maxBatch || n < 1) throw new Error(`NcfKernel.batch: ${n} samples, room for 1..${this.maxBatch}`);
    this.assignSlots(users, items, start, n);
    this.forward(users, items, start, n);
    const { model, F, logit } = this;
    const hasGmf = F > 0;
    const L = model.layers.length;
    const out = model.output.kernel;
    const gOut = this.output.kernel;
    gOut.fill(0);
    // Loss and its gradient at the logit (mean over the batch), written over the logits.
    let loss = 0;
    let gBias = 0;
    for (let s = 0; s < n; s++) {
      const z = logit[s];
      const y = labels[start + s];
      loss += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
      const d = (1 / (1 + Math.exp(-z)) - y) / n;
      logit[s] = d;
      gBias += d;
    }
    this.output.bias[0] = gBias;
    if (hasGmf) this.backwardGmf(users, items, start, n);
    if (L > 0) {
      // The output unit's MLP weights, then down the ReLU layers.
      const last = this.acts[L - 1];
      const width = model.layers[L - 1];
      const dLast = this.deltas[L - 1];
      for (let m = 0; m < width; m++) {
        const w = out[F + m];
        const a = m * n;
        let g = 0;
        for (let s = 0; s < n; s++) {
          const d = logit[s];
          g += d * last[a + s];
          dLast[a + s] = d * w;
        }
        gOut[F + m] = g;
      }
      for (let l = L - 1; l >= 1; l--) {
        const layer = model.dense[l - 1];
        const delta = this.deltas[l];
        const act = this.acts[l];
        const grad = this.dense[l - 1];
        for (let k = 0, size = layer.nOut * n; k < size; k++) if (act[k] <= 0) delta[k] = 0;
        grad.kernel.fill(0);
        accumulateOuter(delta, layer.nOut, this.acts[l - 1], layer.nIn, n, grad.kernel);
        for (let j = 0; j < layer.nOut; j++) {
          let b = 0;
          for (let s = j * n, end = s + n; s < end; s++) b += delta[s];
          grad.bias[j] = b;
        }
        const below = this.deltas[l - 1];
        below.fill(0, 0, layer.nIn * n);
        accumulateProduct(layer.kernel, 1, layer.nIn, layer.nIn, layer.nOut, delta, below, n);
      }
      this.scatterMlp(n);
      if (this.lookup) this.scatterSide(n);
    }
    return loss;
  }

  /** Scores (logits) of the pairs (users[k], items[k]) for k < n, in chunks of maxBatch. */
  logits(users: Int32Array, items: Int32Array, n: number, out: Float32Array | Float64Array): void {
    for (let start = 0; start < n; start += this.maxBatch) {
      const m = Math.min(this.maxBatch, n - start);
      this.forward(users, items, start, m);
      for (let s = 0; s < m; s++) out[start + s] = this.logit[s];
    }
  }

  /** Logits of samples [start, start+n) into this.logit; activations kept for the backward pass. */
  private forward(users: Int32Array, items: Int32Array, start: number, n: number): void {
    const { model, F, E, gmf, logit } = this;
    const out = model.output.kernel;
    const bias = model.output.bias[0];
    for (let s = 0; s < n; s++) logit[s] = bias;
    if (F > 0) {
      const U = model.gmfUser;
      const I = model.gmfItem;
      for (let s = 0; s < n; s++) {
        const u = users[start + s] * F;
        const i = items[start + s] * F;
        let z = 0;
        for (let f = 0; f < F; f++) {
          const v = U[u + f] * I[i + f];
          gmf[f * n + s] = v;
          z += out[f] * v;
        }
        logit[s] += z;
      }
    }
    const L = model.layers.length;
    if (L === 0) return;
    const h0 = this.acts[0];
    const U = model.mlpUser;
    const I = model.mlpItem;
    for (let s = 0; s < n; s++) {
      const u = users[start + s] * E;
      const i = items[start + s] * E;
      for (let k = 0; k < E; k++) {
        h0[k * n + s] = U[u + k];
        h0[(E + k) * n + s] = I[i + k];
      }
    }
    if (this.lookup) this.gatherSide(users, items, start, n);
    for (let l = 1; l < L; l++) {
      const layer = model.dense[l - 1];
      const act = this.acts[l];
      for (let j = 0; j < layer.nOut; j++) act.fill(layer.bias[j], j * n, (j + 1) * n);
      accumulateProduct(layer.kernel, layer.nIn, 1, layer.nOut, layer.nIn, this.acts[l - 1], act, n);
      for (let k = 0, size = layer.nOut * n; k < size; k++) if (act[k] < 0) act[k] = 0;
    }
    const last = this.acts[L - 1];
    for (let m = 0, width = model.layers[L - 1]; m < width; m++) {
      const w = out[F + m];
      const a = m * n;
      for (let s = 0; s < n; s++) logit[s] += w * last[a + s];
    }
  }

  /** Gives each distinct user and item of the batch a row slot; clears the last batch's. */
  private assignSlots(users: Int32Array, items: Int32Array, start: number, n: number): void {
    const { userSlot, itemSlot, sampleUserSlot, sampleItemSlot } = this;
    const ur = this.gmfUser.rows;
    const ir = this.gmfItem.rows;
    for (let k = 0; k < this.gmfUser.count; k++) userSlot[ur[k]] = -1;
    for (let k = 0; k < this.gmfItem.count; k++) itemSlot[ir[k]] = -1;
    let nu = 0;
    let ni = 0;
    for (let s = 0; s < n; s++) {
      const u = users[start + s];
      const i = items[start + s];
      let su = userSlot[u];
      if (su < 0) {
        su = userSlot[u] = nu++;
        ur[su] = u;
      }
      let si = itemSlot[i];
      if (si < 0) {
        si = itemSlot[i] = ni++;
        ir[si] = i;
      }
      sampleUserSlot[s] = su;
      sampleItemSlot[s] = si;
    }
    this.gmfUser.count = this.mlpUser.count = nu;
    this.gmfItem.count = this.mlpItem.count = ni;
    this.gmfUser.grad.fill(0, 0, nu * this.F);
    this.gmfItem.grad.fill(0, 0, ni * this.F);
    this.mlpUser.grad.fill(0, 0, nu * this.E);
    this.mlpItem.grad.fill(0, 0, ni * this.E);
  }

  /** GMF: the output unit's GMF weights and both GMF embedding rows (this.logit holds dLoss/dlogit). */
  private backwardGmf(users: Int32Array, items: Int32Array, start: number, n: number): void {
    const { model, F, gmf, logit, sampleUserSlot, sampleItemSlot } = this;
    const out = model.output.kernel;
    const gOut = this.output.kernel;
    for (let f = 0; f < F; f++) {
      let g = 0;
      for (let s = 0, a = f * n; s < n; s++) g += logit[s] * gmf[a + s];
      gOut[f] = g;
    }
    const U = model.gmfUser;
    const I = model.gmfItem;
    const gU = this.gmfUser.grad;
    const gI = this.gmfItem.grad;
    for (let s = 0; s < n; s++) {
      const d = logit[s];
      const u = users[start + s] * F;
      const i = items[start + s] * F;
      const su = sampleUserSlot[s] * F;
      const si = sampleItemSlot[s] * F;
      for (let f = 0; f < F; f++) {
        const e = d * out[f];
        gU[su + f] += e * I[i + f];
        gI[si + f] += e * U[u + f];
      }
    }
  }

  /** Each sample's side rows into acts[0] after the id embeddings (rows 2E + t·dim + c for table t). */
  private gatherSide(users: Int32Array, items: Int32Array, start: number, n: number): void {
    const { T, sideDim: dim, sampleSideRows: rows } = this;
    const lookup = this.lookup!;
    const Fu = lookup.userFields;
    const emb = this.model.side!.embeddings;
    const h0 = this.acts[0];
    const base = 2 * this.E * n;
    for (let s = 0; s < n; s++) {
      const at = s * T;
      lookup.userRows(users[start + s], rows, at);
      lookup.itemRows(items[start + s], rows, at + Fu);
      for (let t = 0; t < T; t++) {
        const e = rows[at + t] * dim;
        for (let c = 0, p = base + t * dim * n + s; c < dim; c++, p += n) h0[p] = emb[e + c];
      }
    }
  }

  /** The gradient w.r.t. the side rows of acts[0], summed into one slot per distinct row the batch touched. */
  private scatterSide(n: number): void {
    const { T, sideDim: dim, sampleSideRows: rows, sampleSideSlot, sideSlot } = this;
    const g = this.side!;
    for (let k = 0; k < g.count; k++) sideSlot[g.rows[k]] = -1;
    let count = 0;
    for (let p = 0, end = n * T; p < end; p++) {
      const r = rows[p];
      let slot = sideSlot[r];
      if (slot < 0) {
        slot = sideSlot[r] = count++;
        g.rows[slot] = r;
        g.grad.fill(0, slot * dim, (slot + 1) * dim);
      }
      sampleSideSlot[p] = slot;
    }
    g.count = count;
    const d0 = this.deltas[0];
    const base = 2 * this.E * n;
    const grad = g.grad;
    for (let s = 0; s < n; s++) {
      for (let t = 0; t < T; t++) {
        const slot = sampleSideSlot[s * T + t] * dim;
        for (let c = 0, p = base + t * dim * n + s; c < dim; c++, p += n) grad[slot + c] += d0[p];
      }
    }
  }

  /** The gradient w.r.t. the concatenated MLP embedding, summed into each row's slot. */
  private scatterMlp(n: number): void {
    const { E, sampleUserSlot, sampleItemSlot } = this;
    const d0 = this.deltas[0];
    const gU = this.mlpUser.grad;
    const gI = this.mlpItem.grad;
    for (let s = 0; s < n; s++) {
      const su = sampleUserSlot[s] * E;
      const si = sampleItemSlot[s] * E;
      for (let k = 0; k < E; k++) {
        gU[su + k] += d0[k * n + s];
        gI[si + k] += d0[(E + k) * n + s];
      }
    }
  }
}
