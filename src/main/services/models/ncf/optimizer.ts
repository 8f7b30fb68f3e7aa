import { DenseAdam, RowAdam, type AdamSettings, type RowAdamMode } from './adam';
import type { NcfKernel } from './kernel';
import type { NcfModel } from './neumf';

/**
 * Applies one batch's gradients (an NcfKernel's buffers) to the model: dense Adam on the MLP layers
 * and the prediction unit, row Adam on the embedding rows the batch touched (see adam.ts), the side
 * tables' rows included, in the same mode as the id rows. `l2` is the weight of λ‖w‖² on the kernels
 * and on the touched embedding rows (biases are not decayed).
 */
export class NcfAdam {
  private t = 0;
  private readonly denseKernels: DenseAdam[];
  private readonly denseBiases: DenseAdam[];
  private readonly outKernel: DenseAdam;
  private readonly outBias: DenseAdam;
  private readonly gmfUser: RowAdam;
  private readonly gmfItem: RowAdam;
  private readonly mlpUser: RowAdam;
  private readonly mlpItem: RowAdam;
  private readonly side: RowAdam | null;

  constructor(
    private readonly model: NcfModel,
    readonly settings: AdamSettings,
    private readonly l2 = 0,
    embeddingMode: RowAdamMode = 'catchUp',
  ) {
    this.denseKernels = model.dense.map((l) => new DenseAdam(l.kernel.length));
    this.denseBiases = model.dense.map((l) => new DenseAdam(l.nOut));
    this.outKernel = new DenseAdam(model.output.kernel.length);
    this.outBias = new DenseAdam(1);
    const E = model.layers.length ? model.layers[0] / 2 : 0;
    this.gmfUser = new RowAdam(model.users, model.factors, embeddingMode);
    this.gmfItem = new RowAdam(model.items, model.factors, embeddingMode);
    this.mlpUser = new RowAdam(model.users, E, embeddingMode);
    this.mlpItem = new RowAdam(model.items, E, embeddingMode);
    const side = model.side;
    this.side = side ? new RowAdam(side.embeddings.length / side.dim, side.dim, embeddingMode) : null;
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.t;
  }

  step(kernel: NcfKernel): void {
    const t = ++this.t;
    const { model, settings: o } = this;
    const decay = 2 * this.l2;
    model.dense.forEach((layer, l) => {
      this.denseKernels[l].step(layer.kernel, kernel.dense[l].kernel, t, o, decay);
      this.denseBiases[l].step(layer.bias, kernel.dense[l].bias, t, o);
    });
    this.outKernel.step(model.output.kernel, kernel.output.kernel, t, o, decay);
    this.outBias.step(model.output.bias, kernel.output.bias, t, o);
    const rows = (adam: RowAdam, w: Float32Array, g: NcfKernel['gmfUser']) => adam.step(w, g.rows, g.count, g.grad, t, o, decay);
    rows(this.gmfUser, model.gmfUser, kernel.gmfUser);
    rows(this.gmfItem, model.gmfItem, kernel.gmfItem);
    rows(this.mlpUser, model.mlpUser, kernel.mlpUser);
    rows(this.mlpItem, model.mlpItem, kernel.mlpItem);
    if (this.side) {
      if (!kernel.side) throw new Error('NcfAdam: the model has side tables but the kernel computed no gradient for them');
      rows(this.side, model.side!.embeddings, kernel.side);
    }
  }

  /** Brings the embedding rows up to date (RowAdam.settle): call before the weights are read. */
  settle(): void {
    const { model, settings: o, t } = this;
    this.gmfUser.settle(model.gmfUser, t, o);
    this.gmfItem.settle(model.gmfItem, t, o);
    this.mlpUser.settle(model.mlpUser, t, o);
    this.mlpItem.settle(model.mlpItem, t, o);
    if (this.side) this.side.settle(model.side!.embeddings, t, o);
  }
}
