import type { Interactions } from '../recommend/interactions';
import { fillEpochInstances, type EpochInstances } from './instances';

/** What a trainer tells and asks while it trains (NeuMF, Wide & Deep). */
export interface TrainHooks {
  /** After every epoch (1-based): mean training BCE, seconds, training samples per second. */
  onEpoch?(epoch: number, loss: number, seconds: number, samplesPerSecond: number): void;
  /** Asked before every batch; true stops training (the result's stopReason says 'cancelled'). */
  isCancelled?(): boolean;
  /** Milliseconds clock (default performance.now); injected so tests need no wall time. */
  now?(): number;
}

export interface TrainEpoch {
  epoch: number;
  loss: number;
  seconds: number;
  samples: number;
  samplesPerSecond: number;
}

/** A fused forward/backward over one batch of (user, item, label) instances: returns the batch's summed BCE. */
export interface BatchKernel {
  batch(users: Int32Array, items: Int32Array, labels: Uint8Array, start: number, n: number): number;
}

/** Applies the gradients a kernel holds; settle() brings lazily updated rows up to date. */
export interface BatchOptimizer<K> {
  step(kernel: K): void;
  settle(): void;
}

/**
 * One epoch of the shared training loop: this epoch's negatives and order from the seed, then batch
 * after batch (a cancel is asked before each; the event loop gets a turn every `yieldEvery` batches).
 * Null when cancelled (the model keeps the batches done).
 */
export async function runEpoch<K extends BatchKernel>(
  data: Interactions,
  o: { negatives: number; seed: number; batchSize: number; yieldEvery: number },
  epoch: number,
  inst: EpochInstances,
  kernel: K,
  optimizer: BatchOptimizer<K>,
  hooks: TrainHooks,
): Promise<TrainEpoch | null> {
  const now = hooks.now ?? (() => performance.now());
  const started = now();
  fillEpochInstances(data, o.negatives, o.seed, epoch, inst);
  let loss = 0;
  let batches = 0;
  for (let start = 0; start < inst.length; start += o.batchSize) {
    if (hooks.isCancelled?.()) {
      optimizer.settle();
      return null;
    }
    const n = Math.min(o.batchSize, inst.length - start);
    loss += kernel.batch(inst.users, inst.items, inst.labels, start, n);
    optimizer.step(kernel);
    if (++batches % o.yieldEvery === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  optimizer.settle();
  const seconds = (now() - started) / 1000;
  const result: TrainEpoch = { epoch, loss: loss / inst.length, seconds, samples: inst.length, samplesPerSecond: seconds > 0 ? inst.length / seconds : Infinity };
  hooks.onEpoch?.(epoch, result.loss, seconds, result.samplesPerSecond);
  return result;
}

/** Epochs until done or cancelled, as both trainers' train functions run them. */
export async function trainEpochs<M>(
  trainer: { model: M; options: { epochs: number }; epoch(hooks: TrainHooks): Promise<TrainEpoch | null> },
  hooks: TrainHooks,
): Promise<{ model: M; epochs: TrainEpoch[]; stopReason: 'epochs' | 'cancelled' }> {
  const epochs: TrainEpoch[] = [];
  for (let e = 0; e < trainer.options.epochs; e++) {
    const result = await trainer.epoch(hooks);
    if (!result) return { model: trainer.model, epochs, stopReason: 'cancelled' };
    epochs.push(result);
  }
  return { model: trainer.model, epochs, stopReason: 'epochs' };
}
