import { quotedIdentifier } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { INACTIVE_STATE, tierNames } from '../../../../shared/analytics';
import { BINARY_CLASS_NAMES, type Lang } from '../../../../shared/i18n';
import { AppError } from '../../../../shared/errors';
import type { ChurnModelName, ChurnRunReport, ChurnTrainArgs } from '../../../../shared/models';
import { ensureReceiptFacts } from '../../analytics/receiptFacts';
import { writeFileAtomic } from '../../files/atomicFile';
import { runSegmentTables } from '../../analytics/segments';
import type { Sql } from '../../db/database';
import type { TrainingBackendChoice } from '../../../../shared/settings';
import type { Job } from '../../jobs/jobs';
import type { Project } from '../../project/projectStore';
import { finishRun, startRun } from '../../runs/runs';
import { customerHistories } from '../bgnbd';
import { churnDataset, type ChurnDataset } from './dataset';
import { transitionOf } from './labels';
import { stratifiedSplit } from './split';
import { GBDT_SETTINGS, type Histories } from './train';
import { MLP_DEFAULTS } from '../mlp';
import type { WorkerHost } from '../../../workers/host';
import { trainInWorker } from '../../../workers/trainInWorker';

/**
 * A churn training run: the run's own RFM segments and features (DuckDB), a seeded stratified split,
 * every chosen model trained on the same training customers and judged on the same test customers,
 * the models saved under models/<runId>/ and the report recorded on the run. A failure or a cancel
 * leaves no half-written run: its tables and folder are removed and the run is marked failed/cancelled.
 */
export async function trainChurn(project: Project, args: ChurnTrainArgs, job: Job, host: WorkerHost, backendChoice: TrainingBackendChoice = 'auto'): Promise<ChurnRunReport> {
  const { db } = project;
  const started = performance.now();
  // The backend is the training worker's (recorded when the models are back); null until then.
  const run = await project.commit(() => startRun(db, project.dir, { kind: 'churn', settings: args, seed: args.seed, backend: null }));
  const tables = runSegmentTables(run.tablePrefix);
  try {
    job.progress({ step: 'features', rowsDone: 0, fraction: 0.02 }, true);
    await project.commit(() => ensureReceiptFacts(db));
    const data = await project.commit(() => churnDataset(db, args.label, { periods: args.periods }, tables, args.population));
    job.throwIfCancelled();
    const split = stratifiedSplit(data.y, { test: args.testShare, valid: args.validShare }, args.seed);
    const wantsBgnbd = args.models.includes('bgnbd') && args.label === 'binary';
    const histories = wantsBgnbd ? await historiesOf(db, data) : null;
    let done = 0;
    // Training runs in the training worker: this process stays free for other calls (and the UI).
    const abort = new AbortController();
    job.onCancel(() => abort.abort());
    const trained = await trainInWorker(host, { data, split, models: args.models, histories, seed: args.seed, backend: backendChoice }, {
      signal: abort.signal,
      onProgress: (p) => {
        if (p.kind === 'model') {
          if (p.phase === 'done') done += 1;
          job.progress({ step: p.model, rowsDone: data.customers.length, fraction: 0.1 + (0.85 * done) / args.models.length }, true);
          return;
        }
        const epochs = p.model === 'gbdt' ? (args.label === 'binary' ? GBDT_SETTINGS.binary.rounds : GBDT_SETTINGS.multiclass.rounds) : MLP_DEFAULTS.epochs;
        const fraction = 0.1 + (0.85 * done) / args.models.length;
        if (p.kind === 'batch') {
          const { epoch, batch, batches, loss, samplesPerSecond } = p;
          job.progress({ step: p.model, fraction, training: { phase: 'batch', epoch, epochs, batch, batches, loss, metrics: {}, samplesPerSecond: Math.round(samplesPerSecond) } });
          return;
        }
        // Every network epoch reaches the live curve; boosting rounds (hundreds a second) are throttled.
        job.progress(
          {
            step: p.model,
            fraction,
            training: { phase: 'epoch', epoch: p.round, epochs, batch: 1, batches: 1, loss: p.trainLoss, metrics: p.validLoss === null ? {} : { validLoss: p.validLoss }, samplesPerSecond: 0 },
          },
          p.model === 'mlp',
        );
      },
    });
    job.throwIfCancelled();
    const backend = trained.backend;
    const modelsFile = join(run.dir, 'models.json');
    const artifacts = [modelsFile];
    const { mlp, ...saved } = trained.saved;
    if (mlp) {
      // The network's weights go in a binary file beside its topology.
      const weightsFile = join(run.dir, 'mlp.weights.bin');
      writeFileAtomic(weightsFile, mlp.files.weights);
      artifacts.push(weightsFile);
    }
    const mlpEntry = mlp ? { mlp: { kind: 'mlp', topology: mlp.files.topology, weightSpecs: mlp.files.weightSpecs, weights: 'mlp.weights.bin', standardiser: mlp.standardiser } } : {};
    writeFileAtomic(modelsFile, JSON.stringify({ features: data.names, label: data.label, tiers: data.tiers, models: { ...saved, ...mlpEntry } }));
    const report: ChurnRunReport = {
      run: { id: run.runId, backend, seconds: (performance.now() - started) / 1000, seed: args.seed },
      label: data.label,
      population: data.label === 'binary' ? args.population : 'all',
      periods: data.spec.periods,
      classes: classNames(data, 'ko'),
      classLabels: { ko: classNames(data, 'ko'), en: classNames(data, 'en') },
      features: data.names,
      train: { customers: split.train.length },
      valid: { customers: split.valid.length },
      test: {
        customers: split.test.length,
        ...(data.label === 'binary' ? { positives: Array.from(split.test).filter((i) => data.y[i] === 1).length } : {}),
      },
      models: trained.results,
      best: bestModel(trained.results, data.label),
    };
    await project.commit(async () => {
      await db.run(`UPDATE runs SET backend = $2 WHERE run_id = $1`, [run.runId, backend]);
      return finishRun(db, run.runId, {
        status: 'done',
        metrics: report as unknown as Record<string, unknown>,
        artifacts: artifacts.map((f) => relative(project.dir, f)),
        resultTables: [tables.segments, tables.spec],
      });
    });
    return report;
  } catch (error) {
    const cancelled = job.cancelled || (error instanceof AppError && error.code === 'CANCELLED');
    await project
      .commit(async () => {
        for (const t of [tables.segments, tables.spec]) await db.run(`DROP TABLE IF EXISTS ${quotedIdentifier(t)}`);
        await finishRun(db, run.runId, { status: cancelled ? 'cancelled' : 'failed', error: String((error as Error).message ?? error) });
      })
      .catch(() => undefined);
    rmSync(run.dir, { recursive: true, force: true });
    if (cancelled) throw new AppError('CANCELLED', 'The training was cancelled; no model was kept and the project is unchanged.');
    throw error;
  }
}

/** Period-1 repeat histories in weeks, in the dataset's customer order (a customer with only returns has none: x = 0). */
async function historiesOf(db: Sql, data: ChurnDataset): Promise<Histories> {
  const [p1] = data.spec.periods;
  const { customers } = await customerHistories(db, { calibrationEnd: p1.to, from: p1.from, unit: 'week' });
  const byId = new Map(customers.map((c) => [c.customerId, c]));
  return data.customers.map((id) => byId.get(id) ?? { x: 0, tx: 0, T: 0 });
}

/** The classes as the report names them in each language ('최우수→비활동', 'Best → Inactive'). */
function classNames(data: ChurnDataset, lang: Lang): string[] {
  if (data.label === 'binary') return [...BINARY_CLASS_NAMES[lang]];
  const names = tierNames(data.spec.tierNames, data.tiers, lang);
  const arrow = lang === 'ko' ? '→' : ' → ';
  return Array.from({ length: data.classes }, (_, c) => {
    const { from, to } = transitionOf(c, data.tiers);
    return `${names[from]}${arrow}${to === data.tiers ? INACTIVE_STATE[lang] : names[to]}`;
  });
}

/** Binary: the best test ROC-AUC; transition: the best macro-F1. */
function bestModel(results: ChurnRunReport['models'], label: 'binary' | 'transition'): ChurnModelName | null {
  let best: ChurnModelName | null = null;
  let score = -Infinity;
  for (const [name, r] of Object.entries(results) as [ChurnModelName, NonNullable<ChurnRunReport['models'][ChurnModelName]>][]) {
    if (!r.applies) continue;
    const s = label === 'binary' ? (r.rocAuc ?? -Infinity) : r.macroF1;
    if (s > score) [best, score] = [name, s];
  }
  return best;
}
