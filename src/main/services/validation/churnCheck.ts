import { createHash } from 'node:crypto';
import { churnTrainSchema } from '../../../shared/models';
import { liftByDecile } from '../../../shared/metrics/lift';
import { rocAuc } from '../../../shared/metrics/ranking';
import type { TrainingBackendChoice } from '../../../shared/settings';
import type { ChurnCheck, ValidationArgs, ValidationReport } from '../../../shared/validation';
import type { Job } from '../jobs/jobs';
import type { Project } from '../project/projectStore';
import { trainChurn } from '../models/churn/churnRun';
import { scoreWindow } from '../models/churn/score';
import type { WorkerHost } from '../../workers/host';
import type { ValidationDates } from './dates';

/**
 * The churn models trained on the two windows before the cut-off (a churn run of its own, listed with
 * the others), every customer who bought in the last of them scored as of the cut-off, then judged on
 * who actually bought nothing in the observed months: ROC-AUC, and the decile table whose cumulative
 * gain reads "contacting the top 10 % by risk reaches X % of the churners".
 */
export async function checkChurn(
  project: Project,
  args: ValidationArgs,
  dates: ValidationDates,
  jobs: { train: Job; score: Job },
  host: WorkerHost,
  backend: TrainingBackendChoice,
): Promise<ValidationReport['churn']> {
  const { db } = project;
  const trainArgs = churnTrainSchema.parse({ label: 'binary', periods: dates.churn.periods, models: args.churnModels, seed: args.seed });
  const trained = await trainChurn(project, trainArgs, jobs.train, host, backend);
  jobs.score.progress({ step: 'churn: score', rowsDone: 0, fraction: 0 }, true);
  const applies = Object.entries(trained.models)
    .filter(([, r]) => r?.applies)
    .map(([m]) => m as ValidationArgs['churnModels'][number]);
  const scored = await scoreWindow(project, trained.run.id, applies, dates.churn.scored, host);
  const customers = scored[0]?.customers ?? [];
  const active = await db.all<{ customer_id: string }>(`SELECT DISTINCT customer_id FROM receipt_facts WHERE date BETWEEN $1::DATE AND $2::DATE`, [
    dates.observe.from,
    dates.observe.to,
  ]);
  const bought = new Set(active.map((r) => r.customer_id));
  const y = Int32Array.from(customers, (c) => (bought.has(c) ? 0 : 1));
  const churners = y.reduce((a, b) => a + b, 0);
  const models: ChurnCheck[] = scored.map(({ model, risk }) => {
    const table = customers.length >= 10 ? liftByDecile(y, risk) : null;
    const hash = createHash('sha256');
    customers.forEach((c, i) => hash.update(`${c}\t${risk[i]}\n`));
    return {
      model,
      riskHash: hash.digest('hex').slice(0, 16),
      rocAuc: rocAuc(y, risk),
      deciles: (table?.rows ?? []).map((r) => ({ decile: r.group, customers: r.customers, churners: r.positives, rate: r.rate, lift: r.lift, gain: r.cumulativeGain })),
    };
  });
  let best: ChurnCheck | null = null;
  for (const m of models) if (m.rocAuc !== null && (best === null || m.rocAuc > (best.rocAuc ?? -1))) best = m;
  return {
    trainRun: trained.run.id,
    periods: dates.churn.periods,
    scored: dates.churn.scored,
    customers: customers.length,
    churners,
    models,
    best: best?.model ?? null,
  };
}
