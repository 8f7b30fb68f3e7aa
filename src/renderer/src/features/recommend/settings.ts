import { CHAIN_NAMES } from '../../../../shared/i18n';
import type { RecommendModelName } from '../../../../shared/recommend';
import type { JobArgs } from '../../api/jobs';

/** The page's settings as the form holds them (percent as typed, empty = the service's default). */
export interface RecommendSettings {
  models: RecommendModelName[];
  negatives: number;
  /** ISO day; '' = the window's last three months. */
  cutoff: string;
  /** '' = all chains pooled; a chain code; or PER_CHAIN / OWN_CHAIN (one model per chain). */
  chain: string;
  k: number;
  seed: number;
  newOnly: boolean;
  /** 0–50 %, as typed (the service takes a share). */
  excludeTopPercent: number;
  excludeRecentDays: number;
  varietyPool: number;
  epochs: number;
  factors: number;
}

/** The defaults of recommendTrainSchema, NeuMF unticked (it takes the longest). */
export const DEFAULT_SETTINGS: RecommendSettings = {
  models: ['popularity', 'itemknn', 'mf', 'preference'],
  negatives: 49,
  cutoff: '',
  chain: '',
  k: 10,
  seed: 42,
  newOnly: true,
  excludeTopPercent: 1,
  excludeRecentDays: 7,
  varietyPool: 0,
  epochs: 10,
  factors: 8,
};

/** The N choices: the seed's 49 and the NCF paper's 99. */
export const NEGATIVE_CHOICES = [49, 99] as const;

/** The chain choice's two per-chain modes (not chain codes). */
export const PER_CHAIN = '@perChain';
export const OWN_CHAIN = '@ownChain';

/** The retail chains a run can be restricted to (A01…A06). */
export const RETAIL_CHAINS = Object.keys(CHAIN_NAMES).filter((c) => /^A\d\d$/.test(c));

/** A whole number within [min, max] from what the field holds (empty or junk: min). */
export const wholeIn = (value: string, min: number, max: number) => Math.min(max, Math.max(min, Math.trunc(Number(value) || 0)));

/** The job's arguments for the settings. */
export function trainArgs(project: string, s: RecommendSettings): JobArgs<'models.trainRecommend'> {
  return {
    project,
    models: s.models,
    negatives: s.negatives,
    cutoff: s.cutoff || undefined,
    chain: s.chain && !s.chain.startsWith('@') ? s.chain : undefined,
    chainMode: s.chain === PER_CHAIN ? 'perChain' : s.chain === OWN_CHAIN ? 'ownChain' : 'pooled',
    k: s.k,
    seed: s.seed,
    rules: { newOnly: s.newOnly, excludeTopShare: s.excludeTopPercent / 100, excludeRecentDays: s.excludeRecentDays, varietyPool: s.varietyPool },
    epochs: s.epochs,
    factors: s.factors,
  };
}
