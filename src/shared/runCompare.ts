import { CHURN_MODELS, type ChurnModelName, type ChurnRunReport, type ModelScores } from './models';
import type { RunInfo } from './runs';

export const COMPARED_SCORES = ['rocAuc', 'prAuc', 'accuracy', 'macroF1', 'weightedF1'] as const satisfies readonly (keyof ModelScores)[];
export type ComparedScore = (typeof COMPARED_SCORES)[number];

/** One model's scores in run A and run B (null: the model was not trained, does not apply, or the score is undefined). */
export interface ModelComparisonRow {
  model: ChurnModelName;
  a: Record<ComparedScore, number | null>;
  b: Record<ComparedScore, number | null>;
  /** B − A where both exist. */
  delta: Record<ComparedScore, number | null>;
}

/** A setting that differs between the runs, as both recorded it. */
export interface SettingDifference {
  setting: 'label' | 'periods' | 'seed' | 'models' | 'backend' | 'data' | 'testCustomers';
  a: string;
  b: string;
}

export interface RunComparison {
  a: string;
  b: string;
  /** Whether the scores were measured on the same test customers (same data, periods, label, seed and split shares). */
  sameTestCustomers: boolean;
  differences: SettingDifference[];
  models: ModelComparisonRow[];
}

const scoresOf = (report: ChurnRunReport, model: ChurnModelName): Record<ComparedScore, number | null> => {
  const r = report.models[model];
  return Object.fromEntries(COMPARED_SCORES.map((k) => [k, r?.applies && typeof r[k] === 'number' ? r[k] : null])) as Record<ComparedScore, number | null>;
};

/**
 * Two churn runs side by side: every model either trained, with B − A per score, and the settings
 * that differ. Scores are comparable as they stand only on the same test customers; the flag says
 * whether they were.
 */
export function compareChurnRuns(runA: RunInfo, runB: RunInfo): RunComparison {
  const a = runA.metrics as unknown as ChurnRunReport | null;
  const b = runB.metrics as unknown as ChurnRunReport | null;
  if (!a || !b || runA.kind !== 'churn' || runB.kind !== 'churn') throw new Error('Both runs must be finished churn runs.');
  const settings = (r: RunInfo) => r.settings as { testShare?: number; validShare?: number };
  const pairs: [SettingDifference['setting'], string, string][] = [
    ['label', a.label, b.label],
    ['periods', a.periods.map((p) => `${p.from}~${p.to}`).join(' → '), b.periods.map((p) => `${p.from}~${p.to}`).join(' → ')],
    ['seed', String(a.run.seed), String(b.run.seed)],
    ['models', Object.keys(a.models).join(','), Object.keys(b.models).join(',')],
    ['backend', a.run.backend, b.run.backend],
    ['data', runA.dataFingerprint, runB.dataFingerprint],
    ['testCustomers', String(a.test.customers), String(b.test.customers)],
  ];
  const differences = pairs.filter(([, x, y]) => x !== y).map(([setting, x, y]) => ({ setting, a: x, b: y }));
  const sameSplit = settings(runA).testShare === settings(runB).testShare && settings(runA).validShare === settings(runB).validShare;
  const sameTestCustomers = sameSplit && !differences.some((d) => ['label', 'periods', 'seed', 'data', 'testCustomers'].includes(d.setting));
  const known = new Set<string>(CHURN_MODELS);
  const names = CHURN_MODELS.filter((m) => a.models[m] || b.models[m]).concat(
    [...new Set([...Object.keys(a.models), ...Object.keys(b.models)])].filter((m) => !known.has(m)) as ChurnModelName[],
  );
  const models = names.map((model) => {
    const sa = scoresOf(a, model);
    const sb = scoresOf(b, model);
    const delta = Object.fromEntries(COMPARED_SCORES.map((k) => [k, sa[k] !== null && sb[k] !== null ? sb[k]! - sa[k]! : null])) as Record<ComparedScore, number | null>;
    return { model, a: sa, b: sb, delta };
  });
  return { a: runA.runId, b: runB.runId, sameTestCustomers, differences, models };
}
