import type { DenseGradient, RowGradient } from './gradients';
import type { Activations } from './matmul';
import type { DenseLayer } from './neumf';

/**
 * The first deep layer, W·[e_1; …; e_T] + b, computed per distinct embedding row instead of per
 * sample. W splits into T column blocks W_t, so the layer is Σ_t W_t·e_t: a batch touches few
 * distinct rows of the side-field tables (a field has a handful of values), so projecting each
 * distinct row once (W_t·e_row) and summing T projections per sample costs about
 * rows·H·dim + n·T·H instead of n·T·dim·H — 3–4× less at the defaults — and the backward pass
 * sums the layer's output gradient per row before multiplying, for the same saving.
 *
 * Wide & Deep's first layer is all tables (columns from 0); NeuMF's MLP tower uses it for the side
 * tables only, whose columns start after the id embeddings (`firstColumn`).
 */
export class EmbeddingLayer {
  /** Distinct rows this batch: row slotRow[k] of table slotTable[k], k < count. */
  count = 0;
  readonly slotRow: Int32Array;
  private readonly slotTable: Int32Array;
  /** Per sample and table, the slot of its row (sampleSlot[s·T + t]). */
  private readonly sampleSlot: Int32Array;
  private readonly rowSlot: Int32Array;
  /** Per slot, W_t·e_row (forward) or the summed output gradient (backward): H values. */
  private readonly perSlot: Float64Array;
  private readonly H: number;

  constructor(
    private readonly T: number,
    private readonly dim: number,
    totalRows: number,
    private readonly layer: DenseLayer,
    maxBatch: number,
    private readonly firstColumn = 0,
  ) {
    this.H = layer.nOut;
    this.slotRow = new Int32Array(maxBatch * T);
    this.slotTable = new Int32Array(maxBatch * T);
    this.sampleSlot = new Int32Array(maxBatch * T);
    this.rowSlot = new Int32Array(totalRows).fill(-1);
    this.perSlot = new Float64Array(maxBatch * T * this.H);
  }

  /**
   * out[j·n + s] = b_j + Σ_t (W_t·e_{rows[s·T+t]})_j for s < n (feature-major, before the ReLU).
   * rows[s·T + t] is sample s's row in the stacked tables, its table t.
   */
  forward(emb: Float32Array, rows: Int32Array, n: number, out: Activations): void {
    this.assign(rows, n);
    const { T, dim, H, perSlot, slotRow, slotTable, sampleSlot, count } = this;
    const W = this.layer.kernel;
    const E = this.layer.nIn;
    // Each distinct row's projection, four embedding components at a time (held in registers).
    perSlot.fill(0, 0, count * H);
    for (let k = 0; k < count; k++) {
      const e = slotRow[k] * dim;
      const col = this.firstColumn + slotTable[k] * dim;
      const p = k * H;
      let c = 0;
      for (; c + 3 < dim; c += 4) {
        const e0 = emb[e + c];
        const e1 = emb[e + c + 1];
        const e2 = emb[e + c + 2];
        const e3 = emb[e + c + 3];
        for (let j = 0, w = col + c; j < H; j++, w += E) perSlot[p + j] += W[w] * e0 + W[w + 1] * e1 + W[w + 2] * e2 + W[w + 3] * e3;
      }
      for (; c < dim; c++) {
        const e0 = emb[e + c];
        for (let j = 0, w = col + c; j < H; j++, w += E) perSlot[p + j] += W[w] * e0;
      }
    }
    // Per sample, the sum of its T projections, four outputs at a time.
    const bias = this.layer.bias;
    for (let s = 0; s < n; s++) {
      const t0 = s * T;
      const t1 = t0 + T;
      let j = 0;
      for (; j + 3 < H; j += 4) {
        let a0 = bias[j];
        let a1 = bias[j + 1];
        let a2 = bias[j + 2];
        let a3 = bias[j + 3];
        for (let t = t0; t < t1; t++) {
          const p = sampleSlot[t] * H + j;
          a0 += perSlot[p];
          a1 += perSlot[p + 1];
          a2 += perSlot[p + 2];
          a3 += perSlot[p + 3];
        }
        out[j * n + s] = a0;
        out[(j + 1) * n + s] = a1;
        out[(j + 2) * n + s] = a2;
        out[(j + 3) * n + s] = a3;
      }
      for (; j < H; j++) {
        let a = bias[j];
        for (let t = t0; t < t1; t++) a += perSlot[sampleSlot[t] * H + j];
        out[j * n + s] = a;
      }
    }
  }

  /**
   * From the layer's pre-activation gradient delta (feature-major H × n) of the last forward batch:
   * the kernel and bias gradients, and each distinct row's embedding gradient W_tᵀ·Σ_s delta_s into
   * rowGrad (rows = slotRow, one slot per distinct row).
   */
  backward(emb: Float32Array, delta: Activations, n: number, grad: DenseGradient, rowGrad: RowGradient): void {
    const { T, dim, H, perSlot, slotRow, slotTable, sampleSlot, count } = this;
    const W = this.layer.kernel;
    const E = this.layer.nIn;
    for (let j = 0; j < H; j++) {
      let b = 0;
      for (let s = j * n, end = s + n; s < end; s++) b += delta[s];
      grad.bias[j] = b;
    }
    // Sum the output gradient per distinct row.
    perSlot.fill(0, 0, count * H);
    for (let s = 0; s < n; s++) {
      const t0 = s * T;
      const t1 = t0 + T;
      let j = 0;
      for (; j + 3 < H; j += 4) {
        const d0 = delta[j * n + s];
        const d1 = delta[(j + 1) * n + s];
        const d2 = delta[(j + 2) * n + s];
        const d3 = delta[(j + 3) * n + s];
        if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0) continue;
        for (let t = t0; t < t1; t++) {
          const p = sampleSlot[t] * H + j;
          perSlot[p] += d0;
          perSlot[p + 1] += d1;
          perSlot[p + 2] += d2;
          perSlot[p + 3] += d3;
        }
      }
      for (; j < H; j++) {
        const d = delta[j * n + s];
        for (let t = t0; t < t1; t++) perSlot[sampleSlot[t] * H + j] += d;
      }
    }
    // Per row: kernel gradient += D·eᵀ on its table's columns, row gradient = W_tᵀ·D.
    const gW = grad.kernel;
    gW.fill(0);
    const gE = rowGrad.grad;
    for (let k = 0; k < count; k++) {
      const e = slotRow[k] * dim;
      const col = this.firstColumn + slotTable[k] * dim;
      const p = k * H;
      const g = k * dim;
      let c = 0;
      for (; c + 3 < dim; c += 4) {
        const e0 = emb[e + c];
        const e1 = emb[e + c + 1];
        const e2 = emb[e + c + 2];
        const e3 = emb[e + c + 3];
        let g0 = 0;
        let g1 = 0;
        let g2 = 0;
        let g3 = 0;
        for (let j = 0, w = col + c; j < H; j++, w += E) {
          const d = perSlot[p + j];
          gW[w] += d * e0;
          gW[w + 1] += d * e1;
          gW[w + 2] += d * e2;
          gW[w + 3] += d * e3;
          g0 += d * W[w];
          g1 += d * W[w + 1];
          g2 += d * W[w + 2];
          g3 += d * W[w + 3];
        }
        gE[g + c] = g0;
        gE[g + c + 1] = g1;
        gE[g + c + 2] = g2;
        gE[g + c + 3] = g3;
      }
      for (; c < dim; c++) {
        const e0 = emb[e + c];
        let g0 = 0;
        for (let j = 0, w = col + c; j < H; j++, w += E) {
          const d = perSlot[p + j];
          gW[w] += d * e0;
          g0 += d * W[w];
        }
        gE[g + c] = g0;
      }
    }
    rowGrad.rows.set(slotRow.subarray(0, count));
    rowGrad.count = count;
  }

  /** Gives each distinct row of the batch a slot; clears the last batch's. */
  private assign(rows: Int32Array, n: number): void {
    const { rowSlot, slotRow, slotTable, sampleSlot, T } = this;
    for (let k = 0; k < this.count; k++) rowSlot[slotRow[k]] = -1;
    let count = 0;
    for (let p = 0, end = n * T; p < end; p++) {
      const r = rows[p];
      let slot = rowSlot[r];
      if (slot < 0) {
        slot = rowSlot[r] = count++;
        slotRow[slot] = r;
        slotTable[slot] = p % T;
      }
      sampleSlot[p] = slot;
    }
    this.count = count;
  }
}
