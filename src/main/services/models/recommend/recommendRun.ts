import { quotedIdentifier } from '@duckdb/node-api';
import { segmentSpecSchema } from '../../../../shared/analytics';
import { computeSegments, runSegmentTables } from '../../analytics/segments';
import { sideFeatures } from './sideFeatures';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { AppError, badArgument, keyedError } from '../../../../shared/errors';
import { RECOMMEND_MODELS, type RecommendChainReport, type RecommendRunReport, type RecommendTrainArgs } from '../../../../shared/recommend';
import type { Sql } from '../../db/database';
import type { Job } from '../../jobs/jobs';
import type { Project } from '../../project/projectStore';
import { finishRun, latestDoneRun, startRun } from '../../runs/runs';
import { addDays } from '../../analytics/dates';
import { purchaseDateRange } from '../../analytics/segmentSpec';
import type { WorkerHost } from '../../../workers/host';
import { recommendInWorker } from '../../../workers/trainInWorker';
import { chainLineCounts, recommendData, type RecommendData } from './dataset';
import type { RecommendComputeResult } from './compute';
import { bestModel, weightedModels } from './chainMeans';
import { defaultCutoff } from '../../../../shared/cutoff';
import { saveLists } from './saveLists';
import { writeNetwork } from './savedNetworks';
import { blockedByCategory } from './rules';

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
  const lineCounts = await chainLineCounts(db, window);
  if (args.chain && !lineCounts.get(args.chain)) {
    throw badArgument(`Chain ${args.chain} has no purchases from ${window.from} to ${window.to}.`, ['chain'], 'chainNoPurchases', { chain: args.chain });
  }
  if (args.chain && args.chainMode !== 'pooled') throw badArgument(`Choose one chain or a per-chain mode, not both.`, ['chainMode'], 'chainWithPerChain', { chain: args.chain });
  job.progress({ step: 'data', rowsDone: 0, fraction: 0.02 }, true);

  // The data of each model's scope: all (or one chain's) purchases, every chain's own, or a clustering's
  // customers' (one cluster, or every cluster's own).
  const clustering = args.clusters ? await clusterGroups(db, args.clusters) : null;
  if (clustering && args.chainMode !== 'pooled') throw badArgument('Choose a per-chain mode or clusters, not both.', ['clusters'], 'clustersWithPerChain');
  const perChain = args.chainMode !== 'pooled';
  const perCluster = clustering !== null && args.clusters?.cluster === undefined;
  const perScope = perChain || perCluster;
  const specs: { chain: string | null; cluster?: { id: number; name: string }; customers?: string[] }[] = perChain
    ? [...lineCounts.keys()].sort().map((chain) => ({ chain }))
    : clustering
      ? clustering.groups.map((g) => ({ chain: args.chain ?? null, cluster: { id: g.id, name: g.name }, customers: g.customers }))
      : [{ chain: args.chain ?? null }];
  const scopes: { chain: string | null; cluster?: { id: number; name: string }; data: RecommendData }[] = [];
  const skippedChains: NonNullable<RecommendRunReport['skippedChains']> = [];
  let firstRefusal: unknown = null;
  for (const spec of specs) {
    const data = await recommendData(db, window, { chain: spec.chain ?? undefined, customers: spec.customers });
    try {
      if (data.customers.length === 0) throw badArgument(`No purchases from ${window.from} to ${window.to}.`, ['window'], 'periodEmpty', { ...window });
      checkAgainstData(args, data, cutoff);
      scopes.push({ chain: spec.chain, cluster: spec.cluster, data });
    } catch (error) {
      if (!perScope) throw error;
      firstRefusal ??= error;
      const issue = error instanceof AppError ? error.issues?.[0] : undefined;
      skippedChains.push({ chain: spec.cluster ? spec.cluster.name : (spec.chain ?? ''), reason: (error as Error).message, ...(issue ? { issue } : {}) });
    }
    job.throwIfCancelled();
  }
  if (!scopes.length) throw firstRefusal;

  const models = RECOMMEND_MODELS.filter((m) => args.models.includes(m));
  const run = await project.commit(() => startRun(db, project.dir, { kind: 'recommend', settings: { ...args, window, cutoff }, seed: args.seed, backend: 'js' }));
  try {
    const abort = new AbortController();
    job.onCancel(() => abort.abort());
    const steps = scopes.length * models.length;
    let done = 0;
    const computed: RecommendComputeResult[] = [];
    // Wide & Deep's side features need the customers' RFM tiers per period: the run's own segments.
    const tables = runSegmentTables(run.tablePrefix);
    const wantsFeatures = models.includes('widedeep') || (args.sideFeatures && models.includes('neumf'));
    if (wantsFeatures) {
      job.progress({ step: 'sideFeatures', rowsDone: 0, fraction: 0.04 }, true);
      await project.commit(() => computeSegments(db, segmentSpecSchema.parse({ window, asOf: addDays(window.to, 1) }), tables));
    }
    for (const { chain, cluster, data } of scopes) {
      const features = wantsFeatures ? await sideFeatures(db, window, data.customers, data.products, tables.segments) : null;
      const label = (model: string) => (cluster ? `${cluster.name}: ${model}` : chain && perChain ? `${chain}: ${model}` : model);
      computed.push(
        await recommendInWorker(
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
            pretrainEpochs: args.pretrainEpochs,
            sideFeatures: args.sideFeatures,
            features,
            blocked: blockedByCategory(data.category, data.categories, args.rules.excludeCategories ?? []),
          },
          {
            signal: abort.signal,
            onProgress: (p) => {
              if (p.kind === 'model') {
                if (p.phase === 'done') done += 1;
                job.progress({ step: label(p.model), rowsDone: data.customers.length, fraction: 0.05 + (0.85 * done) / steps }, true);
                return;
              }
              const training = { phase: 'epoch' as const, epoch: p.epoch, epochs: p.epochs, batch: 1, batches: 1, loss: p.loss, metrics: {}, samplesPerSecond: Math.round(p.samplesPerSecond) };
              job.progress({ step: label(p.model), fraction: 0.05 + (0.85 * done) / steps, training }, true);
            },
          },
        ),
      );
      job.throwIfCancelled();
    }
    job.progress({ step: 'save', rowsDone: 0, fraction: 0.92 }, true);
    const chains: RecommendChainReport[] = scopes.map(({ chain, cluster, data }, c) => ({
      chain: chain ?? '',
      ...(cluster ? { cluster } : {}),
      data: dataSize(data),
      models: computed[c].results,
      best: bestModel(computed[c].results, models),
    }));
    const pooled = perScope ? weightedModels(chains, models) : computed[0].results;
    const report: RecommendRunReport = {
      run: { id: run.runId, seconds: 0, seed: args.seed },
      window,
      cutoff,
      chain: args.chain ?? null,
      chainMode: args.chainMode,
      ...(perScope ? { chains, skippedChains } : {}),
      ...(clustering ? { clusters: { runId: clustering.runId, cluster: args.clusters?.cluster ?? null } } : {}),
      data: perChain ? await allData(db, window) : perCluster ? clusterData(scopes.map((x) => x.data)) : dataSize(scopes[0].data),
      rules: args.rules,
      k: args.k,
      models: pooled,
      best: bestModel(pooled, models),
      saved: { customers: 0, rows: 0 },
    };
    const own = args.chainMode === 'ownChain' ? await ownChains(db, window) : null;
    await project.commit(async () => {
      let rows = 0;
      const customers = new Set<string>();
      for (const [c, { chain, data }] of scopes.entries()) {
        const keep = own ? (u: number) => own.get(data.customers[u]) === chain : () => true;
        for (const model of models) {
          const lists = computed[c].lists[model];
          if (lists) rows += await saveLists(db, { runId: run.runId, model, chain: perChain ? chain : null }, data, args.k, lists, keep, customers);
        }
      }
      report.saved = { customers: customers.size, rows };
      // The networks that ranked the lists, with the codes of their indices (the run's artifacts).
      const artifacts: string[] = [];
      for (const [c, { chain, cluster, data }] of scopes.entries()) {
        for (const [model, packed] of Object.entries(computed[c].networks ?? {})) {
          const meta = { model: model as 'neumf' | 'widedeep', chain: chain ?? null, cluster: cluster?.id ?? null, customers: data.customers, products: data.products };
          artifacts.push(...writeNetwork(run.dir, meta, packed!).map((f) => relative(project.dir, f)));
        }
      }
      for (const t of [tables.segments, tables.spec]) await db.run(`DROP TABLE IF EXISTS ${quotedIdentifier(t)}`);
      report.run.seconds = (performance.now() - started) / 1000;
      return finishRun(db, run.runId, { status: 'done', metrics: report as unknown as Record<string, unknown>, artifacts });
    });
    return report;
  } catch (error) {
    const cancelled = job.cancelled || (error instanceof AppError && error.code === 'CANCELLED');
    await project
      .commit(async () => {
        await db.run(`DELETE FROM recommendations WHERE run_id = $1`, [run.runId]);
        for (const t of Object.values(runSegmentTables(run.tablePrefix))) await db.run(`DROP TABLE IF EXISTS ${quotedIdentifier(t)}`);
        await finishRun(db, run.runId, { status: cancelled ? 'cancelled' : 'failed', error: String((error as Error).message ?? error) });
      })
      .catch(() => undefined);
    rmSync(run.dir, { recursive: true, force: true });
    if (cancelled) throw new AppError('CANCELLED', 'The training was cancelled; no recommendation was kept and the project is unchanged.');
    throw error;
  }
}

/** A clustering's clusters (default: the latest run), each with its customers; one cluster when asked. */
async function clusterGroups(db: Sql, asked: { runId?: string; cluster?: number }): Promise<{ runId: string; groups: { id: number; name: string; customers: string[] }[] }> {
  const runId = asked.runId ?? (await latestDoneRun(db, 'clusters'));
  if (!runId) throw keyedError('BAD_ARGUMENT', 'No clustering yet: run the customer clusters first (Clusters page or `workbench cluster`).', 'exportNoClusters');
  const rows = await db.all<{ cluster: number; name: string; customers: string[] }>(
    `SELECT cluster, any_value(name) AS name, list(customer_id ORDER BY customer_id) AS customers FROM customer_clusters WHERE run_id = $1 GROUP BY cluster ORDER BY cluster`,
    [runId],
  );
  if (!rows.length) throw keyedError('BAD_ARGUMENT', `Run ${runId} is not a clustering with customers.`, 'notClusterRun', { run: runId });
  const groups = rows.map((r) => ({ id: r.cluster, name: r.name, customers: r.customers }));
  if (asked.cluster === undefined) return { runId, groups };
  const one = groups.find((g) => g.id === asked.cluster);
  if (!one) throw badArgument(`Run ${runId} has clusters ${groups.map((g) => g.id).join(', ')}; ${asked.cluster} is none of them.`, ['clusters', 'cluster'], 'clusterMissing', { cluster: asked.cluster, max: Math.max(...groups.map((g) => g.id)) });
  return { runId, groups: [one] };
}

/** Customers, products and pairs of the clusters together (the clusters' customers are disjoint). */
function clusterData(parts: RecommendData[]): RecommendRunReport['data'] {
  const products = new Set(parts.flatMap((d) => d.products));
  return { customers: parts.reduce((s, d) => s + d.customers.length, 0), products: products.size, pairs: parts.reduce((s, d) => s + pairTotal(d), 0) };
}

/** Each customer's main chain in the window: the most lines, ties to the first chain code. */
async function ownChains(db: Sql, window: { from: string; to: string }): Promise<Map<string, string>> {
  const rows = await db.all<{ customer_id: string; chain: string }>(
    `SELECT customer_id, chain FROM (
       SELECT customer_id, chain, row_number() OVER (PARTITION BY customer_id ORDER BY count(*) DESC, chain) AS rn
       FROM purchases WHERE NOT is_return AND product_id IS NOT NULL AND date BETWEEN $1::DATE AND $2::DATE GROUP BY customer_id, chain)
     WHERE rn = 1`,
    [window.from, window.to],
  );
  return new Map(rows.map((r) => [r.customer_id, r.chain]));
}

/** Customers, products and pairs of all chains together (the per-chain modes' headline). */
async function allData(db: Sql, window: { from: string; to: string }): Promise<RecommendRunReport['data']> {
  const row = await db.one<{ customers: number; products: number; pairs: number }>(
    `SELECT count(DISTINCT customer_id)::INTEGER AS customers, count(DISTINCT product_id)::INTEGER AS products,
            count(DISTINCT (customer_id, product_id))::INTEGER AS pairs
     FROM purchases WHERE NOT is_return AND product_id IS NOT NULL AND date BETWEEN $1::DATE AND $2::DATE`,
    [window.from, window.to],
  );
  return row ?? { customers: 0, products: 0, pairs: 0 };
}

function dataSize(data: RecommendData): RecommendRunReport['data'] {
  return { customers: data.customers.length, products: data.products.length, pairs: pairTotal(data) };
}

export { defaultCutoff } from '../../../../shared/cutoff';

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

function dayNumber(date: string, origin: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${origin}T00:00:00Z`)) / 86_400_000);
}
