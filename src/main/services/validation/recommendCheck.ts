import { createHash } from 'node:crypto';
import { quotedIdentifier } from '@duckdb/node-api';
import { segmentSpecSchema } from '../../../shared/analytics';
import { daysBetween } from '../../../shared/dates';
import { RECOMMEND_MODELS, type RecommendModelName } from '../../../shared/recommend';
import type { RecommendCheck, ValidationArgs, ValidationReport } from '../../../shared/validation';
import { computeSegments, runSegmentTables } from '../analytics/segments';
import type { Sql } from '../db/database';
import type { Job } from '../jobs/jobs';
import type { Project } from '../project/projectStore';
import type { RecommendLists } from '../models/recommend/compute';
import { recommendData, type RecommendData } from '../models/recommend/dataset';
import { sideFeatures } from '../models/recommend/sideFeatures';
import { blockedByCategory } from '../models/recommend/rules';
import type { WorkerHost } from '../../workers/host';
import { validationListsInWorker } from '../../workers/trainInWorker';
import type { ValidationDates } from './dates';

/**
 * Each recommender fitted on the purchases before the cut-off only (the data read ends the day before
 * it), every customer's new-to-you top K under the rules as of that day, then checked against the
 * products each customer bought in the observed months: hit rate, precision@K, recall@K, and the lift
 * over popularity (always computed: it is the baseline).
 */
export async function checkRecommenders(
  project: Project,
  args: ValidationArgs,
  dates: ValidationDates,
  job: Job,
  host: WorkerHost,
  tablePrefix: string,
  signal: AbortSignal,
): Promise<ValidationReport['recommend']> {
  const { db } = project;
  const models = RECOMMEND_MODELS.filter((m) => m === 'popularity' || args.recommendModels.includes(m));
  const data = await recommendData(db, dates.learn);
  job.throwIfCancelled();
  let features = null;
  if (models.includes('widedeep') || models.includes('neumf')) {
    // The side features (Wide & Deep; NeuMF's MLP tower, the run's default) read the customers' tiers: segments of the learning window only.
    const tables = runSegmentTables(`${tablePrefix}_learn`);
    try {
      await project.commit(() => computeSegments(db, segmentSpecSchema.parse({ window: dates.learn, asOf: dates.cutoff }), tables));
      features = await sideFeatures(db, dates.learn, data.customers, data.products, tables.segments);
    } finally {
      await project.commit(async () => {
        for (const t of [tables.segments, tables.spec]) await db.run(`DROP TABLE IF EXISTS ${quotedIdentifier(t)}`);
      });
    }
  }
  let done = 0;
  const computed = await validationListsInWorker(
    host,
    {
      rows: data.rows,
      userStart: data.userStart,
      itemCategory: data.category,
      lastDay: daysBetween(dates.learn.from, dates.learn.to),
      cutoffDay: daysBetween(dates.learn.from, dates.learn.to) + 1,
      models,
      negatives: 1,
      k: args.k,
      rules: args.rules,
      seed: args.seed,
      epochs: args.epochs,
      factors: args.factors,
      trainNegatives: 4,
      sideFeatures: true,
      features,
      blocked: blockedByCategory(data.category, data.categories, args.rules.excludeCategories ?? []),
    },
    {
      signal,
      onProgress: (p) => {
        if (p.kind === 'model' && p.phase === 'done') done += 1;
        job.progress({ step: `recommend: ${p.model}`, rowsDone: data.customers.length, fraction: done / models.length }, p.kind === 'model');
      },
    },
  );
  const observed = await observedProducts(db, dates.observe);
  const learned = learnedProducts(data);
  let buyers = 0;
  const fresh = new Map<number, Set<string>>();
  data.customers.forEach((c, u) => {
    const bought = observed.get(c);
    if (!bought) return;
    const mine = learned[u];
    const novel = new Set([...bought].filter((p) => !mine.has(p)));
    if (novel.size) {
      fresh.set(u, novel);
      buyers++;
    }
  });
  const checks = models.map((model) => score(model, computed.lists[model]!, computed.seconds[model] ?? 0, data, args.k, observed, fresh));
  const base = checks.find((c) => c.model === 'popularity')!;
  for (const c of checks) {
    c.lift = base.hitRate > 0 ? c.hitRate / base.hitRate : null;
    c.precisionLift = base.precision > 0 ? c.precision / base.precision : null;
  }
  return { k: args.k, rules: args.rules, customers: data.customers.length, buyers, models: checks };
}

function score(
  model: RecommendModelName,
  lists: RecommendLists,
  seconds: number,
  data: RecommendData,
  k: number,
  observed: Map<string, Set<string>>,
  fresh: Map<number, Set<string>>,
): RecommendCheck {
  let listed = 0;
  let hitCustomers = 0;
  let slots = 0;
  let hits = 0;
  let recallSum = 0;
  const hash = createHash('sha256');
  for (let u = 0; u < data.customers.length; u++) {
    const bought = observed.get(data.customers[u]);
    const novel = fresh.get(u);
    let mine = 0;
    let inNovel = 0;
    let filled = 0;
    for (let r = 0; r < k; r++) {
      const i = lists.items[u * k + r];
      if (i < 0) break;
      filled++;
      const product = data.products[i];
      hash.update(`${data.customers[u]}\t${product}\n`);
      if (bought?.has(product)) mine++;
      if (novel?.has(product)) inNovel++;
    }
    if (!filled) continue;
    listed++;
    slots += filled;
    hits += mine;
    if (mine) hitCustomers++;
    if (novel) recallSum += inNovel / novel.size;
  }
  return {
    model,
    customers: listed,
    hitCustomers,
    hitRate: listed ? hitCustomers / listed : 0,
    precision: slots ? hits / slots : 0,
    recall: fresh.size ? recallSum / fresh.size : 0,
    lift: null,
    precisionLift: null,
    seconds,
    listsHash: hash.digest('hex').slice(0, 16),
  };
}

/** Per customer, the products bought in the observed months (returns and lines without a product left out). */
async function observedProducts(db: Sql, window: { from: string; to: string }): Promise<Map<string, Set<string>>> {
  const rows = await db.all<{ customer_id: string; product_id: string }>(
    `SELECT DISTINCT customer_id, product_id FROM purchases WHERE NOT is_return AND product_id IS NOT NULL AND date BETWEEN $1::DATE AND $2::DATE`,
    [window.from, window.to],
  );
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = out.get(r.customer_id);
    if (!set) out.set(r.customer_id, (set = new Set()));
    set.add(r.product_id);
  }
  return out;
}

/** Per customer (user index), the product codes bought in the learning window. */
function learnedProducts(data: RecommendData): Set<string>[] {
  const out = data.customers.map(() => new Set<string>());
  const { user, item } = data.rows;
  for (let r = 0; r < user.length; r++) out[user[r]].add(data.products[item[r]]);
  return out;
}
