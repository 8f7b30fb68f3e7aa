import { pairCount, type Interactions } from '../recommend/interactions';
import type { SideFeatures } from '../recommend/sideFeatures';
import { ADAM_DEFAULTS, type RowAdamMode } from './adam';
import { runEpoch, trainEpochs, type TrainEpoch, type TrainHooks } from './epochLoop';
import { allocateInstances, type EpochInstances } from './instances';
import { NcfKernel } from './kernel';
import { initNcfModel, type NcfModel, type NcfModelKind } from './neumf';
import { NcfAdam } from './optimizer';

export interface NcfTrainOptions {
  /** 'gmf' is the paper's "MF" line (GMF alone); default 'neumf'. */
  model?: NcfModelKind;
  /** GMF embedding width (the paper's "predictive factors"). */
  factors?: number;
  /** MLP widths; layers[0] is the concatenated embedding (each side layers[0]/2), as in NCF's code. */
  layers?: number[];
  /** Negatives drawn per train positive, every epoch. */
  negatives?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /**
   * Embedding rows: 'catchUp' (default) updates only the rows a batch touches yet matches dense
   * Adam (Keras') on the whole table; 'lazy' is TensorFlow's LazyAdam (see adam.ts).
   */
  embeddingAdam?: RowAdamMode;
  /** λ of λ‖w‖² on kernels and on the embedding rows a batch touches; 0 = none. */
  l2?: number;
  seed?: number;
  /** Batches between turns given to the event loop (so a job host can cancel). */
  yieldEvery?: number;
  /** Start from these weights instead of a fresh init (e.g. pre-trained); trained in place, and its kind and widths win over model/factors/layers/sideDim. */
  initial?: NcfModel;
  /**
   * Side features (recommend/sideFeatures.ts) for the MLP tower of 'neumf' and 'mlp': their
   * embeddings join [p'_u ; q'_i] in its input. 'gmf' ignores them, as does an `initial` model built
   * without a side part; an `initial` built with one needs them (the same fields and codes).
   */
  side?: SideFeatures;
  /** Embedding width of every side field's table (default 8). */
  sideDim?: number;
}

/**
 * NCF's published settings for MovieLens-1M at 8 predictive factors (the authors' README commands):
 * factors 8, MLP [64,32,16,8] (embeddings 32 per side), 4 negatives, batch 256, Adam lr 0.001, 20 epochs.
 */
export const NCF_DEFAULTS = {
  model: 'neumf' as NcfModelKind,
  factors: 8,
  layers: [64, 32, 16, 8] as readonly number[],
  negatives: 4,
  epochs: 20,
  batchSize: 256,
  learningRate: 0.001,
  l2: 0,
  seed: 1,
  yieldEvery: 64,
  embeddingAdam: 'catchUp' as RowAdamMode,
  sideDim: 8,
};

export type ResolvedNcfOptions = Omit<typeof NCF_DEFAULTS, 'layers'> & { layers: number[] };

export function resolveNcfOptions(o: NcfTrainOptions = {}): ResolvedNcfOptions {
  const r: ResolvedNcfOptions = {
    model: o.model ?? NCF_DEFAULTS.model,
    factors: o.factors ?? NCF_DEFAULTS.factors,
    layers: [...(o.layers ?? NCF_DEFAULTS.layers)],
    negatives: o.negatives ?? NCF_DEFAULTS.negatives,
    epochs: o.epochs ?? NCF_DEFAULTS.epochs,
    batchSize: o.batchSize ?? NCF_DEFAULTS.batchSize,
    learningRate: o.learningRate ?? NCF_DEFAULTS.learningRate,
    l2: o.l2 ?? NCF_DEFAULTS.l2,
    seed: o.seed ?? NCF_DEFAULTS.seed,
    yieldEvery: o.yieldEvery ?? NCF_DEFAULTS.yieldEvery,
    embeddingAdam: o.embeddingAdam ?? NCF_DEFAULTS.embeddingAdam,
    sideDim: o.sideDim ?? NCF_DEFAULTS.sideDim,
  };
  const positiveInt = (name: keyof ResolvedNcfOptions, v: number, min = 1) => {
    if (!(Number.isInteger(v) && v >= min)) throw new Error(`NCF option ${name} must be an integer ≥ ${min} (got ${v})`);
  };
  if (!['neumf', 'gmf', 'mlp'].includes(r.model)) throw new Error(`NCF option model must be neumf, gmf or mlp (got ${r.model})`);
  positiveInt('factors', r.factors);
  positiveInt('negatives', r.negatives, 0);
  positiveInt('epochs', r.epochs, 0);
  positiveInt('batchSize', r.batchSize);
  positiveInt('yieldEvery', r.yieldEvery);
  positiveInt('sideDim', r.sideDim);
  if (!(r.learningRate > 0)) throw new Error(`NCF option learningRate must be > 0 (got ${r.learningRate})`);
  if (!['catchUp', 'lazy'].includes(r.embeddingAdam)) throw new Error(`NCF option embeddingAdam must be catchUp or lazy (got ${r.embeddingAdam})`);
  if (!(r.l2 >= 0)) throw new Error(`NCF option l2 must be ≥ 0 (got ${r.l2})`);
  return r;
}

export type NcfHooks = TrainHooks;

export type NcfEpoch = TrainEpoch;

/**
 * Trains one model epoch by epoch: the caller can evaluate between epochs (evaluateNcf does).
 * Each epoch redraws the negatives and the order from the seed, so epoch e is the same whatever
 * ran before it in this process.
 */
export class NcfTrainer {
  readonly options: ResolvedNcfOptions;
  readonly model: NcfModel;
  private readonly kernel: NcfKernel;
  private readonly optimizer: NcfAdam;
  private readonly instances: EpochInstances;
  private epochsDone = 0;

  constructor(
    private readonly data: Interactions,
    options: NcfTrainOptions = {},
  ) {
    this.options = resolveNcfOptions(options);
    const o = this.options;
    if (pairCount(data) === 0) throw new Error('NCF: no training pairs');
    const side = options.side && o.model !== 'gmf' ? { features: options.side, dim: o.sideDim } : undefined;
    this.model = options.initial ?? initNcfModel({ kind: o.model, users: data.users, items: data.itemCount, factors: o.factors, layers: o.layers, side }, o.seed);
    if (this.model.users !== data.users || this.model.items !== data.itemCount) {
      throw new Error(`NCF: initial model is ${this.model.users} users × ${this.model.items} items, data ${data.users} × ${data.itemCount}`);
    }
    this.kernel = new NcfKernel(this.model, o.batchSize, options.side);
    this.optimizer = new NcfAdam(this.model, { ...ADAM_DEFAULTS, learningRate: o.learningRate }, o.l2, o.embeddingAdam);
    this.instances = allocateInstances(data, o.negatives);
  }

  /** Runs the next epoch; null when isCancelled() said stop (the model keeps the batches done). */
  async epoch(hooks: NcfHooks = {}): Promise<NcfEpoch | null> {
    return runEpoch(this.data, this.options, ++this.epochsDone, this.instances, this.kernel, this.optimizer, hooks);
  }
}

export interface NcfTrainResult {
  model: NcfModel;
  epochs: NcfEpoch[];
  /** 'cancelled' when isCancelled() stopped it: the model then holds the batches done so far. */
  stopReason: 'epochs' | 'cancelled';
}

/**
 * Trains GMF, MLP or NeuMF on implicit feedback with BCE, negatives resampled every epoch and
 * Adam. A cancel does not throw: it returns stopReason 'cancelled' with the epochs completed.
 */
export async function trainNcf(data: Interactions, options: NcfTrainOptions = {}, hooks: NcfHooks = {}): Promise<NcfTrainResult> {
  return trainEpochs(new NcfTrainer(data, options), hooks);
}
