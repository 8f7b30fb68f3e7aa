import { z } from 'zod';

/**
 * The campaign read-back (issue #21): after the campaign, the contacted customers of an exported list
 * against its control group on the purchases that followed. Shapes and defaults; the service
 * (services/readback) checks the files against the project.
 */
export const readbackSchema = z.object({
  /** The exported target list (CSV or Parquet) with its manifest beside it, or that manifest. */
  list: z.string().trim().min(1),
  /** Who was contacted: 고객번호 / 발송여부 (Y/N) / 채널 / 발송일 (or customer / contacted / channel / date), UTF-8 or CP949. */
  contacts: z.string().trim().min(1),
  /**
   * Another system's contact file: which of its columns hold the customer, whether they were contacted,
   * the channel and the date, and the values that mean "contacted" (default Y, yes, 1, 예, 발송…).
   * Not needed for the app's own format.
   */
  map: z
    .object({
      customer: z.string().min(1),
      contacted: z.string().min(1),
      date: z.string().min(1),
      channel: z.string().min(1).optional(),
      yes: z.array(z.string().min(1)).min(1).optional(),
    })
    .optional(),
  /** Days after each customer's contact date that count (the contact day is day 1). */
  window: z.number().int().min(1).max(365).default(30),
  /** The bootstrap's seed (amounts). */
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
});
export type ReadbackArgs = z.output<typeof readbackSchema>;

export const READBACK_OUTCOMES = ['bought', 'receipts', 'amount', 'boughtRecommended', 'boughtCategory'] as const;
export type ReadbackOutcomeName = (typeof READBACK_OUTCOMES)[number];

/** One outcome, treatment (contacted) against control: rates with Newcombe's interval, amounts with Welch's (and a bootstrap). */
export interface ReadbackOutcome {
  outcome: ReadbackOutcomeName;
  kind: 'rate' | 'mean';
  treatment: number;
  control: number;
  uplift: number;
  ratio: number | null;
  ciLow: number;
  ciHigh: number;
  pValue: number | null;
  significant: boolean;
  /** Rates: customers per group a test with 80 % power would need at the observed rates (null when they are equal). */
  required?: { control: number; treatment: number; total: number } | null;
  /** Amounts: the seeded percentile bootstrap's interval beside Welch's. */
  bootstrap?: { ciLow: number; ciHigh: number; seed: number; resamples: number };
}

/** The purchase rate's uplift within one group of customers (a risk decile, a tier, a cluster). */
export interface ReadbackSegmentRow {
  key: string;
  treatment: { n: number; bought: number };
  control: { n: number; bought: number };
  uplift: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  significant: boolean;
}

export interface ReadbackReport {
  run: { id: string; seconds: number; seed: number };
  list: { file: string; createdAt: string; rows: number; exportRun: string; model: string | null };
  /** Contact dates in the contact file, and the outcome window: each customer's contact date + window − 1. */
  contacts: { from: string; to: string; channels: Record<string, number> };
  window: { days: number; lastDay: string };
  /** Listed customers by what happened: contacted (treatment), control, on the contact list but not reached, control contacted by mistake (left out). */
  groups: { treatment: number; control: number; notContacted: number; controlContacted: number };
  outcomes: ReadbackOutcome[];
  segments: { by: 'riskDecile' | 'tier' | 'cluster'; rows: ReadbackSegmentRow[] }[];
  /** Cumulative share of each group who bought by day d (1 … window) after the contact. */
  series: { day: number; treatment: number; control: number }[];
  /** Among the buyers: the share who bought a product recommended to them, treatment vs control. */
  recommendedAmongBuyers: { treatment: number | null; control: number | null };
}
