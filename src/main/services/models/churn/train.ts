import type { ChurnModelName, ChurnModelResult } from '../../../../shared/models';
import { fitBgnbd, pAlive, type BgnbdParams, type RepeatHistory } from '../bgnbd';
import { predictLogistic, trainLogistic, type LogisticModel } from '../logistic';
import { evaluate, type Predictions } from './evaluate';
import type { ChurnDataset } from './dataset';
import { fitStandardiser, standardise, takeRows, type Split, type Standardiser } from './split';
import { predictProba, toJSON, trainGbdt } from '../gbdt';
import { MLP_DEFAULTS, predictMlp, saveMlp, trainMlp } from '../mlp';
import { modelImportance } from './importance';
import { fitTierRule, predictTierRule, type TierRuleModel } from './tierRule';

/** Per customer of the dataset (same order): the period-1 repeat history BG/NBD reads. */
export type Histories = { x: number; tx: number; T: number }[];

export interface TrainHooks {
  /** A model starts, or finishes (with its seconds). */
  onModel?(model: ChurnModelName, phase: 'start' | 'done'): void;
  /** An iterative model finished a round (epoch): its training and validation loss. */
  onRound?(model: ChurnModelName, round: number, trainLoss: number, validLoss: number | null): void;
  /** A batch of an iterative network finished (the worker throttles these). */
  onBatch?(model: ChurnModelName, epoch: number, batch: number, batches: number, loss: number, samplesPerSecond: number): void;
  /** True once a cancel was asked: training stops at the next round. */
  isCancelled?(): boolean;
  throwIfCancelled?(): void;
}

/** The GBDT settings a churn run uses (recorded with the run). Multiclass rounds cost a tree per class, hence the subsampling. */
export const GBDT_SETTINGS = {
  binary: { rounds: 400, learningRate: 0.05, maxLeaves: 31, minSamplesLeaf: 20, rowSubsample: 0.8, colSubsample: 0.8, earlyStoppingRounds: 30 },
  multiclass: { rounds: 200, learningRate: 0.1, maxLeaves: 15, minSamplesLeaf: 20, rowSubsample: 0.5, colSubsample: 0.5, earlyStoppingRounds: 15 },
} as const;

/** A trained model as saved with the run (JSON), with what scoring new data needs. */
export type SavedModel =
  | { kind: 'tierRule'; model: TierRuleModel }
  | { kind: 'logistic'; model: LogisticModel; standardiser: { mean: number[]; std: number[] } }
  | { kind: 'bgnbd'; params: BgnbdParams; unit: 'week' }
  | { kind: 'gbdt'; model: string }
  | { kind: 'mlp'; files: { topology: unknown; weightSpecs: unknown; weights: Uint8Array }; standardiser: { mean: number[]; std: number[] } };

export interface TrainedModels {
  results: Partial<Record<ChurnModelName, ChurnModelResult>>;
  saved: { [K in SavedModel['kind']]?: Extract<SavedModel, { kind: K }> };
  /** Test-set predictions per model (for the run's charts). */
  predictions: Partial<Record<ChurnModelName, Predictions>>;
}

/**
 * Trains each chosen model on the training customers (validation for early stopping) and judges it on
 * the test customers only. Pure computation on the dataset's arrays: no database, so it can run in a worker.
 */
export async function trainChurnModels(
  data: ChurnDataset,
  split: Split,
  models: readonly ChurnModelName[],
  histories: Histories | null,
  seed: number,
  hooks: TrainHooks = {},
): Promise<TrainedModels> {
  const out: TrainedModels = { results: {}, saved: {}, predictions: {} };
  const yTest = Int32Array.from(split.test, (i) => data.y[i]);
  const weights = classWeights(data.y, split.train, data.classes);
  let standardiser: Standardiser | null = null;
  /** The learned models' predictions on the test matrix as they read it, for the importance. */
  const predictors = new Map<ChurnModelName, { predict: (x: Float32Array, n: number) => Float64Array; xTest: Float32Array; dispose?: () => void }>();
  for (const name of models) {
    hooks.throwIfCancelled?.();
    hooks.onModel?.(name, 'start');
    const started = performance.now();
    let p: Predictions | null = null;
    let details: Record<string, unknown> = {};
    if (name === 'tierRule') {
      const model = fitTierRule(data.tier1, data.y, split.train, data.tiers, data.classes);
      p = { classes: data.classes, probabilities: predictTierRule(model, data.tier1, split.test) };
      out.saved.tierRule = { kind: 'tierRule', model };
    } else if (name === 'logistic') {
      standardiser ??= fitStandardiser(data.x, data.d, split.train);
      const xTrain = standardise(data.x, data.d, split.train, standardiser);
      const yTrain = Int32Array.from(split.train, (i) => data.y[i]);
      const model = trainLogistic(xTrain, split.train.length, data.d, yTrain, { classes: data.classes, classWeights: weights, shouldStop: () => hooks.isCancelled?.() ?? false });
      hooks.throwIfCancelled?.();
      const xTest = standardise(data.x, data.d, split.test, standardiser);
      p = { classes: data.classes, probabilities: predictLogistic(model, xTest, split.test.length) };
      predictors.set('logistic', { predict: (x, n) => predictLogistic(model, x, n), xTest });
      out.saved.logistic = { kind: 'logistic', model, standardiser: { mean: Array.from(standardiser.mean), std: Array.from(standardiser.std) } };
      details = { iterations: model.iterations };
    } else if (name === 'mlp') {
      standardiser ??= fitStandardiser(data.x, data.d, split.train);
      const s = standardiser;
      const rows = (r: Int32Array) => ({ x: standardise(data.x, data.d, r, s), n: r.length, y: Int32Array.from(r, (i) => data.y[i]) });
      const result = await trainMlp(
        data.d,
        rows(split.train),
        rows(split.valid),
        { classes: data.classes, seed, classWeights: weights },
        {
          isCancelled: () => hooks.isCancelled?.() ?? false,
          onEpoch: (epoch, _epochs, trainLoss, validLoss) => hooks.onRound?.('mlp', epoch, trainLoss, validLoss),
          onBatch: (epoch, batch, batches, loss, samplesPerSecond) => hooks.onBatch?.('mlp', epoch, batch, batches, loss, samplesPerSecond),
        },
      );
      hooks.throwIfCancelled?.();
      const xTest = standardise(data.x, data.d, split.test, s);
      p = { classes: data.classes, probabilities: predictMlp(result.model, xTest, split.test.length, data.d) };
      predictors.set('mlp', { predict: (x, n) => predictMlp(result.model, x, n, data.d), xTest, dispose: () => result.model.dispose() });
      out.saved.mlp = { kind: 'mlp', files: await saveMlp(result.model), standardiser: { mean: Array.from(s.mean), std: Array.from(s.std) } };
      details = { epochsRun: result.epochsRun, bestEpoch: result.bestEpoch, trainLoss: result.trainLoss, validLoss: result.validLoss, settings: MLP_DEFAULTS };
    } else if (name === 'gbdt') {
      const multi = data.classes > 2;
      const rows = (r: Int32Array) => ({ x: takeRows(data.x, data.d, r), n: r.length, y: Int32Array.from(r, (i) => data.y[i]) });
      const tr = rows(split.train);
      const settings = multi ? GBDT_SETTINGS.multiclass : GBDT_SETTINGS.binary;
      const model = trainGbdt(
        tr.x,
        tr.n,
        data.d,
        tr.y,
        { ...settings, objective: multi ? 'multiclass' : 'binary', ...(multi ? { numClass: data.classes } : {}), seed, classWeights: weights },
        { onRound: (round, trainLoss, validLoss) => hooks.onRound?.('gbdt', round, trainLoss, validLoss), shouldStop: () => hooks.isCancelled?.() ?? false },
        rows(split.valid),
      );
      hooks.throwIfCancelled?.();
      const xTest = takeRows(data.x, data.d, split.test);
      p = { classes: data.classes, probabilities: predictProba(model, xTest, split.test.length) };
      predictors.set('gbdt', { predict: (x, n) => predictProba(model, x, n), xTest });
      out.saved.gbdt = { kind: 'gbdt', model: toJSON(model) };
      details = { roundsRun: model.training.roundsRun, bestRound: model.training.bestRound, stopReason: model.training.stopReason, trainLoss: model.training.trainLoss, validLoss: model.training.validLoss, settings };
    } else if (name === 'bgnbd') {
      if (data.label !== 'binary') {
        out.results.bgnbd = { applies: false, reason: 'BG/NBD gives P(alive), a churn score; it predicts no tier transition.' };
        continue;
      }
      if (!histories) throw new Error('BG/NBD needs the customers’ repeat histories.');
      const train: RepeatHistory[] = Array.from(split.train, (i) => ({ ...histories[i], count: 1 }));
      const fit = fitBgnbd(train);
      p = { classes: 2, probabilities: Float64Array.from(split.test, (i) => 1 - pAlive(fit.params, histories[i].x, histories[i].tx, histories[i].T)) };
      out.saved.bgnbd = { kind: 'bgnbd', params: fit.params, unit: 'week' };
      details = { ...fit.params, logLikelihood: fit.logLikelihood };
    } else {
      throw new Error(`Unknown churn model ${String(name)}.`);
    }
    const seconds = (performance.now() - started) / 1000;
    const e = evaluate(yTest, p);
    out.predictions[name] = p;
    out.results[name] = { applies: true, seconds, ...e.scores, details: { ...details, report: e.report, lift: e.lift, calibration: e.calibration, importance: null } };
    hooks.onModel?.(name, 'done');
  }
  try {
    // Permutation importance for the best model that reads the features (its cost is a few hundred
    // predictions of the test customers, so one model, not all).
    const best = bestLearned(out.results, data.label);
    const chosen = best && predictors.get(best);
    if (best && chosen) {
      hooks.throwIfCancelled?.();
      // Each shuffle's predictions check for a cancel first, so a cancel ends it within one prediction.
      const predict = (x: Float32Array, n: number) => {
        hooks.throwIfCancelled?.();
        return chosen.predict(x, n);
      };
      const importance = modelImportance(predict, chosen.xTest, yTest, data.d, data.classes, data.names, seed);
      const result = out.results[best];
      if (result?.applies) result.details.importance = importance;
    }
  } finally {
    for (const p of predictors.values()) p.dispose?.();
  }
  return out;
}

/** The best of the models that read the features (MLP, GBDT, logistic): test ROC-AUC (binary) or macro-F1 (transitions). */
function bestLearned(results: TrainedModels['results'], label: 'binary' | 'transition'): ChurnModelName | null {
  let best: ChurnModelName | null = null;
  let score = -Infinity;
  for (const name of ['gbdt', 'mlp', 'logistic'] as const) {
    const r = results[name];
    if (!r?.applies) continue;
    const s = label === 'binary' ? (r.rocAuc ?? -Infinity) : r.macroF1;
    if (s > score) [best, score] = [name, s];
  }
  return best;
}

/**
 * Class weights from the training rows: balanced (n / (classes × count)) for binary churn, so the rare
 * churners count; their square root for the 20 transitions, where full balancing gives up too much
 * accuracy on the common classes for the rare ones (measured on the sample: accuracy 0.49 → 0.53 at
 * the same macro-F1). An absent class weighs 1.
 */
export function classWeights(y: Int32Array, rows: Int32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const i of rows) counts[y[i]] += 1;
  const present = counts.filter((c) => c > 0).length;
  const balanced = counts.map((c) => (c > 0 ? rows.length / (present * c) : 1));
  return classes > 2 ? balanced.map(Math.sqrt) : balanced;
}
