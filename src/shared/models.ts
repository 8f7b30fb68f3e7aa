import { z } from 'zod';
import { dateWindowSchema, isoDateSchema } from './analytics';

/**
 * Argument schemas and result types of the model capabilities (churn, BG/NBD). Shapes and defaults
 * only; the services check rules that relate fields.
 */

export const bgnbdFitSchema = z.object({
  /** The last day of the calibration period (default: the last purchase day). */
  calibrationEnd: isoDateSchema.optional(),
  /** Purchases from this day on (default: all). */
  from: isoDateSchema.optional(),
  /** The time unit of t_x and T: weeks, as the papers report, or days. */
  unit: z.enum(['week', 'day']).default('week'),
});
export type BgnbdFitArgs = z.output<typeof bgnbdFitSchema>;

/** BG/NBD (Fader, Hardie & Lee 2005) fitted by maximum likelihood on repeat purchase days. */
export interface BgnbdFitResult {
  r: number;
  alpha: number;
  a: number;
  b: number;
  logLikelihood: number;
  unit: 'week' | 'day';
  /** Customers with a purchase in the calibration period. */
  customers: number;
  calibrationEnd: string;
}

// ───────────────────────────── Churn ─────────────────────────────

/** The churn models, the tier rule and BG/NBD being the baselines. */
export const CHURN_MODELS = ['mlp', 'gbdt', 'logistic', 'tierRule', 'bgnbd'] as const;
export type ChurnModelName = (typeof CHURN_MODELS)[number];

export const churnTrainSchema = z.object({
  /** binary: bought in period 1, nothing in period 2; transition: period-1 tier → period-2 tier or 비활동. */
  label: z.enum(['binary', 'transition']).default('binary'),
  /** Binary churn among all period-1 buyers, or only the last tier's (기타 → 비활동, the seed's weakest class). */
  population: z.enum(['all', 'lastTier']).default('all'),
  /** Period 1 (features) and period 2 (labels); default the Segments page's H1/H2. */
  periods: z.tuple([dateWindowSchema, dateWindowSchema]).optional(),
  models: z.array(z.enum(CHURN_MODELS)).min(1, 'choose at least one model').default([...CHURN_MODELS]),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  /** Share of the customers held out for the test (never seen in training) and for early stopping. */
  testShare: z.number().min(0.05).max(0.5).default(0.2),
  validShare: z.number().min(0.05).max(0.3).default(0.1),
});
export type ChurnTrainArgs = z.output<typeof churnTrainSchema>;
export type ChurnTrainArgsIn = z.input<typeof churnTrainSchema>;

/** The comparison figures of one model on the test customers; null where undefined (one class only). */
export interface ModelScores {
  rocAuc: number | null;
  prAuc: number | null;
  accuracy: number;
  macroF1: number;
  weightedF1: number;
}

/** Permutation importance of one model on the test customers (services/models/churn/importance.ts). */
export interface FeatureImportanceSummary {
  /** The score that drops: ROC-AUC (binary) or macro one-vs-rest ROC-AUC (transitions). */
  metric: 'rocAuc' | 'macroRocAuc';
  /** The score with no column shuffled. */
  baseline: number;
  /** Test customers it was measured on, and shuffles per feature. */
  rows: number;
  repeats: number;
  /** Every feature, the largest mean drop first (English keys; featureLabel words them). */
  features: { feature: string; mean: number; std: number }[];
  seconds: number;
}

/** One model's result: its scores, or why it does not apply to this label. */
export type ChurnModelResult =
  | ({ applies: true; seconds: number; details: Record<string, unknown> } & ModelScores)
  | { applies: false; reason: string };

export interface ChurnRunReport {
  run: { id: string; backend: string; seconds: number; seed: number };
  label: 'binary' | 'transition';
  /** Whom binary churn was judged on (absent in runs recorded before it existed: all). */
  population?: 'all' | 'lastTier';
  periods: [{ from: string; to: string }, { from: string; to: string }];
  /** Class names (binary: 유지/이탈 by index; transition: "최우수→비활동" …). */
  classes: string[];
  /** The class names in each UI language (runs recorded before it had only `classes`, in Korean). */
  classLabels?: { ko: string[]; en: string[] };
  features: string[];
  train: { customers: number };
  valid: { customers: number };
  test: { customers: number; positives?: number };
  models: Partial<Record<ChurnModelName, ChurnModelResult>>;
  /** The model with the best test ROC-AUC (binary) or macro-F1 (transition). */
  best: ChurnModelName | null;
}

export const churnScoreSchema = z.object({
  runId: z.string().min(1),
  /** The run's model to apply; default its best. */
  model: z.enum(CHURN_MODELS).optional(),
});

/** A scoring of every customer with a run's model, saved in churn_scores. */
export interface ChurnScoreSummary {
  runId: string;
  model: ChurnModelName;
  /** The latest window the features came from. */
  window: { from: string; to: string };
  customers: number;
  meanRisk: number;
  /** Customers with a risk of 0.5 or more. */
  highRisk: number;
}
