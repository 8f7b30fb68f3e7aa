import type { RecommendModelName, RecommendModelResult, RecommendRules } from '../../../../shared/recommend';
import type { PackedNetwork } from './savedNetworks';
import type { SideFeatures } from './sideFeatures';
import type { PurchaseRows } from './rows';

/** What the training worker gets for a recommendation run's numbers (compute.ts) and what it sends back. */
export interface RecommendComputeInput {
  rows: PurchaseRows;
  userStart: Int32Array;
  /** Per item its category (−1 = unknown: its own category). */
  itemCategory: Int32Array;
  /** The window's last day and the time split's cut-off, in the rows' day numbers. */
  lastDay: number;
  cutoffDay: number;
  models: RecommendModelName[];
  negatives: number;
  k: number;
  rules: RecommendRules;
  seed: number;
  epochs: number;
  factors: number;
  trainNegatives: number;
  /** NeuMF: tower pre-training epochs (0 = none) and whether its MLP tower takes the side features. */
  pretrainEpochs?: number;
  sideFeatures?: boolean;
  /** Customer and product side features (Wide & Deep, NeuMF with sideFeatures); null when no model needs them. */
  features: SideFeatures | null;
  /** Items never recommended (the rules' excluded categories: non-merchandise lines); none when absent. */
  blocked?: Uint8Array;
}

/** users × k items and scores, row-major; −1 where a customer's list is shorter. */
export interface RecommendLists {
  items: Int32Array;
  scores: Float32Array;
}

export interface RecommendComputeResult {
  results: Partial<Record<RecommendModelName, RecommendModelResult>>;
  lists: Partial<Record<RecommendModelName, RecommendLists>>;
  /** The networks that ranked the lists, packed for the run's folder (savedNetworks.ts). */
  networks?: Partial<Record<RecommendModelName, PackedNetwork>>;
}

export interface RecommendComputeHooks {
  onModel?(model: RecommendModelName, phase: 'start' | 'done'): void;
  onEpoch?(model: RecommendModelName, epoch: number, epochs: number, loss: number, samplesPerSecond: number): void;
  isCancelled?(): boolean;
}
