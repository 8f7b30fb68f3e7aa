import { EXPORT_COLUMN_GROUPS, type ExportColumnGroup, type TargetListArgsIn } from '../../../../shared/export';
import type { RecommendModelName } from '../../../../shared/recommend';

/** The target list as the form holds it (percent as typed; '' or null = no filter / the service's default). */
export interface ListSettings {
  /** Period-2 states: tier 0 … k − 1, k = 비활동. */
  tiers: number[];
  /** [from, to] cells of the transition matrix (from k = 신규, to k = 비활동). */
  transitions: [number, number][];
  risk: 'any' | 'min' | 'top';
  /** 0–100 %, as typed. */
  minRiskPercent: number;
  topN: number;
  chain: string;
  channel: '' | 'online' | 'offline';
  genders: string[];
  ageBands: string[];
  clusters: number[];
  columns: ExportColumnGroup[];
  recommendK: number;
  /** '' = the latest run's best model. */
  recommendModel: RecommendModelName | '';
  /** 0–90 %, as typed. */
  controlPercent: number;
  seed: number;
  lang: 'ko' | 'en';
}

export const DEFAULT_LIST: ListSettings = {
  tiers: [],
  transitions: [],
  risk: 'any',
  minRiskPercent: 50,
  topN: 500,
  chain: '',
  channel: '',
  genders: [],
  ageBands: [],
  clusters: [],
  columns: [...EXPORT_COLUMN_GROUPS],
  recommendK: 3,
  recommendModel: '',
  controlPercent: 10,
  seed: 42,
  lang: 'ko',
};

/** The target list's arguments (export.preview; export.write adds the file). */
export function listArgs(project: string, s: ListSettings, hasRisk: boolean): TargetListArgsIn & { project: string } {
  return {
    project,
    ...(s.tiers.length ? { tiers: s.tiers } : {}),
    ...(s.transitions.length ? { transitions: s.transitions } : {}),
    ...(hasRisk && s.risk === 'min' ? { minRisk: Math.min(1, Math.max(0, s.minRiskPercent / 100)) } : {}),
    ...(hasRisk && s.risk === 'top' ? { topN: Math.max(1, Math.trunc(s.topN)) } : {}),
    ...(s.chain ? { chain: s.chain } : {}),
    ...(s.channel ? { channel: s.channel } : {}),
    ...(s.genders.length ? { genders: s.genders } : {}),
    ...(s.ageBands.length ? { ageBands: s.ageBands } : {}),
    ...(s.clusters.length ? { clusters: { clusters: s.clusters } } : {}),
    recommend: { k: s.recommendK, ...(s.recommendModel ? { model: s.recommendModel } : {}) },
    columns: s.columns,
    controlShare: Math.min(0.9, Math.max(0, s.controlPercent / 100)),
    seed: s.seed,
    lang: s.lang,
  };
}

/** Today as YYYY-MM-DD in the local calendar. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** `<project>/exports/target-<date>.csv`, with the project's own path separator. */
export function defaultOut(project: string, date: string, format: 'csv' | 'parquet' = 'csv'): string {
  const sep = project.includes('\\') && !project.includes('/') ? '\\' : '/';
  const base = project.replace(/[\\/]+$/, '');
  return `${base}${sep}exports${sep}target-${date}.${format}`;
}

/** The path with the format's extension (a .csv path becomes .parquet and back; another name stays). */
export function withExtension(path: string, format: 'csv' | 'parquet'): string {
  return path.replace(/\.(csv|parquet)$/i, `.${format}`);
}

/** Adds or removes one value, keeping the order of `all`. */
export function toggled<T>(all: readonly T[], chosen: readonly T[], v: T, same: (a: T, b: T) => boolean = Object.is): T[] {
  return chosen.some((x) => same(x, v)) ? chosen.filter((x) => !same(x, v)) : all.filter((x) => same(x, v) || chosen.some((c) => same(c, x)));
}
