import { evaluateModel, evaluatePopularity, type RankingMetrics } from './evaluate';
import { loadNcfFiles, type NcfSplit } from './ncfData';
import type { NcfModel } from './neumf';
import { pretrainNeumf } from './pretrain';
import { NcfTrainer, resolveNcfOptions, type NcfHooks, type NcfTrainOptions, type ResolvedNcfOptions } from './train';

export interface NcfEvalEpoch {
  epoch: number;
  loss: number;
  hr10: number;
  ndcg10: number;
  /** Training seconds of the epoch (evaluation not included). */
  seconds: number;
  samplesPerSecond: number;
}

export interface NcfEvalOptions extends Omit<NcfTrainOptions, 'negatives' | 'initial'> {
  /** Negatives drawn per train positive each epoch (NcfTrainOptions.negatives). */
  trainNegatives?: number;
  /**
   * Pre-train GMF and MLP for this many epochs each, then start NeuMF from their weights (output
   * unit = 0.5·[GMF ; MLP], NCF's alpha 0.5). 0 (default) trains NeuMF from a fresh init.
   */
  pretrainEpochs?: number;
  /** Learning rate of NeuMF after pre-training (the paper switches to SGD there; this stays Adam). */
  pretrainedLearningRate?: number;
  /** Cut-off K of HR@K / NDCG@K (10). */
  k?: number;
}

export interface NcfEvalHooks extends NcfHooks {
  /** After each epoch's evaluation. */
  onEvaluated?(row: NcfEvalEpoch): void;
  /** Progress of pre-training: which model, and its epoch. */
  onPretrainEpoch?(kind: 'gmf' | 'mlp', epoch: number, loss: number, seconds: number): void;
}

export interface NcfEvaluation {
  /** learningRate is the towers' (and NeuMF's without pre-training); pretrainedLearningRate NeuMF's after pre-training (null without). */
  options: ResolvedNcfOptions & { pretrainEpochs: number; pretrainedLearningRate: number | null };
  users: number;
  items: number;
  trainPairs: number;
  testUsers: number;
  /** Before the first epoch (random init, or the model assembled from pre-trained towers); null when cancelled during pre-training. */
  initial: RankingMetrics | null;
  /** Items ranked by train popularity, on the same negatives. */
  popularity: RankingMetrics;
  epochs: NcfEvalEpoch[];
  /** The epoch with the highest HR@K (NCF's report), or null when no epoch completed. */
  best: NcfEvalEpoch | null;
  stopReason: 'epochs' | 'cancelled';
  /** Seconds from start to end (loading excluded), training + evaluation + pre-training. */
  totalSeconds: number;
  /** The trained model (null when cancelled during pre-training). */
  model: NcfModel | null;
}

export interface NcfFilesOptions extends NcfEvalOptions {
  train: string;
  test: string;
  negatives: string;
}

/**
 * NCF's MovieLens/Pinterest protocol: loads the authors' three files, trains (GMF, MLP or NeuMF),
 * and after each epoch ranks every test user's held-out item against its given negatives by score,
 * reporting HR@10 and NDCG@10 (ties pessimistic, see rankAmongNegatives).
 */
export async function evaluateNcf(options: NcfFilesOptions, hooks: NcfEvalHooks = {}): Promise<NcfEvaluation> {
  const { train, test, negatives, ...rest } = options;
  return evaluateNcfSplit(await loadNcfFiles({ train, test, negatives }), rest, hooks);
}

/** evaluateNcf on an already loaded (or generated) split. */
export async function evaluateNcfSplit(split: NcfSplit, options: NcfEvalOptions = {}, hooks: NcfEvalHooks = {}): Promise<NcfEvaluation> {
  const now = hooks.now ?? (() => performance.now());
  const started = now();
  const k = options.k ?? 10;
  const { trainNegatives, pretrainEpochs = 0, pretrainedLearningRate, ...trainOptions } = options;
  const base: NcfTrainOptions = { ...trainOptions, negatives: trainNegatives };
  const resolved = resolveNcfOptions(base);
  let initial: NcfModel | undefined;
  let learningRate = resolved.learningRate;
  if (pretrainEpochs > 0) {
    if (resolved.model !== 'neumf') throw new Error(`NCF: pre-training is for NeuMF, not ${resolved.model}`);
    const pre = await pretrainNeumf(split.train, { ...base, epochs: pretrainEpochs }, hooks);
    if (!pre) return finish([], 'cancelled', null);
    initial = pre;
    learningRate = pretrainedLearningRate ?? learningRate;
  }
  const trainer = new NcfTrainer(split.train, { ...base, learningRate, initial });
  const rows: NcfEvalEpoch[] = [];
  const initialMetrics = evaluateModel(trainer.model, split, k, options.side);
  for (let e = 0; e < resolved.epochs; e++) {
    const done = await trainer.epoch(hooks);
    if (!done) return finish(rows, 'cancelled', trainer.model, initialMetrics);
    const m = evaluateModel(trainer.model, split, k, options.side);
    const row: NcfEvalEpoch = { epoch: done.epoch, loss: done.loss, hr10: m.hr, ndcg10: m.ndcg, seconds: done.seconds, samplesPerSecond: done.samplesPerSecond };
    rows.push(row);
    hooks.onEvaluated?.(row);
  }
  return finish(rows, 'epochs', trainer.model, initialMetrics);

  function finish(epochs: NcfEvalEpoch[], stopReason: 'epochs' | 'cancelled', model: NcfModel | null, init?: RankingMetrics): NcfEvaluation {
    const best = epochs.reduce<NcfEvalEpoch | null>((b, r) => (!b || r.hr10 > b.hr10 ? r : b), null);
    return {
      options: { ...resolved, pretrainEpochs, pretrainedLearningRate: pretrainEpochs > 0 ? learningRate : null },
      users: split.train.users,
      items: split.train.itemCount,
      trainPairs: split.train.offsets[split.train.users],
      testUsers: split.testUsers.length,
      initial: init ?? null,
      popularity: evaluatePopularity(split.train, split, k),
      epochs,
      best,
      stopReason,
      totalSeconds: (now() - started) / 1000,
      model,
    };
  }
}
