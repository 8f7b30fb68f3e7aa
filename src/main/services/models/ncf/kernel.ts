import type { SideFeatures } from '../recommend/sideFeatures';
import { accumulateOuter, accumulateProduct, activations } from './matmul';
import { EmbeddingLayer } from './embeddingLayer';
import type { DenseGradient, RowGradient } from './gradients';
import { mlpEmbedding, type NcfModel } from './neumf';
import { sideLookup, type NcfSideLookup } from './sideLookup';

export type { DenseGradient, RowGradient } from './gradients';

/**
 * Forward and backward of one batch, fused, with no allocation after construction: gathers the
 * embeddings, runs the towers on feature-major activations (plain double arrays, see matmul.ts), and writes the gradients
 * of the batch's MEAN binary cross-entropy (as Keras and TF.js report it) for every weight. The
 * embedding gradients are summed per distinct row (a user's positive and its negatives share one
 * row), so the optimizer touches each row once. A model with a side part (side.ts) needs the
 * features it was built on: their rows are the MLP tower's input after the id embeddings, and as a
 * field has few values a batch touches few of them, so the first layer projects each distinct side
 * row once (embeddingLayer.ts) instead of per sample: 144 k instead of 105 k samples/s with the
 * sample's 15 fields (183 k without side features; bench/ncfBench.ts).
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
  /** Side tables per sample (T) and each sample's T stacked side rows. */
  private readonly T: number;
  private readonly sampleSideRows: Int32Array;
  /** The first MLP layer's side columns, computed per distinct side row (embeddingLayer.ts); null without side features. */
  private readonly sideLayer: EmbeddingLayer | null;

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
    const sideRows = side ? side.embeddings.length / side.dim : 0;
    // At most min(table rows, samples × tables) distinct side rows in a batch.
    const sideCap = Math.min(sideRows, maxBatch * this.T);
    this.side = side ? { dim: side.dim, rows: new Int32Array(sideCap), count: 0, grad: new Float64Array(sideCap * side.dim) } : null;
    this.sampleSideRows = new Int32Array(maxBatch * this.T);
    // The side columns follow the two id embeddings in the first layer's kernel.
    this.sideLayer = side && this.lookup ? new EmbeddingLayer(this.T, side.dim, sideRows, model.dense[0], maxBatch, 2 * this.E) : null;
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
    // acts[0] holds the id embeddings only: the side rows enter the first layer through sideLayer.
    this.acts = model.layers.map((w) => activations(maxBatch * w));
    this.deltas = model.layers.map((w) => activations(maxBatch * w));
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
        const below = this.deltas[l - 1];
        if (l === 1 && this.sideLayer) {
          // Bias, the side columns' kernel gradient (the rest zeroed) and the side rows' gradients;
          // then the id columns and the id embeddings' gradient as below.
          const ids = 2 * this.E;
          this.sideLayer.backward(model.side!.embeddings, delta, n, grad, this.side!);
          accumulateOuter(delta, layer.nOut, this.acts[0], ids, n, grad.kernel, layer.nIn);
          below.fill(0, 0, ids * n);
          accumulateProduct(layer.kernel, 1, layer.nIn, ids, layer.nOut, delta, below, n);
          continue;
        }
        grad.kernel.fill(0);
        accumulateOuter(delta, layer.nOut, this.acts[l - 1], layer.nIn, n, grad.kernel);
        for (let j = 0; j < layer.nOut; j++) {
          let b = 0;
          for (let s = j * n, end = s + n; s < end; s++) b += delta[s];
          grad.bias[j] = b;
        }
        below.fill(0, 0, layer.nIn * n);
        accumulateProduct(layer.kernel, 1, layer.nIn, layer.nIn, layer.nOut, delta, below, n);
      }
      this.scatterMlp(n);
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
    for (let l = 1; l < L; l++) {
      const layer = model.dense[l - 1];
      const act = this.acts[l];
      if (l === 1 && this.sideLayer) {
        // Bias + the side rows' projections, then the id embeddings' columns added.
        this.sideRows(users, items, start, n);
        this.sideLayer.forward(model.side!.embeddings, this.sampleSideRows, n, act);
        accumulateProduct(layer.kernel, layer.nIn, 1, layer.nOut, 2 * E, this.acts[0], act, n);
      } else {
        for (let j = 0; j < layer.nOut; j++) act.fill(layer.bias[j], j * n, (j + 1) * n);
        accumulateProduct(layer.kernel, layer.nIn, 1, layer.nOut, layer.nIn, this.acts[l - 1], act, n);
      }
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

  /** Each sample's T stacked side rows (user fields, then item fields) into sampleSideRows. */
  private sideRows(users: Int32Array, items: Int32Array, start: number, n: number): void {
    const { T, sampleSideRows: rows } = this;
    const lookup = this.lookup!;
    const Fu = lookup.userFields;
    for (let s = 0; s < n; s++) {
      lookup.userRows(users[start + s], rows, s * T);
      lookup.itemRows(items[start + s], rows, s * T + Fu);
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
