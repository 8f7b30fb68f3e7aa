import { daysBetween } from '../../../shared/dates';
import type { RepurchaseChain } from '../../../shared/validation';
import type { Job } from '../jobs/jobs';
import type { Project } from '../project/projectStore';
import { chainLineCounts, recommendData } from '../models/recommend/dataset';
import type { WorkerHost } from '../../workers/host';
import { repurchaseInWorker } from '../../workers/trainInWorker';
import type { ValidationDates } from './dates';

/**
 * Seed 001's repurchase table, chain by chain: the preference score of every (customer, product) pair
 * bought at the chain before the cut-off, fitted on those purchases only, and the share of the pairs
 * scoring ≥ t (0.0, 0.5 … 4.5) that the customer bought again at the chain in the observed months.
 */
export async function repurchaseByChain(project: Project, dates: ValidationDates, job: Job, host: WorkerHost, signal: AbortSignal): Promise<RepurchaseChain[]> {
  const { db } = project;
  const chains = [...(await chainLineCounts(db, dates.learn)).keys()].sort();
  const window = { from: dates.learn.from, to: dates.observe.to };
  const cutoffDay = daysBetween(window.from, dates.cutoff);
  const out: RepurchaseChain[] = [];
  for (const [c, chain] of chains.entries()) {
    job.progress({ step: `repurchase: ${chain}`, rowsDone: 0, fraction: c / chains.length }, true);
    const data = await recommendData(db, window, { chain });
    job.throwIfCancelled();
    out.push({ chain, rows: await repurchaseInWorker(host, { rows: data.rows, itemCategory: data.category, cutoffDay }, { signal }) });
  }
  return out;
}
