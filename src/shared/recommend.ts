import { z } from 'zod';
import type { WireIssue } from './errors';
import { dateWindowSchema, isoDateSchema } from './analytics';

/**
 * Product recommendations: argument schema and result types. Shapes and defaults only; the service
 * (services/models/recommend) checks the rules that relate fields (cut-off inside the window, a chain
 * with purchases, K within the catalogue).
 */

/** The recommenders a run can train, judged on one protocol. */
export const RECOMMEND_MODELS = ['popularity', 'itemknn', 'mf', 'preference', 'neumf', 'widedeep'] as const;
export type RecommendModelName = (typeof RECOMMEND_MODELS)[number];

/** The L.POINT catalogue's non-merchandise category (봉투보증금, 렌탈수수료, 공병/공박스 …): lines, not products to offer. */
export const NON_MERCHANDISE = ['기타(비상품)'] as const;

export const recommendRulesSchema = z.object({
  /** Only products new to the customer (default), or allow repurchase. */
  newOnly: z.boolean().default(true),
  /** The top share of best-sellers (by buyers) never recommended: seed 001 used 1 %. */
  excludeTopShare: z.number().min(0).max(0.5).default(0.01),
  /** Products bought in the last n days of the window are not recommended (seed: 7; 0 = off). */
  excludeRecentDays: z.number().int().min(0).max(365).default(7),
  /** 0 = the plain top K; else K drawn (seeded) from each customer's top n for variety (seed 001: 30). */
  varietyPool: z.number().int().min(0).max(200).default(0),
  /** Catalogue categories never recommended: the non-merchandise lines (bag and bottle deposits, rental fees) by default. */
  excludeCategories: z.array(z.string().min(1)).default([...NON_MERCHANDISE]),
});
export type RecommendRules = z.output<typeof recommendRulesSchema>;

export const recommendTrainSchema = z.object({
  models: z.array(z.enum(RECOMMEND_MODELS)).min(1, 'choose at least one model').default(['popularity', 'itemknn', 'mf', 'preference']),
  /** The purchases the models learn from (default: all). */
  window: dateWindowSchema.optional(),
  /** The time split: learn before this day, test on the products first bought from it on (default: the window's last three months). */
  cutoff: isoDateSchema.optional(),
  /** Only this chain's purchases (A01…); default all chains. */
  chain: z.string().trim().min(1).max(20).optional(),
  /**
   * pooled: one model over the chosen purchases; perChain: one model per chain (seed 001: A01–A06), each
   * customer gets a list at every chain they bought at; ownChain: one model per chain, each customer gets
   * the list of their own main chain (most lines).
   */
  chainMode: z.enum(['pooled', 'perChain', 'ownChain']).default('pooled'),
  /**
   * Only the customers of a clustering (default run: the latest): one cluster's, or, without `cluster`,
   * one model per cluster (seed 003), each learning from its own customers' purchases only.
   */
  clusters: z.object({ runId: z.string().min(1).optional(), cluster: z.number().int().min(0).optional() }).optional(),
  /** Sampled negatives per held-out product in the leave-one-out evaluation (seed: 49; NCF paper: 99). */
  negatives: z.number().int().min(1).max(999).default(49),
  /** Length of each customer's saved list. */
  k: z.number().int().min(1).max(100).default(10),
  rules: recommendRulesSchema.default({ newOnly: true, excludeTopShare: 0.01, excludeRecentDays: 7, varietyPool: 0, excludeCategories: [...NON_MERCHANDISE] }),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  /** NeuMF and Wide & Deep: epochs, predictive factors (Wide & Deep: embedding width), training negatives per positive (re-drawn every epoch). */
  epochs: z.number().int().min(1).max(200).default(10),
  factors: z.number().int().min(2).max(128).default(8),
  trainNegatives: z.number().int().min(1).max(20).default(4),
  /**
   * NeuMF only: epochs to pre-train its GMF and MLP towers each before NeuMF's own epochs (NCF §3.4.1),
   * which then run at a tenth of the learning rate; 0 = no pre-training.
   */
  pretrainEpochs: z.number().int().min(0).max(50).default(0),
  /**
   * NeuMF only: give its MLP tower the customer and product side features (Wide & Deep always has them).
   * On by default: on the full-scale sample HR@10 0.686 vs 0.663 and recall@10 0.086 vs 0.080 without.
   */
  sideFeatures: z.boolean().default(true),
});
export type RecommendTrainArgs = z.output<typeof recommendTrainSchema>;
export type RecommendTrainArgsIn = z.input<typeof recommendTrainSchema>;

/** Leave-one-out: each customer's last new product among it plus `negatives` products they never bought. */
export interface SampledScores {
  negatives: number;
  /** Customers evaluated (two or more distinct products) and those left out (fewer). */
  users: number;
  skipped: number;
  /** HR@K and NDCG@K for K = 1..10 (index K − 1). */
  hr: number[];
  ndcg: number[];
}

/** Time split: learn before the cut-off, rank the whole catalogue, check the products first bought after it. */
export interface TimeSplitScores {
  k: number;
  users: number;
  recall: number;
  precision: number;
  ndcg: number;
  /** Share of the catalogue in anyone's top K. */
  coverage: number;
  /** Share of recommended slots taken by the top 1 % best-sellers. */
  topShare: number;
}

export interface RecommendModelResult {
  model: RecommendModelName;
  /** The model's whole time (fits, both evaluations, the lists) and the part spent ranking every customer's list. */
  seconds: number;
  listSeconds?: number;
  sampled: SampledScores;
  timeSplit: TimeSplitScores;
  /**
   * The preference score only: pairs bought before the cut-off with score ≥ threshold (0.0 … 4.5),
   * and the share of them bought again from the cut-off on (seed 001's repurchase table).
   */
  repurchase?: { threshold: number; pairs: number; share: number | null }[];
  /** Training loss per epoch (networks only). */
  loss?: number[];
  samplesPerSecond?: number;
}

/** One chain's models in the per-chain modes. */
export interface RecommendChainReport {
  chain: string;
  /** Per-cluster runs: the cluster this part learned from (chain is then the run's chain or ''). */
  cluster?: { id: number; name: string };
  data: { customers: number; products: number; pairs: number };
  models: Partial<Record<RecommendModelName, RecommendModelResult>>;
  best: RecommendModelName;
}

export interface RecommendRunReport {
  run: { id: string; seconds: number; seed: number };
  window: { from: string; to: string };
  cutoff: string;
  chain: string | null;
  chainMode: 'pooled' | 'perChain' | 'ownChain';
  /**
   * The per-chain modes: each chain's own figures (chains too small for the protocol are listed in
   * `skippedChains`); `models` then holds their means weighted by the customers each evaluated.
   */
  chains?: RecommendChainReport[];
  /** Parts too small for the protocol: the reason in English, and the same as an issue the app words in its language. */
  skippedChains?: { chain: string; reason: string; issue?: WireIssue }[];
  /** Runs on a clustering's customers: its run, and the one cluster (null: one model per cluster, in `chains`). */
  clusters?: { runId: string; cluster: number | null };
  data: { customers: number; products: number; pairs: number };
  rules: RecommendRules;
  k: number;
  models: Partial<Record<RecommendModelName, RecommendModelResult>>;
  /** The model with the best HR@10 (sampled): its lists are the run's default for the export. */
  best: RecommendModelName;
  /** Lists saved in `recommendations` (per chain in the per-chain modes): customers × up to k rows per model. */
  saved: { customers: number; rows: number };
}

export const recommendListsSchema = z.object({
  runId: z.string().min(1),
  model: z.enum(RECOMMEND_MODELS),
  /** One customer's list; all customers (paged) when absent. */
  customer: z.string().min(1).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(20),
});

/** A page of saved lists: customers in code order, each list best first (per-chain runs: chain by chain; chain null otherwise). */
export interface RecommendListPage {
  runId: string;
  model: string;
  /** Customers with a list (matching the customer filter). */
  total: number;
  offset: number;
  customers: { customerId: string; items: { chain: string | null; rank: number; productId: string; name: string; category: string; score: number }[] }[];
}
