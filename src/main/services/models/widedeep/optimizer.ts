import { DenseAdam, RowAdam, type AdamSettings, type RowAdamMode } from '../ncf/adam';
import type { WideDeepKernel } from './kernel';
import type { WideDeepModel } from './model';

/**
 * Applies one batch's gradients (a WideDeepKernel's buffers): dense Adam on the deep layers and the
 * output unit, row Adam (ncf/adam.ts) on the embedding rows and the wide weights the batch touched.
 * Cheng et al. train the wide part with FTRL + L1; one Adam for both parts is what most open
 * implementations do and keeps one learning rate to tune. `l2` is λ of λ‖w‖² on the kernels, the
 * touched embedding rows and the touched wide weights (biases are not decayed).
 */
export class WideDeepAdam {
  private t = 0;
  private readonly denseKernels: DenseAdam[];
  private readonly denseBiases: DenseAdam[];
  private readonly outKernel: DenseAdam;
  private readonly outBias: DenseAdam;
  private readonly embeddings: RowAdam;
  private readonly wide: RowAdam;

  constructor(
    private readonly model: WideDeepModel,
    readonly settings: AdamSettings,
    private readonly l2 = 0,
    rowMode: RowAdamMode = 'catchUp',
  ) {
    this.denseKernels = model.dense.map((l) => new DenseAdam(l.kernel.length));
    this.denseBiases = model.dense.map((l) => new DenseAdam(l.nOut));
    this.outKernel = new DenseAdam(model.output.kernel.length);
    this.outBias = new DenseAdam(1);
    this.embeddings = new RowAdam(model.embeddings.length / model.dim, model.dim, rowMode);
    this.wide = new RowAdam(model.wide.length, 1, rowMode);
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.t;
  }

  step(kernel: WideDeepKernel): void {
    const t = ++this.t;
    const { model, settings: o } = this;
    const decay = 2 * this.l2;
    model.dense.forEach((layer, l) => {
      this.denseKernels[l].step(layer.kernel, kernel.dense[l].kernel, t, o, decay);
      this.denseBiases[l].step(layer.bias, kernel.dense[l].bias, t, o);
    });
    this.outKernel.step(model.output.kernel, kernel.output.kernel, t, o, decay);
    this.outBias.step(model.output.bias, kernel.output.bias, t, o);
    const e = kernel.embedding;
    this.embeddings.step(model.embeddings, e.rows, e.count, e.grad, t, o, decay);
    const w = kernel.wide;
    this.wide.step(model.wide, w.rows, w.count, w.grad, t, o, decay);
  }

  /** Brings the embedding rows and wide weights up to date (RowAdam.settle): call before the weights are read. */
  settle(): void {
    const { model, settings: o, t } = this;
    this.embeddings.settle(model.embeddings, t, o);
    this.wide.settle(model.wide, t, o);
  }
}
