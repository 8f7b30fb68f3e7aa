import { listValue } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { AppError, badArgument } from '../../../../shared/errors';
import { RECOMMEND_MODELS, type RecommendModelName, type RecommendRunReport, type RecommendTrainArgs } from '../../../../shared/recommend';
import type { Sql } from '../../db/database';
import type { Job } from '../../jobs/jobs';
import type { Project } from '../../project/projectStore';
import { finishRun, startRun } from '../../runs/runs';
import { addDays } from '../../analytics/dates';
import { purchaseDateRange } from '../../analytics/segmentSpec';
import type { WorkerHost } from '../../../workers/host';
import { recommendInWorker } from '../../../workers/trainInWorker';
import { chainLineCounts, recommendData, type RecommendData } from './dataset';
import type { RecommendLists } from './compute';

/**
 * A recommendation run: the window's purchases (DuckDB) → every chosen model fitted and judged on
 * the same leave-one-out negatives and the same time split, then every customer's top K under the
 * business rules (training worker) → the lists saved in `recommendations` and the report on the run.
 * A bad argument is refused before anything is written; a failure or a cancel leaves no trace but
 * the run's failed/cancelled record.
 */
export async function trainRecommenders(project: Project, args: RecommendTrainArgs, job: Job, host: WorkerHost): Promise<RecommendRunReport> {
  const { db } = project;
  const started = performance.now();
  const window = args.window ?? (await purchaseDateRange(db));
  if (window.from > window.to) throw badArgument(`The window starts (${window.from}) after it ends (${window.to}).`, ['window'], 'rangeReversed', { ...window });
  const cutoff = args.cutoff ?? defaultCutoff(window);
  if (!(cutoff > window.from && cutoff <= window.to)) {
    throw badArgument(`The cut-off ${cutoff} must fall inside the window ${window.from} to ${window.to}, after its first day.`, ['cutoff'], 'cutoffOutside', { cutoff, ...window });
  }
  if (args.chain) {
    const lines = (await chainLineCounts(db, window)).get(args.chain) ?? 0;
    if (lines === 0) throw badArgument(`Chain ${args.chain} has no purchases from ${window.from} to ${window.to}.`, ['chain'], 'chainNoPurchases', { chain: args.chain });
  }
  job.progress({ step: 'data', rowsDone: 0, fraction: 0.02 }, true);
  const data = await recommendData(db, window, { chain: args.chain });
  if (data.customers.length === 0) throw badArgument(`No purchases from ${window.from} to ${window.to}.`, ['window'], 'periodEmpty', { ...window });
  checkAgainstData(args, data, cutoff);
  job.throwIfCancelled();

  const models = RECOMMEND_MODELS.filter((m) => args.models.includes(m));
  const run = await project.commit(() => startRun(db, project.dir, { kind: 'recommend', settings: { ...args, window, cutoff }, seed: args.seed, backend: 'js' }));
  try {
    const abort = new AbortController();
    job.onCancel(() => abort.abort());
    let done = 0;
    const computed = await recommendInWorker(
      host,
      {
        rows: data.rows,
        userStart: data.userStart,
        itemCategory: data.category,
        lastDay: dayNumber(window.to, window.from),
        cutoffDay: dayNumber(cutoff, window.from),
        models,
        negatives: args.negatives,
        k: args.k,
        rules: args.rules,
        seed: args.seed,
        epochs: args.epochs,
        factors: args.factors,
        trainNegatives: args.trainNegatives,
      },
      {
        signal: abort.signal,
        onProgress: (p) => {
          const fraction = 0.05 + (0.85 * done) / models.length;
          if (p.kind === 'model') {
            if (p.phase === 'done') done += 1;
            job.progress({ step: p.model, rowsDone: data.customers.length, fraction: 0.05 + (0.85 * done) / models.length }, true);
            return;
          }
          job.progress(
            { step: p.model, fraction, training: { phase: 'epoch', epoch: p.epoch, epochs: p.epochs, batch: 1, batches: 1, loss: p.loss, metrics: {}, samplesPerSecond: Math.round(p.samplesPerSecond) } },
            true,
          );
        },
      },
    );
    job.throwIfCancelled();
    job.progress({ step: 'save', rowsDone: data.customers.length, fraction: 0.92 }, true);
    const best = bestModel(computed.results, models);
    const report: RecommendRunReport = {
      run: { id: run.runId, seconds: 0, seed: args.seed },
      window,
      cutoff,
      chain: args.chain ?? null,
      data: { customers: data.customers.length, products: data.products.length, pairs: pairTotal(data) },
      rules: args.rules,
      k: args.k,
      models: computed.results,
      best,
      saved: { customers: 0, rows: 0 },
    };
    await project.commit(async () => {
      let rows = 0;
      const customers = new Set<number>();
      for (const model of models) {
        const lists = computed.lists[model];
        if (lists) rows += await saveLists(db, run.runId, model, data, args.k, lists, customers);
      }
      report.saved = { customers: customers.size, rows };
      report.run.seconds = (performance.now() - started) / 1000;
      return finishRun(db, run.runId, { status: 'done', metrics: report as unknown as Record<string, unknown> });
    });
    return report;
  } catch (error) {
    const cancelled = job.cancelled || (error instanceof AppError && error.code === 'CANCELLED');
    await project
      .commit(async () => {
        await db.run(`DELETE FROM recommendations WHERE run_id = $1`, [run.runId]);
        await finishRun(db, run.runId, { status: cancelled ? 'cancelled' : 'failed', error: String((error as Error).message ?? error) });
      })
      .catch(() => undefined);
    rmSync(run.dir, { recursive: true, force: true });
    if (cancelled) throw new AppError('CANCELLED', 'The training was cancelled; no recommendation was kept and the project is unchanged.');
    throw error;
  }
}

/** The default time split: the window's last three months are the test (2021-10-01 for a calendar year). */
export function defaultCutoff(window: { from: string; to: string }): string {
  const [y, m] = window.to.split('-').map(Number);
  const months = y * 12 + (m - 1) - 2;
  const cutoff = `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-01`;
  return cutoff > window.from ? cutoff : addDays(window.from, Math.max(1, Math.floor(dayNumber(window.to, window.from) * 0.75)));
}

function checkAgainstData(args: RecommendTrainArgs, data: RecommendData, cutoff: string): void {
  const items = data.products.length;
  if (args.k > items) throw badArgument(`K = ${args.k} is more than the ${items} products.`, ['k'], 'kOverCatalogue', { k: args.k, items });
  if (args.negatives >= items) throw badArgument(`Only ${items} products: too few to draw ${args.negatives} negatives.`, ['negatives'], 'tooFewForNegatives', { items, negatives: args.negatives });
  const cutDay = dayNumber(cutoff, data.window.from);
  let before = 0;
  for (const d of data.rows.day) if (d < cutDay) before++;
  if (before === 0) throw badArgument(`No purchases before ${cutoff} to learn from.`, ['cutoff'], 'noTrainBeforeCutoff', { cutoff });
  // The time split needs a customer who bought a product new to them from the cut-off on (rows are in day order per customer).
  const { user, item, day } = data.rows;
  const seen = new Int32Array(items).fill(-1);
  let fresh = false;
  for (let r = 0; r < item.length && !fresh; r++) {
    if (day[r] >= cutDay && seen[item[r]] !== user[r]) fresh = true;
    seen[item[r]] = user[r];
  }
  if (!fresh) throw badArgument(`No customer bought a new product from ${cutoff} on: the time split has nothing to test.`, ['cutoff'], 'noTestAfterCutoff', { cutoff });
}

function bestModel(results: RecommendRunReport['models'], models: RecommendModelName[]): RecommendModelName {
  let best = models[0];
  let score = -Infinity;
  for (const m of models) {
    const hr10 = results[m]?.sampled.hr[9] ?? -Infinity;
    if (hr10 > score) [best, score] = [m, hr10];
  }
  return best;
}

function pairTotal(data: RecommendData): number {
  let pairs = 0;
  const { user, item } = data.rows;
  const seen = new Int32Array(data.products.length).fill(-1);
  for (let r = 0; r < item.length; r++) {
    if (seen[item[r]] === user[r]) continue;
    seen[item[r]] = user[r];
    pairs++;
  }
  return pairs;
}

/** Inserts one model's lists (customer, rank 1..K, product, score) in slices of list parameters. */
async function saveLists(db: Sql, runId: string, model: string, data: RecommendData, k: number, lists: RecommendLists, customers: Set<number>): Promise<number> {
  const SLICE = 50_000;
  let written = 0;
  let cust: string[] = [];
  let rank: number[] = [];
  let prod: string[] = [];
  let score: number[] = [];
  const flush = async () => {
    if (!cust.length) return;
    await db.run(
      `INSERT INTO recommendations SELECT $1, $2, unnest($3::VARCHAR[]), unnest($4::INTEGER[]), unnest($5::VARCHAR[]), unnest($6::DOUBLE[])`,
      [runId, model, listValue(cust), listValue(rank), listValue(prod), listValue(score)],
    );
    written += cust.length;
    cust = [];
    rank = [];
    prod = [];
    score = [];
  };
  for (let u = 0; u < data.customers.length; u++) {
    for (let r = 0; r < k; r++) {
      const i = lists.items[u * k + r];
      if (i < 0) break;
      customers.add(u);
      cust.push(data.customers[u]);
      rank.push(r + 1);
      prod.push(data.products[i]);
      score.push(lists.scores[u * k + r]);
    }
    if (cust.length >= SLICE) await flush();
  }
  await flush();
  return written;
}

function dayNumber(date: string, origin: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${origin}T00:00:00Z`)) / 86_400_000);
}
