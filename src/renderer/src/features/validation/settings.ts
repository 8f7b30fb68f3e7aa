import { defaultCutoff as sharedDefaultCutoff } from '../../../../shared/cutoff';
import type { ChurnModelName } from '../../../../shared/models';
import type { RecommendModelName } from '../../../../shared/recommend';
import type { JobArgs } from '../../api/jobs';

/** The page's settings as the form holds them (empty cut-off = the service's default). */
export interface ValidationSettings {
  /** ISO day; '' = the data's last three months observed. */
  cutoff: string;
  recommendModels: RecommendModelName[];
  churnModels: ChurnModelName[];
  k: number;
  seed: number;
  epochs: number;
  factors: number;
}

/** The defaults of validationSchema. */
export const DEFAULT_SETTINGS: ValidationSettings = {
  cutoff: '',
  recommendModels: ['popularity', 'itemknn', 'mf', 'preference'],
  churnModels: ['gbdt', 'logistic', 'tierRule', 'bgnbd'],
  k: 10,
  seed: 42,
  epochs: 3,
  factors: 8,
};

/** A whole number within [min, max] from what the field holds (empty or junk: min). */
export const wholeIn = (value: string, min: number, max: number) => Math.min(max, Math.max(min, Math.trunc(Number(value) || 0)));

/** The cut-off the service takes when none is given (shared/cutoff.ts), for the form to show; the report's cut-off is the one used. */
export function defaultCutoff(from: string | null, to: string | null): string | null {
  return from && to ? sharedDefaultCutoff({ from, to }) : null;
}

/** The job's arguments for the settings. */
export function validationArgs(project: string, s: ValidationSettings): JobArgs<'validation.run'> {
  return {
    project,
    cutoff: s.cutoff || undefined,
    recommendModels: s.recommendModels,
    churnModels: s.churnModels,
    k: s.k,
    seed: s.seed,
    epochs: s.epochs,
    factors: s.factors,
  };
}
