import { z } from 'zod';

/**
 * A simulated campaign on an exported target list (issue #21): the contacts and the purchases of the
 * following days, with a chosen true uplift on the contacted, and the truth in a manifest so the
 * read-back can be tested against a known answer. Shapes only; the service is services/campaign.
 */
export const campaignSimulateSchema = z.object({
  /** The target list written by export.write (its manifest beside it). */
  list: z.string().trim().min(1),
  /** The folder to write contacts.csv, LPOINT_BIG_COMP_02_PDDE.csv and simulation.manifest.json to. */
  out: z.string().trim().min(1),
  /** Added to each contacted customer's purchase probability (capped at 1). */
  uplift: z.number().min(0).max(0.5).default(0.03),
  /** Added to the chance that a contacted buyer buys each product recommended to them. */
  recUplift: z.number().min(0).max(0.5).default(0.05),
  days: z.number().int().min(1).max(365).default(30),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
});
export type CampaignSimulateArgs = z.output<typeof campaignSimulateSchema>;

export interface GroupCounts {
  contact: number;
  control: number;
}

/** What the simulation put in: the known answer the read-back should find. */
export interface SimulationTruth {
  seed: number;
  days: number;
  /** The project's last purchase day and the simulated window [D + 1, D + days], YYYY-MM-DD. */
  lastPurchaseDay: string;
  window: { from: string; to: string };
  uplift: { asked: number; applied: number };
  recUplift: number;
  /** The chance a buyer buys each recommended product anyway (both groups). */
  recBaseline: number;
  /** Mean baseline probability of buying in the window, per group (before any uplift). */
  baseRates: GroupCounts;
  /** Mean probability actually used per group (the contacted's includes the uplift). */
  expectedRates: GroupCounts;
  model: { lookbackDays: number; priorDays: number; listMeanDailyRate: number };
  counts: {
    listed: number;
    contacted: number;
    control: number;
    buyers: GroupCounts;
    receipts: number;
    lines: number;
    /** Recommended products on the list (slots) and those bought, per group. */
    recommendedListed: GroupCounts;
    recommendedBought: GroupCounts;
  };
  list: { file: string; manifest: string; project: string; dataFingerprint: string };
}

export interface SimulationManifest extends SimulationTruth {
  kind: 'campaign-simulation';
  appVersion: string;
  files: { contacts: string; purchases: string };
}

export interface CampaignSimulateResult {
  contacts: string;
  purchases: string;
  manifest: string;
  truth: SimulationTruth;
}
