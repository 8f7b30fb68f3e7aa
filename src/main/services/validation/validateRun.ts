import { rmSync } from 'node:fs';
import { AppError, badArgument } from '../../../shared/errors';
import type { TrainingBackendChoice } from '../../../shared/settings';
import type { ValidationArgs, ValidationReport } from '../../../shared/validation';
import type { Job } from '../jobs/jobs';
import type { Project } from '../project/projectStore';
import { finishRun, startRun } from '../runs/runs';
import type { WorkerHost } from '../../workers/host';
import { checkChurn } from './churnCheck';
import { validationDates } from './dates';
import { checkRecommenders } from './recommendCheck';
import { repurchaseByChain } from './repurchaseCheck';

/**
 * A validation run (DESIGN.md step 6): learn from the purchases before the cut-off only, then check on
 * the observed months — the repurchase table per chain, the recommenders' lists, the churn risk. The
 * report is recorded on a run of kind 'validation'; a bad date is refused before anything is written,
 * and a failure or a cancel leaves only the run's failed/cancelled record.
 */
export async function validate(project: Project, args: ValidationArgs, job: Job, host: WorkerHost, backend: TrainingBackendChoice = 'auto'): Promise<ValidationReport> {
  const { db } = project;
  const started = performance.now();
  const dates = await validationDates(db, args);
  const observed = await db.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM purchases WHERE NOT is_return AND date BETWEEN $1::DATE AND $2::DATE`,
    [dates.observe.from, dates.observe.to],
  );
  if (!observed?.n) {
    throw badArgument(`No purchases from ${dates.observe.from} to ${dates.observe.to}: there is nothing to check the scores against.`, ['cutoff'], 'noObservedPurchases', {
      ...dates.observe,
    });
  }
  const before = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM purchases WHERE NOT is_return AND date BETWEEN $1::DATE AND $2::DATE`, [
    dates.learn.from,
    dates.learn.to,
  ]);
  if (!before?.n) throw badArgument(`No purchases before ${dates.cutoff} to learn from.`, ['cutoff'], 'noTrainBeforeCutoff', { cutoff: dates.cutoff });

  const run = await project.commit(() => startRun(db, project.dir, { kind: 'validation', settings: { ...args, cutoff: dates.cutoff, learnFrom: dates.learn.from, observeTo: dates.observe.to }, seed: args.seed, backend: 'js' }));
  const abort = new AbortController();
  job.onCancel(() => abort.abort());
  try {
    const repurchase = await repurchaseByChain(project, dates, job.part(0, 0.15, ''), host, abort.signal);
    job.throwIfCancelled();
    const recommend = await checkRecommenders(project, args, dates, job.part(0.15, 0.55, ''), host, run.tablePrefix, abort.signal);
    job.throwIfCancelled();
    const churn = await checkChurn(project, args, dates, { train: job.part(0.55, 0.95, 'churn: '), score: job.part(0.95, 1, '') }, host, backend);
    const report: ValidationReport = {
      run: { id: run.runId, seconds: (performance.now() - started) / 1000, seed: args.seed },
      learn: dates.learn,
      observe: dates.observe,
      cutoff: dates.cutoff,
      repurchase: { chains: repurchase },
      recommend,
      churn,
    };
    await project.commit(() => finishRun(db, run.runId, { status: 'done', metrics: report as unknown as Record<string, unknown> }));
    return report;
  } catch (error) {
    const cancelled = job.cancelled || (error instanceof AppError && error.code === 'CANCELLED');
    await project
      .commit(() => finishRun(db, run.runId, { status: cancelled ? 'cancelled' : 'failed', error: String((error as Error).message ?? error) }))
      .catch(() => undefined);
    rmSync(run.dir, { recursive: true, force: true });
    if (cancelled) throw new AppError('CANCELLED', `The validation was cancelled; no report was kept and the project is unchanged.`);
    throw error;
  }
}
