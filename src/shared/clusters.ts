import { z } from 'zod';
import { dateWindowSchema } from './analytics';

/**
 * Customer clusters (lifestyle groups): argument schema and result types. Shapes and defaults only;
 * the service (services/analytics/clusters) checks the rules that relate fields.
 */

/** Seed 002's two feature groups: when and how a customer shops (behaviour), what they buy (consumption). */
export const CLUSTER_FEATURE_GROUPS = ['behaviour', 'consumption', 'both'] as const;
export type ClusterFeatureGroup = (typeof CLUSTER_FEATURE_GROUPS)[number];

/** The k range the scan tries and a fixed k may take. */
export const CLUSTER_K_MIN = 2;
export const CLUSTER_K_MAX = 12;

export const clusterRunSchema = z.object({
  features: z.enum(CLUSTER_FEATURE_GROUPS).default('both'),
  /** A fixed number of clusters, or 'auto': the scan's suggestion (best silhouette). */
  k: z.union([z.number().int().min(CLUSTER_K_MIN).max(CLUSTER_K_MAX), z.literal('auto')]).default('auto'),
  /** The purchases the features read (default: all of them). */
  window: dateWindowSchema.optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  /** K-means restarts per k (k-means++ each); the lowest inertia is kept. */
  restarts: z.number().int().min(1).max(20).default(4),
  /** log1p on the skewed amounts and counts before standardising. */
  logSkewed: z.boolean().default(true),
  /** Category → group for the consumption features (merge small categories; default: the built-in map). */
  categoryGroups: z.record(z.string().min(1), z.string().trim().min(1).max(30)).optional(),
});
export type ClusterRunArgs = z.output<typeof clusterRunSchema>;
export type ClusterRunArgsIn = z.input<typeof clusterRunSchema>;

/** One k of the scan: inertia (elbow) and mean silhouette (null where undefined). */
export interface ClusterScanRow {
  k: number;
  inertia: number;
  silhouette: number | null;
}

/** What sets a cluster apart: a feature's mean in it against all customers, in standard deviations. */
export interface ClusterTrait {
  feature: string;
  mean: number;
  overall: number;
  /** (mean − overall) / the feature's standard deviation over all customers. */
  z: number;
}

export interface ClusterProfile {
  cluster: number;
  size: number;
  share: number;
  /** Suggested from the top traits (editable on the page; the edit is saved on the run). */
  name: { ko: string; en: string };
  /** The 5 traits with the largest |z|, largest first. */
  traits: ClusterTrait[];
  /** The cluster's mean of every feature (raw units), in `features` order. */
  means: number[];
}

export interface ClusterRunReport {
  run: { id: string; seconds: number; seed: number };
  window: { from: string; to: string };
  featureGroup: ClusterFeatureGroup;
  /** Feature keys (Korean and English names via featureLabel). */
  features: string[];
  /** Features constant over the customers (scaled to 0, so they do not count). */
  constantFeatures: string[];
  /** Customers clustered (bought in the window); customers without a purchase there get no cluster. */
  customers: number;
  k: number;
  /** The scan k = 2..12 (empty when k was fixed), the silhouette's pick and the elbow's. */
  scan: ClusterScanRow[];
  suggestedK: number | null;
  elbowK: number | null;
  silhouette: number | null;
  inertia: number;
  /** Means of every feature over all clustered customers, in `features` order. */
  overallMeans: number[];
  profiles: ClusterProfile[];
  /** Cluster × RFM tier (the tiers of the whole window, default shares): seed 002's grid. */
  tierCross: { tiers: string[]; counts: number[][] };
  /** A 2-D map (first two principal components) of up to 3,000 seeded customers. */
  map: { x: number[]; y: number[]; cluster: number[]; explained: [number, number] };
}

export const clusterNameSchema = z.object({
  runId: z.string().min(1),
  cluster: z.number().int().min(0),
  name: z.string().trim().min(1).max(30),
});
