import type { ChurnModelName, ChurnModelResult } from '../../../../shared/models';
import { fitBgnbd, pAlive, type BgnbdParams, type RepeatHistory } from '../bgnbd';
import { predictLogistic, trainLogistic, type LogisticModel } from '../logistic';
import { evaluate, type Predictions } from './evaluate';
import type { ChurnDataset } from './dataset';
import { fitStandardiser, standardise, type Split, type Standardiser } from './split';
import { fitTierRule, predictTierRule, type TierRuleModel } from './tierRule';

/** Per customer of the dataset (same order): the period-1 repeat history BG/NBD reads. */
export type Histories = { x: number; tx: number; T: number }[];

export interface TrainHooks {
  /** A model starts, or finishes (with its seconds). */
  onModel?(model: ChurnModelName, phase: 'start' | 'done'): void;
  throwIfCancelled?(): void;
}

/** A trained model as saved with the run (JSON), with what scoring new data needs. */
export type SavedModel =
  | { kind: 'tierRule'; model: TierRuleModel }
  | { kind: 'logistic'; model: LogisticModel; standardiser: { mean: number[]; std: number[] } }
  | { kind: 'bgnbd'; params: BgnbdParams; unit: 'week' };

export interface TrainedModels {
  results: Partial<Record<ChurnModelName, ChurnModelResult>>;
  saved: Partial<Record<ChurnModelName, SavedModel>>;
  /** Test-set predictions per model (for the run's charts). */
  predictions: Partial<Record<ChurnModelName, Predictions>>;
}

/**
 * Trains each chosen model on the training customers (validation for early stopping) and judges it on
 * the test customers only. Pure computation on the dataset's arrays: no database, so it can run in a worker.
 */
export function trainChurnModels(data: ChurnDataset, split: Split, models: readonly ChurnModelName[], histories: Histories | null, hooks: TrainHooks = {}): TrainedModels {
  const out: TrainedModels = { results: {}, saved: {}, predictions: {} };
  const yTest = Int32Array.from(split.test, (i) => data.y[i]);
  const weights = classWeights(data.y, split.train, data.classes);
  let standardiser: Standardiser | null = null;
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
      const model = trainLogistic(xTrain, split.train.length, data.d, yTrain, { classes: data.classes, classWeights: weights });
      const xTest = standardise(data.x, data.d, split.test, standardiser);
      p = { classes: data.classes, probabilities: predictLogistic(model, xTest, split.test.length) };
      out.saved.logistic = { kind: 'logistic', model, standardiser: { mean: Array.from(standardiser.mean), std: Array.from(standardiser.std) } };
      details = { iterations: model.iterations };
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
      out.results[name] = { applies: false, reason: `The ${name} model is not built yet.` };
      continue;
    }
    const seconds = (performance.now() - started) / 1000;
    const e = evaluate(yTest, p);
    out.predictions[name] = p;
    out.results[name] = { applies: true, seconds, ...e.scores, details: { ...details, report: e.report, lift: e.lift, calibration: e.calibration } };
    hooks.onModel?.(name, 'done');
  }
  return out;
}

/** Balanced class weights (n / (classes × count)) from the training rows; an absent class weighs 1. */
export function classWeights(y: Int32Array, rows: Int32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const i of rows) counts[y[i]] += 1;
  const present = counts.filter((c) => c > 0).length;
  return counts.map((c) => (c > 0 ? rows.length / (present * c) : 1));
}
