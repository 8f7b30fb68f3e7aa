import { accumulateProduct, activations, type Activations } from './matmul';
import type { DenseLayer } from './neumf';

/**
 * ReLU layers applied to a block of n vectors at once, feature-major (x[k·n + s] is feature k of
 * vector s), with the blocked products of matmul.ts: for ranking a whole catalogue, where the same
 * layers see every product of one customer.
 */
export class TowerBatch {
  private readonly bufs: [Activations, Activations];

  constructor(
    private readonly layers: DenseLayer[],
    private readonly n: number,
  ) {
    const widest = Math.max(1, ...layers.map((l) => l.nOut), ...layers.map((l) => l.nIn));
    this.bufs = [activations(widest * n), activations(widest * n)];
  }

  /** A buffer for the first layer's input (width × n), to fill before `run`. */
  get input(): Activations {
    return this.bufs[0];
  }

  /** Runs every layer on `input` (its first layers[0].nIn rows); returns the last layer's output (nOut × n). */
  run(): Activations {
    const n = this.n;
    let x = this.bufs[0];
    let y = this.bufs[1];
    for (const layer of this.layers) {
      const { nOut, nIn, kernel, bias } = layer;
      for (let j = 0; j < nOut; j++) y.fill(bias[j], j * n, (j + 1) * n);
      accumulateProduct(kernel, nIn, 1, nOut, nIn, x, y, n);
      for (let p = 0, end = nOut * n; p < end; p++) if (y[p] < 0) y[p] = 0;
      [x, y] = [y, x];
    }
    return x;
  }
}
