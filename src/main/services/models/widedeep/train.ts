import { ADAM_DEFAULTS, type RowAdamMode } from '../ncf/adam';
import { runEpoch, trainEpochs, type TrainEpoch, type TrainHooks } from '../ncf/epochLoop';
import { allocateInstances, type EpochInstances } from '../ncf/instances';
import { badInput, checkInteger, checkInteractions, checkNumber } from '../recommend/input';
import { pairCount, type Interactions } from '../recommend/interactions';
import type { SideFeatures } from '../recommend/sideFeatures';
import { WideDeepKernel } from './kernel';
import { FeatureLookup } from './lookup';
import { initWideDeepModel, type WideDeepModel } from './model';
import { WideDeepAdam } from './optimizer';

export interface WideDeepOptions {
  /** Embedding width of every table (user id, item id, each side field). */
  dim?: number;
  /** Widths of the deep ReLU layers (at least one). */
  hidden?: number[];
  /** The item field crossed with every user field in the wide part; null = no crosses. */
  crossField?: string | null;
  /** Negatives drawn per train positive, uniformly among the user's unbought items, every epoch. */
  negatives?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** λ of λ‖w‖² on kernels and on the embedding rows and wide weights a batch touches; 0 = none. */
  l2?: number;
  /**
   * Embedding rows and wide weights: 'lazy' (default; TensorFlow's LazyAdam: a row's moments wait
   * while it is not in a batch) or 'catchUp' (equals dense Adam on the whole table); see ncf/adam.ts.
   * Dense Adam moves a row seen once in k steps about √k times further per appearance, so a user with
   * one item overfits it. On the planted data of test/unit/wideDeep.test.ts (24 users with one item
   * outside their segment's category, seeds 12, 22, 32), 5, 7 and 5 of them ranked another category
   * above their segment's with 'catchUp', 1, 3 and 1 with 'lazy'; HR@10 was the same (0.76–0.81).
   */
  rowAdam?: RowAdamMode;
  seed?: number;
  /** Batches between turns given to the event loop (so a job host can cancel). */
  yieldEvery?: number;
}

/**
 * Cheng et al.'s deep part is 1024-512-256 on 32-dim embeddings for Play's scale; ours is sized for a
 * retail catalogue of thousands. [32, 16] against [64, 32, 16] on the full-scale sample (3 epochs):
 * HR@10 0.662 vs 0.664, recall@10 0.078 vs 0.079, training 220 s vs 706 s, every customer's list
 * 24 s vs 75 s — ranking the catalogue costs the later layers per product, 4.5× fewer here.
 */
export const WIDE_DEEP_DEFAULTS = {
  dim: 8,
  hidden: [32, 16] as readonly number[],
  crossField: 'category' as string | null,
  negatives: 4,
  epochs: 10,
  batchSize: 256,
  learningRate: 0.001,
  l2: 0,
  rowAdam: 'lazy' as RowAdamMode,
  seed: 1,
  yieldEvery: 64,
};

export type ResolvedWideDeepOptions = Omit<typeof WIDE_DEEP_DEFAULTS, 'hidden'> & { hidden: number[] };

export function resolveWideDeepOptions(o: WideDeepOptions = {}): ResolvedWideDeepOptions {
  const d = WIDE_DEEP_DEFAULTS;
  const r: ResolvedWideDeepOptions = {
    dim: o.dim ?? d.dim,
    hidden: [...(o.hidden ?? d.hidden)],
    crossField: o.crossField === undefined ? d.crossField : o.crossField,
    negatives: o.negatives ?? d.negatives,
    epochs: o.epochs ?? d.epochs,
    batchSize: o.batchSize ?? d.batchSize,
    learningRate: o.learningRate ?? d.learningRate,
    l2: o.l2 ?? d.l2,
    rowAdam: o.rowAdam ?? d.rowAdam,
    seed: o.seed ?? d.seed,
    yieldEvery: o.yieldEvery ?? d.yieldEvery,
  };
  checkInteger('Wide & Deep: the embedding dimension', r.dim, 1, 1024);
  if (r.hidden.length < 1) throw badInput('Wide & Deep: the deep part needs at least one hidden layer.');
  r.hidden.forEach((w) => checkInteger('Wide & Deep: a hidden layer width', w, 1, 65536));
  checkInteger('Wide & Deep: negatives per positive', r.negatives, 0);
  checkInteger('Wide & Deep: epochs', r.epochs, 0);
  checkInteger('Wide & Deep: the batch size', r.batchSize, 1);
  checkInteger('Wide & Deep: batches between yields', r.yieldEvery, 1);
  checkInteger('Wide & Deep: the seed', r.seed, 0);
  checkNumber('Wide & Deep: the L2 weight', r.l2, 0);
  if (!(Number.isFinite(r.learningRate) && r.learningRate > 0)) throw badInput(`Wide & Deep: the learning rate must be > 0; got ${r.learningRate}.`);
  if (r.rowAdam !== 'catchUp' && r.rowAdam !== 'lazy') throw badInput(`Wide & Deep: rowAdam must be catchUp or lazy; got ${String(r.rowAdam)}.`);
  return r;
}

export type WideDeepHooks = TrainHooks;

export type WideDeepEpoch = TrainEpoch;

/**
 * Trains one model epoch by epoch. Each epoch redraws the negatives and the order from the seed
 * (ncf/instances.ts), so epoch e is the same whatever ran before it in this process.
 */
export class WideDeepTrainer {
  readonly options: ResolvedWideDeepOptions;
  readonly model: WideDeepModel;
  /** The last epoch's samples (positives, their negatives, shuffled): what the model was fitted on. */
  readonly instances: EpochInstances;
  private readonly kernel: WideDeepKernel;
  private readonly optimizer: WideDeepAdam;
  private epochsDone = 0;

  constructor(
    private readonly data: Interactions,
    features: SideFeatures,
    options: WideDeepOptions = {},
  ) {
    checkInteractions(data);
    this.options = resolveWideDeepOptions(options);
    const o = this.options;
    if (pairCount(data) === 0) throw badInput('Wide & Deep: there are no training pairs.');
    this.model = initWideDeepModel({ users: data.users, items: data.itemCount, features, crossField: o.crossField, dim: o.dim, hidden: o.hidden }, o.seed);
    this.kernel = new WideDeepKernel(this.model, new FeatureLookup(this.model, features), o.batchSize);
    this.optimizer = new WideDeepAdam(this.model, { ...ADAM_DEFAULTS, learningRate: o.learningRate }, o.l2, o.rowAdam);
    this.instances = allocateInstances(data, o.negatives);
  }

  /** Runs the next epoch; null when isCancelled() said stop (the model keeps the batches done). */
  async epoch(hooks: WideDeepHooks = {}): Promise<WideDeepEpoch | null> {
    return runEpoch(this.data, this.options, ++this.epochsDone, this.instances, this.kernel, this.optimizer, hooks);
  }
}

export interface WideDeepTrainResult {
  model: WideDeepModel;
  epochs: WideDeepEpoch[];
  /** 'cancelled' when isCancelled() stopped it: the model then holds the batches done so far. */
  stopReason: 'epochs' | 'cancelled';
}

/**
 * Trains Wide & Deep jointly on BCE over the train pairs and negatives redrawn every epoch. A cancel
 * does not throw: it returns stopReason 'cancelled' with the epochs completed.
 */
export async function trainWideDeep(train: Interactions, features: SideFeatures, options: WideDeepOptions = {}, hooks: WideDeepHooks = {}): Promise<WideDeepTrainResult> {
  return trainEpochs(new WideDeepTrainer(train, features, options), hooks);
}
