import { z } from 'zod';
import { RECOMMEND_MODELS } from './recommend';

/**
 * The campaign target list (DESIGN.md step 7): who to contact, what to offer and why, with a seeded
 * random control group. Shapes and defaults; the service (services/export) checks them against the
 * project (segments computed, churn scores and lists present, a filter that matches someone).
 */
export const EXPORT_COLUMN_GROUPS = ['attributes', 'rfm', 'tiers', 'risk', 'cluster', 'recommendations'] as const;
export type ExportColumnGroup = (typeof EXPORT_COLUMN_GROUPS)[number];

export const targetListSchema = z.object({
  /** Latest-period state of the saved segments: tier 0 (best) … k − 1, or k = 비활동 (no purchase in period 2). */
  tiers: z.array(z.number().int().min(0).max(20)).optional(),
  /** Transitions period 1 → period 2 as [from, to]: from k = 신규, to k = 비활동. */
  transitions: z.array(z.tuple([z.number().int().min(0).max(20), z.number().int().min(0).max(20)])).optional(),
  /** Churn risk from churn_scores (the latest scoring, or this run's): at least minRisk, or the topN riskiest (the contact budget). */
  churnRun: z.string().min(1).optional(),
  minRisk: z.number().min(0).max(1).optional(),
  topN: z.number().int().min(1).optional(),
  /** Customers who bought at this chain (A01…) / through this channel in the segments' window. */
  chain: z.string().trim().min(1).max(20).optional(),
  channel: z.enum(['online', 'offline']).optional(),
  genders: z.array(z.string().min(1)).optional(),
  ageBands: z.array(z.string().min(1)).optional(),
  /** Only these clusters of a clustering run (default run: the latest). */
  clusters: z.object({ runId: z.string().min(1).optional(), clusters: z.array(z.number().int().min(0)).min(1) }).optional(),
  /** The recommendations attached: a run (default the latest), its model (default the run's best), the first k per customer. */
  recommend: z
    .object({ runId: z.string().min(1).optional(), model: z.enum(RECOMMEND_MODELS).optional(), k: z.number().int().min(1).max(20).default(3) })
    .default({ k: 3 }),
  columns: z.array(z.enum(EXPORT_COLUMN_GROUPS)).default([...EXPORT_COLUMN_GROUPS]),
  /** Share of the selected customers flagged `control` (not to be contacted), drawn per risk decile. */
  controlShare: z.number().min(0).max(0.9).default(0.1),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  /** Headings, tier names and reasons in this language. */
  lang: z.enum(['ko', 'en']).default('ko'),
});
export type TargetListArgs = z.output<typeof targetListSchema>;
export type TargetListArgsIn = z.input<typeof targetListSchema>;

export const exportWriteSchema = targetListSchema.extend({
  out: z.string().trim().min(1),
  format: z.enum(['csv', 'parquet']).default('csv'),
  encoding: z.enum(['utf8bom', 'cp949']).default('utf8bom'),
  /** An existing file is replaced only when asked (the app asks first). */
  overwrite: z.boolean().default(false),
});
export type ExportWriteArgs = z.output<typeof exportWriteSchema>;

/** What the list will hold, before anything is written. */
export interface TargetListPreview {
  customers: number;
  control: number;
  /** Customers per risk decile (1 = riskiest) and the control among them; one stratum without churn scores. */
  strata: { decile: number | null; customers: number; control: number }[];
  header: string[];
  /** The first rows as they will be written. */
  rows: (string | number | null)[][];
  sources: ExportSources;
}

/** The runs the list was built from. */
export interface ExportSources {
  segmentsComputedAt: string;
  churn: { runId: string; model: string; window: { from: string; to: string } } | null;
  recommend: { runId: string; model: string; k: number } | null;
  clusters: { runId: string } | null;
}

/** Written beside the export (list.csv → list.manifest.json): enough to reproduce it and to read the campaign back. */
export interface ExportManifest {
  kind: 'campaign-target-list';
  appVersion: string;
  createdAt: string;
  file: string;
  format: 'csv' | 'parquet';
  encoding: 'utf8bom' | 'cp949' | null;
  project: string;
  dataFingerprint: string;
  rows: number;
  control: number;
  controlShare: number;
  seed: number;
  stratifiedBy: 'riskDecile' | null;
  filters: Omit<TargetListArgs, 'lang' | 'columns' | 'controlShare' | 'seed'>;
  columns: ExportColumnGroup[];
  lang: 'ko' | 'en';
  sources: ExportSources;
}

export interface ExportResult {
  path: string;
  manifest: string;
  rows: number;
  control: number;
  bytes: number | null;
}
