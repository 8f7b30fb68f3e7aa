import type { DenseGradient, RowGradient } from '../ncf/kernel';
import { accumulateOuter, accumulateProduct } from '../ncf/matmul';
import { EmbeddingLayer } from '../ncf/embeddingLayer';
import type { FeatureLookup } from './lookup';
import type { WideDeepModel } from './model';

/**
 * Forward and backward of one batch, fused, with no allocation after construction (the NeuMF
 * kernel's design, ncf/kernel.ts): looks up each pair's embedding rows and wide weights, runs the
 * first deep layer per distinct embedding row (embeddingLayer.ts) and the others on feature-major
 * activations (ncf/matmul.ts), and writes the gradients of the batch's MEAN binary cross-entropy for
 * every weight. Embedding rows and wide weights get one summed gradient per distinct row the batch
 * touched, so the optimizer visits each once.
 */
export class WideDeepKernel {
  readonly dense: DenseGradient[];
  readonly output: DenseGradient;
  /** Rows of the stacked embedding tables (WideDeepModel.embeddings) the batch touched. */
  readonly embedding: RowGradient;
  /** Wide weights the batch touched (rows of width 1 of WideDeepModel.wide). */
  readonly wide: RowGradient;

  private readonly T: number;
  private readonly K: number;
  private readonly first: EmbeddingLayer;
  /** acts[l]: the (l+1)-th ReLU layer's output, feature-major (hidden[l] rows of n). */
  private readonly acts: Float64Array[];
  private readonly deltas: Float64Array[];
  private readonly logit: Float64Array;
  /** Per sample, its T stacked embedding rows and K wide indices. */
  private readonly sampleRows: Int32Array;
  private readonly sampleWide: Int32Array;
  private readonly wideSlot: Int32Array;

  constructor(
    private readonly model: WideDeepModel,
    private readonly lookup: FeatureLookup,
    readonly maxBatch: number,
  ) {
    const { dim, hidden } = model;
    if (hidden.length < 1) throw new Error('WideDeepKernel: the deep part needs at least one hidden layer');
    this.T = lookup.tables;
    this.K = lookup.wideTerms;
    this.first = new EmbeddingLayer(this.T, dim, model.embeddings.length / dim, model.dense[0], maxBatch);
    this.dense = model.dense.map((l) => ({ kernel: new Float64Array(l.kernel.length), bias: new Float64Array(l.nOut) }));
    this.output = { kernel: new Float64Array(model.output.kernel.length), bias: new Float64Array(1) };
    this.embedding = { dim, rows: new Int32Array(maxBatch * this.T), count: 0, grad: new Float64Array(maxBatch * this.T * dim) };
    this.wide = { dim: 1, rows: new Int32Array(maxBatch * this.K), count: 0, grad: new Float64Array(maxBatch * this.K) };
    this.acts = hidden.map((w) => new Float64Array(maxBatch * w));
    this.deltas = hidden.map((w) => new Float64Array(maxBatch * w));
    this.logit = new Float64Array(maxBatch);
    this.sampleRows = new Int32Array(maxBatch * this.T);
    this.sampleWide = new Int32Array(maxBatch * this.K);
    this.wideSlot = new Int32Array(model.wide.length).fill(-1);
  }

  /**
   * Forward and backward for samples [start, start+n) of (users, items, labels 0/1): fills the
   * gradient buffers (replacing the last batch's) and returns the batch's SUMMED loss.
   */
  batch(users: Int32Array, items: Int32Array, labels: Uint8Array, start: number, n: number): number {
    if (n > this.maxBatch || n < 1) throw new Error(`WideDeepKernel.batch: ${n} samples, room for 1..${this.maxBatch}`);
    this.forward(users, items, start, n);
    const { model, logit } = this;
    let loss = 0;
    let gBias = 0;
    // Loss and its gradient at the logit (mean over the batch), written over the logits.
    for (let s = 0; s < n; s++) {
      const z = logit[s];
      const y = labels[start + s];
      loss += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
      const d = (1 / (1 + Math.exp(-z)) - y) / n;
      logit[s] = d;
      gBias += d;
    }
    this.output.bias[0] = gBias;
    this.backwardWide(n);
    // The output unit, then down the ReLU layers; the first layer hands the rows their gradients.
    const L = model.hidden.length - 1;
    const out = model.output.kernel;
    const gOut = this.output.kernel;
    const last = this.acts[L];
    const dLast = this.deltas[L];
    for (let m = 0; m < model.hidden[L]; m++) {
      const w = out[m];
      const a = m * n;
      let g = 0;
      for (let s = 0; s < n; s++) {
        const d = logit[s];
        g += d * last[a + s];
        dLast[a + s] = d * w;
      }
      gOut[m] = g;
    }
    for (let l = L; l >= 0; l--) {
      const layer = model.dense[l];
      const delta = this.deltas[l];
      const act = this.acts[l];
      const grad = this.dense[l];
      for (let k = 0, size = layer.nOut * n; k < size; k++) if (act[k] <= 0) delta[k] = 0;
      if (l === 0) break;
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
    this.first.backward(model.embeddings, this.deltas[0], n, this.dense[0], this.embedding);
    return loss;
  }

  /** Logits of the pairs (users[k], items[k]) for k < n, in chunks of maxBatch. */
  logits(users: Int32Array, items: Int32Array, n: number, out: Float32Array | Float64Array): void {
    for (let start = 0; start < n; start += this.maxBatch) {
      const m = Math.min(this.maxBatch, n - start);
      this.forward(users, items, start, m);
      for (let s = 0; s < m; s++) out[start + s] = this.logit[s];
    }
  }

  /** Logits of samples [start, start+n) into this.logit; rows and activations kept for the backward pass. */
  private forward(users: Int32Array, items: Int32Array, start: number, n: number): void {
    const { model, lookup, T, K, logit, sampleRows, sampleWide } = this;
    const { wide, hidden } = model;
    const bias = model.output.bias[0];
    for (let s = 0; s < n; s++) {
      const u = users[start + s];
      const i = items[start + s];
      lookup.embeddingRows(u, i, sampleRows, s * T);
      lookup.wideIndices(u, i, sampleWide, s * K);
      let z = bias;
      for (let k = s * K, end = k + K; k < end; k++) z += wide[sampleWide[k]];
      logit[s] = z;
    }
    const a0 = this.acts[0];
    this.first.forward(model.embeddings, sampleRows, n, a0);
    for (let k = 0, size = hidden[0] * n; k < size; k++) if (a0[k] < 0) a0[k] = 0;
    for (let l = 1; l < hidden.length; l++) {
      const layer = model.dense[l];
      const act = this.acts[l];
      for (let j = 0; j < layer.nOut; j++) act.fill(layer.bias[j], j * n, (j + 1) * n);
      accumulateProduct(layer.kernel, layer.nIn, 1, layer.nOut, layer.nIn, this.acts[l - 1], act, n);
      for (let k = 0, size = layer.nOut * n; k < size; k++) if (act[k] < 0) act[k] = 0;
    }
    const L = hidden.length - 1;
    const last = this.acts[L];
    const out = model.output.kernel;
    for (let m = 0; m < hidden[L]; m++) {
      const w = out[m];
      const a = m * n;
      for (let s = 0; s < n; s++) logit[s] += w * last[a + s];
    }
  }

  /** Each touched wide weight's gradient: the sum of dLoss/dlogit over the samples it is active in. */
  private backwardWide(n: number): void {
    const { wide, wideSlot, sampleWide, logit, K } = this;
    const rows = wide.rows;
    for (let k = 0; k < wide.count; k++) wideSlot[rows[k]] = -1;
    let count = 0;
    const g = wide.grad;
    for (let s = 0; s < n; s++) {
      const d = logit[s];
      for (let k = s * K, end = k + K; k < end; k++) {
        const w = sampleWide[k];
        let slot = wideSlot[w];
        if (slot < 0) {
          slot = wideSlot[w] = count++;
          rows[slot] = w;
          g[slot] = 0;
        }
        g[slot] += d;
      }
    }
    wide.count = count;
  }
}
