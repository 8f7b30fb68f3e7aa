import { CHAIN_NAMES } from '../../../../shared/i18n';
import type { RecommendModelName } from '../../../../shared/recommend';
import type { JobArgs } from '../../api/jobRunner';

/** The page's settings as the form holds them (percent as typed, empty = the service's default). */
export interface RecommendSettings {
  models: RecommendModelName[];
  negatives: number;
  /** ISO day; '' = the window's last three months. */
  cutoff: string;
  /** '' = all chains pooled; a chain code; or PER_CHAIN / OWN_CHAIN (one model per chain). */
  chain: string;
  /** '' = all customers; PER_CLUSTER (one model per cluster); or a cluster's number (its customers only). */
  customers: string;
  k: number;
  seed: number;
  newOnly: boolean;
  /** 0–50 %, as typed (the service takes a share). */
  excludeTopPercent: number;
  excludeRecentDays: number;
  varietyPool: number;
  epochs: number;
  factors: number;
  /** NeuMF: tower pre-training epochs (0 = none) and side features in its MLP tower. */
  pretrainEpochs: number;
  sideFeatures: boolean;
}

/** The defaults of recommendTrainSchema, NeuMF unticked (it takes the longest). */
export const DEFAULT_SETTINGS: RecommendSettings = {
  models: ['popularity', 'itemknn', 'mf', 'preference'],
  negatives: 49,
  cutoff: '',
  chain: '',
  customers: '',
  k: 10,
  seed: 42,
  newOnly: true,
  excludeTopPercent: 1,
  excludeRecentDays: 7,
  varietyPool: 0,
  epochs: 10,
  factors: 8,
  pretrainEpochs: 0,
  sideFeatures: true,
};

/** The N choices: the seed's 49 and the NCF paper's 99. */
export const NEGATIVE_CHOICES = [49, 99] as const;

/** The chain choice's two per-chain modes (not chain codes). */
export const PER_CHAIN = '@perChain';
export const OWN_CHAIN = '@ownChain';

/** The customers choice's one-model-per-cluster mode (not a cluster number). */
export const PER_CLUSTER = '@perCluster';

/** True for the chain choices that train one model per chain. */
export const isPerChain = (chain: string) => chain === PER_CHAIN || chain === OWN_CHAIN;

/** True when the run is to learn from a clustering's customers (one cluster or one model per cluster). */
export const isClusterChoice = (customers: string) => customers !== '';

/** The retail chains a run can be restricted to (A01…A06). */
export const RETAIL_CHAINS = Object.keys(CHAIN_NAMES).filter((c) => /^A\d\d$/.test(c));

/** A whole number within [min, max] from what the field holds (empty or junk: min). */
export const wholeIn = (value: string, min: number, max: number) => Math.min(max, Math.max(min, Math.trunc(Number(value) || 0)));

/**
 * The job's arguments for the settings. A cluster choice names the clustering the form listed
 * (`clusteringRun`; absent: the service takes the latest) and, like the service, excludes the
 * per-chain modes: the form never offers both, and a stale pair trains pooled.
 */
export function trainArgs(project: string, s: RecommendSettings, clusteringRun?: string): JobArgs<'models.trainRecommend'> {
  const clusters = isClusterChoice(s.customers)
    ? { ...(clusteringRun ? { runId: clusteringRun } : {}), ...(s.customers === PER_CLUSTER ? {} : { cluster: Number(s.customers) }) }
    : undefined;
  return {
    project,
    models: s.models,
    negatives: s.negatives,
    cutoff: s.cutoff || undefined,
    chain: s.chain && !s.chain.startsWith('@') ? s.chain : undefined,
    chainMode: clusters ? 'pooled' : s.chain === PER_CHAIN ? 'perChain' : s.chain === OWN_CHAIN ? 'ownChain' : 'pooled',
    ...(clusters ? { clusters } : {}),
    k: s.k,
    seed: s.seed,
    rules: { newOnly: s.newOnly, excludeTopShare: s.excludeTopPercent / 100, excludeRecentDays: s.excludeRecentDays, varietyPool: s.varietyPool },
    epochs: s.epochs,
    factors: s.factors,
    pretrainEpochs: s.pretrainEpochs,
    sideFeatures: s.sideFeatures,
  };
}
