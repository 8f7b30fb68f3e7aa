import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src/shared/contract';
import type { RecommendListPage, RecommendRunReport } from '../../src/shared/recommend';
import type { RunInfo } from '../../src/shared/runs';
import { dispatch } from '../../src/main/transport/dispatch';
import { defaultCutoff } from '../../src/main/services/models/recommend/recommendRun';
import { readNetwork } from '../../src/main/services/models/recommend/savedNetworks';
import type { SideFeatures } from '../../src/main/services/models/recommend/sideFeatures';
import { wideDeepScorer, type WideDeepModel } from '../../src/main/services/models/widedeep';
import type { NcfModel } from '../../src/main/services/models/ncf/neumf';
import { ncfScorer } from '../../src/main/services/models/ncf';
import { harness, type Harness } from '../helpers';

let h: Harness;
let project: string;

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 1200, seed: 5 });
  project = join(h.root, 'p');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
}, 180_000);
afterAll(() => h?.close());

const train = (args: Record<string, unknown>) => h.call<RecommendRunReport>('models.trainRecommend', { project, ...args });
const db = async () => (await h.services.projects.get(project)).db;

describe('recommendation runs', () => {
  it('judges every model on the same protocol, saves each customer\'s top K under the rules, and records the run', async () => {
    const report = await train({ models: ['popularity', 'itemknn', 'mf', 'preference'], seed: 3, k: 5 });
    expect(report.cutoff).toBe('2021-10-01');
    expect(Object.keys(report.models)).toEqual(['popularity', 'itemknn', 'mf', 'preference']);
    const pop = report.models.popularity!;
    for (const r of Object.values(report.models)) {
      // The same customers and the same N for every model.
      expect(r!.sampled).toMatchObject({ negatives: 49, users: pop.sampled.users, skipped: pop.sampled.skipped });
      expect(r!.timeSplit.users).toBe(pop.timeSplit.users);
      expect(r!.sampled.hr).toHaveLength(10);
      for (let k = 1; k < 10; k++) expect(r!.sampled.hr[k]).toBeGreaterThanOrEqual(r!.sampled.hr[k - 1]);
      expect(r!.sampled.hr[9]).toBeGreaterThan(0.2);
    }
    // The sample's planted product-level taste (brands, complements, life stages): the personal models beat popularity.
    for (const m of ['itemknn', 'mf'] as const) {
      expect(report.models[m]!.sampled.hr[9]).toBeGreaterThan(pop.sampled.hr[9] + 0.05);
      expect(report.models[m]!.timeSplit.recall).toBeGreaterThan(pop.timeSplit.recall * 1.1);
    }
    expect(pop.sampled.users + pop.sampled.skipped).toBe(report.data.customers);
    // Seed 001's check: the preference score's repurchase rate after the cut-off rises with the score.
    const rep = report.models.preference!.repurchase!;
    expect(rep.map((r) => r.threshold)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]);
    for (let t = 1; t < rep.length; t++) expect(rep[t].pairs).toBeLessThanOrEqual(rep[t - 1].pairs);
    const filled = rep.filter((r) => r.pairs >= 200);
    for (let t = 1; t < filled.length; t++) expect(filled[t].share!).toBeGreaterThan(filled[t - 1].share! - 0.01);
    expect(filled[filled.length - 1].share!).toBeGreaterThan(rep[0].share! + 0.2);
    expect(report.models.mf!.repurchase).toBeUndefined();
    // Popularity fills its lists with best-sellers: far the largest share of top-1 % items among the models.
    expect(pop.timeSplit.topShare).toBeGreaterThan(report.models.mf!.timeSplit.topShare);

    const d = await db();
    const perModel = await d.all<{ model: string; n: number; customers: number; maxRank: number }>(
      `SELECT model, count(*)::INTEGER AS n, count(DISTINCT customer_id)::INTEGER AS customers, max(rank) AS "maxRank" FROM recommendations WHERE run_id = $1 GROUP BY model ORDER BY model`,
      [report.run.id],
    );
    expect(perModel.map((r) => r.model)).toEqual(['itemknn', 'mf', 'popularity', 'preference']);
    for (const r of perModel) expect(r).toMatchObject({ customers: report.data.customers, maxRank: 5 });
    expect(perModel.reduce((s, r) => s + r.n, 0)).toBe(report.saved.rows);
    // New products only: no list holds a product its customer bought in the window.
    const owned = await d.one<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM recommendations r WHERE run_id = $1 AND EXISTS (
         SELECT 1 FROM purchases p WHERE p.customer_id = r.customer_id AND p.product_id = r.product_id AND NOT p.is_return)`,
      [report.run.id],
    );
    expect(owned!.n).toBe(0);
    // The top 1 % best-sellers (by buyers) never appear.
    const best = await d.one<{ n: number }>(
      `WITH buyers AS (SELECT product_id, count(DISTINCT customer_id) AS b FROM purchases WHERE NOT is_return AND product_id IS NOT NULL GROUP BY product_id),
            top AS (SELECT product_id FROM buyers ORDER BY b DESC, product_id LIMIT (SELECT ceil(count(*) * 0.01)::INTEGER FROM buyers))
       SELECT count(*)::INTEGER AS n FROM recommendations WHERE run_id = $1 AND product_id IN (SELECT product_id FROM top)`,
      [report.run.id],
    );
    expect(best!.n).toBe(0);
    // Non-merchandise lines (bag deposits, rental fees: 기타(비상품)) are bought often but never offered.
    const lines = await d.one<{ bought: number; offered: number }>(
      `SELECT (SELECT count(*) FROM purchases JOIN products USING (product_id) WHERE category = '기타(비상품)')::INTEGER AS bought,
              (SELECT count(*) FROM recommendations JOIN products USING (product_id) WHERE run_id = $1 AND category = '기타(비상품)')::INTEGER AS offered`,
      [report.run.id],
    );
    expect(lines!.bought).toBeGreaterThan(0);
    expect(lines!.offered).toBe(0);
    const runs = await h.call<RunInfo[]>('runs.list', { project, kind: 'recommend' });
    expect(runs[0]).toMatchObject({ runId: report.run.id, status: 'done', seed: 3 });
    // The lists as the page shows them: customers in code order, best first, with the catalog's names.
    const page = await h.call<RecommendListPage>('recommend.lists', { project, runId: report.run.id, model: 'mf', offset: 2, limit: 3 });
    expect(page.total).toBe(report.data.customers);
    expect(page.customers).toHaveLength(3);
    expect([...page.customers.map((c) => c.customerId)].sort()).toEqual(page.customers.map((c) => c.customerId));
    for (const c of page.customers) {
      expect(c.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5]);
      for (let r = 1; r < 5; r++) expect(c.items[r].score).toBeLessThanOrEqual(c.items[r - 1].score);
      for (const i of c.items) expect(i.name.length).toBeGreaterThan(0);
    }
    const one = await h.call<RecommendListPage>('recommend.lists', { project, runId: report.run.id, model: 'mf', customer: page.customers[1].customerId });
    expect(one.customers).toEqual([page.customers[1]]);
  }, 120_000);

  it('the networks: NeuMF and Wide & Deep (side features from the run\'s own segments) train per epoch, beat popularity, and leave no segment tables', async () => {
    const report = await train({ models: ['popularity', 'neumf', 'widedeep'], seed: 4, k: 5, epochs: 3 });
    const pop = report.models.popularity!;
    for (const m of ['neumf', 'widedeep'] as const) {
      const r = report.models[m]!;
      expect(r.loss).toHaveLength(3);
      expect(r.loss![2]).toBeLessThan(r.loss![0]);
      expect(r.samplesPerSecond).toBeGreaterThan(0);
      expect(r.sampled.hr[9]).toBeGreaterThan(pop.sampled.hr[9] + 0.03);
    }
    const d = await db();
    const prefix = `run_${report.run.id.replace(/-/g, '_')}`;
    expect(await d.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE $1`, [`${prefix}%`])).toEqual([]);
    const lists = await d.one<{ n: number }>(`SELECT count(DISTINCT customer_id)::INTEGER AS n FROM recommendations WHERE run_id = $1 AND model = 'widedeep'`, [report.run.id]);
    expect(lists!.n).toBe(report.data.customers);
    // Both networks are saved with the run, and the saved weights give the saved lists' scores.
    const run = (await h.call<RunInfo[]>('runs.list', { project, kind: 'recommend' })).find((r) => r.runId === report.run.id)!;
    expect([...run.artifacts].sort()).toEqual(['neumf.bin', 'neumf.json', 'widedeep.bin', 'widedeep.json'].map((f) => join('models', report.run.id, f)));
    const saved = await d.all<{ model: string; customer_id: string; product_id: string; score: number }>(
      `SELECT model, customer_id, product_id, score FROM recommendations WHERE run_id = $1 AND model IN ('neumf', 'widedeep') AND customer_id IN (SELECT DISTINCT customer_id FROM recommendations WHERE run_id = $1 ORDER BY 1 LIMIT 3)`,
      [report.run.id],
    );
    const wd = readNetwork<{ model: WideDeepModel; features: SideFeatures }>(join(project, 'models', report.run.id, 'widedeep.json'));
    const nf = readNetwork<{ model: NcfModel; features: SideFeatures | null }>(join(project, 'models', report.run.id, 'neumf.json'));
    const scorers = { widedeep: { saved: wd, scorer: wideDeepScorer(wd.network.model, wd.network.features) }, neumf: { saved: nf, scorer: ncfScorer(nf.network.model, nf.network.features) } };
    expect(saved.length).toBe(3 * 5 * 2);
    for (const r of saved) {
      const { saved: net, scorer } = scorers[r.model as 'widedeep' | 'neumf'];
      const out = new Float32Array(1);
      scorer.score(net.customers.indexOf(r.customer_id), Int32Array.of(net.products.indexOf(r.product_id)), out);
      expect(out[0]).toBeCloseTo(r.score, 4);
    }
  }, 180_000);

  it('NeuMF from pre-trained towers with side features: progress counts the towers\' epochs, the curve is NeuMF\'s own, and it beats popularity', async () => {
    const epochs: { epoch: number; epochs: number }[] = [];
    const ctx = {
      emit: (name: string, payload: unknown) => {
        const p = payload as JobProgress;
        if (name === 'job.progress' && p.detail.type === 'training' && p.step === 'neumf') epochs.push({ epoch: p.detail.epoch, epochs: p.detail.epochs });
      },
    };
    const reply = await dispatch(h.handlers, 'models.trainRecommend', { project, models: ['popularity', 'neumf'], seed: 6, k: 5, epochs: 2, pretrainEpochs: 2, sideFeatures: true, jobId: 'pretrained' }, ctx);
    expect(reply.ok).toBe(true);
    const report = (reply as { ok: true; result: RecommendRunReport }).result;
    // Two fits (leave-one-out, time split), each GMF 1–2, MLP 3–4, NeuMF 5–6 of 6.
    expect(epochs.filter((e) => e.epoch === 6 && e.epochs === 6)).toHaveLength(2);
    expect(epochs.every((e) => e.epochs === 6)).toBe(true);
    const r = report.models.neumf!;
    expect(r.loss).toHaveLength(2);
    expect(r.sampled.hr[9]).toBeGreaterThan(report.models.popularity!.sampled.hr[9] + 0.03);
    const runs = await h.call<RunInfo[]>('runs.list', { project, kind: 'recommend' });
    expect(runs.find((x) => x.runId === report.run.id)!.settings).toMatchObject({ pretrainEpochs: 2, sideFeatures: true });
  }, 180_000);

  it('the same seed gives the same figures and lists', async () => {
    // Wide & Deep too: its side features break every tie by value (a product's main chain was once a coin toss).
    const a = await train({ models: ['mf', 'widedeep'], seed: 11, k: 3, epochs: 1 });
    const b = await train({ models: ['mf', 'widedeep'], seed: 11, k: 3, epochs: 1 });
    expect(b.models.mf!.sampled.hr).toEqual(a.models.mf!.sampled.hr);
    expect(b.models.widedeep!.sampled.hr).toEqual(a.models.widedeep!.sampled.hr);
    expect(b.models.widedeep!.timeSplit).toEqual(a.models.widedeep!.timeSplit);
    const lists = async (id: string) => (await (await db()).all(`SELECT customer_id, rank, product_id FROM recommendations WHERE run_id = $1 ORDER BY 1, 2`, [id])).map((r) => JSON.stringify(r));
    expect(await lists(b.run.id)).toEqual(await lists(a.run.id));
  }, 120_000);

  it('allowing repurchase lets a customer\'s own products back in, except those bought in the last n days', async () => {
    const report = await train({ models: ['popularity'], seed: 1, k: 10, rules: { newOnly: false, excludeTopShare: 0, excludeRecentDays: 30 } });
    const d = await db();
    const owned = await d.one<{ n: number; recent: number }>(
      `SELECT count(*) FILTER (WHERE last IS NOT NULL)::INTEGER AS n, count(*) FILTER (WHERE last > DATE '2021-12-31' - 30)::INTEGER AS recent
       FROM recommendations r LEFT JOIN (SELECT customer_id, product_id, max(date) AS last FROM purchases WHERE NOT is_return GROUP BY ALL) p USING (customer_id, product_id)
       WHERE run_id = $1`,
      [report.run.id],
    );
    expect(owned!.n).toBeGreaterThan(0);
    expect(owned!.recent).toBe(0);
  }, 60_000);

  it('one chain: learns and recommends only that chain\'s products', async () => {
    const report = await train({ models: ['popularity'], chain: 'A03', seed: 1 });
    expect(report.chain).toBe('A03');
    const d = await db();
    const other = await d.one<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM recommendations WHERE run_id = $1 AND product_id NOT IN (SELECT DISTINCT product_id FROM purchases WHERE chain = 'A03' AND product_id IS NOT NULL)`,
      [report.run.id],
    );
    expect(other!.n).toBe(0);
  }, 60_000);

  it('one model per chain: a list per chain a customer bought at, from that chain\'s products; the headline is the chains\' weighted mean', async () => {
    const report = await train({ models: ['popularity', 'itemknn'], chainMode: 'perChain', seed: 2, k: 3 });
    const d = await db();
    const chains = (await d.all<{ chain: string }>(`SELECT DISTINCT chain FROM purchases ORDER BY chain`)).map((r) => r.chain);
    expect([...report.chains!.map((c) => c.chain), ...report.skippedChains!.map((c) => c.chain)].sort()).toEqual(chains);
    // A skipped chain keeps its reason as an issue the page words in its own language.
    for (const s of report.skippedChains!) expect(s.issue?.key).toMatch(/^[a-zA-Z]+$/);
    const evaluated = report.chains!.reduce((s, c) => s + c.models.itemknn!.sampled.users, 0);
    expect(report.models.itemknn!.sampled.users).toBe(evaluated);
    const mean = report.chains!.reduce((s, c) => s + c.models.itemknn!.sampled.hr[9] * c.models.itemknn!.sampled.users, 0) / evaluated;
    expect(report.models.itemknn!.sampled.hr[9]).toBeCloseTo(mean, 10);
    const wrong = await d.one<{ foreign: number; unvisited: number; nulls: number }>(
      `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM purchases p WHERE p.product_id = r.product_id AND p.chain = r.chain))::INTEGER AS foreign,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = r.customer_id AND p.chain = r.chain))::INTEGER AS unvisited,
              count(*) FILTER (WHERE chain IS NULL)::INTEGER AS nulls
       FROM recommendations r WHERE run_id = $1`,
      [report.run.id],
    );
    expect(wrong).toEqual({ foreign: 0, unvisited: 0, nulls: 0 });
    const multi = await d.one<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM (SELECT customer_id FROM recommendations WHERE run_id = $1 AND model = 'itemknn' GROUP BY customer_id HAVING count(DISTINCT chain) > 1)`,
      [report.run.id],
    );
    expect(multi!.n).toBeGreaterThan(0);
  }, 120_000);

  it('own chain: each customer gets only the list of the chain they bought at most', async () => {
    const report = await train({ models: ['popularity'], chainMode: 'ownChain', seed: 2, k: 3 });
    const d = await db();
    const mismatch = await d.one<{ n: number; customers: number }>(
      `WITH main AS (SELECT customer_id, chain FROM (SELECT customer_id, chain, row_number() OVER (PARTITION BY customer_id ORDER BY count(*) DESC, chain) AS rn
                      FROM purchases WHERE NOT is_return AND product_id IS NOT NULL GROUP BY customer_id, chain) WHERE rn = 1)
       SELECT count(*) FILTER (WHERE r.chain <> main.chain)::INTEGER AS n, count(DISTINCT r.customer_id)::INTEGER AS customers
       FROM recommendations r JOIN main USING (customer_id) WHERE run_id = $1`,
      [report.run.id],
    );
    expect(mismatch!.n).toBe(0);
    expect(mismatch!.customers).toBe(report.saved.customers);
    expect(report.saved.customers).toBeGreaterThan(report.data.customers * 0.9);
  }, 120_000);

  it('clusters: one model per cluster learns only from its own customers (seed 003); one cluster lists only its customers', async () => {
    const clustering = await h.call<{ run: { id: string }; k: number }>('clusters.run', { project, k: 3, seed: 2 });
    const report = await train({ models: ['popularity', 'itemknn'], clusters: {}, seed: 3, k: 5 });
    expect(report.clusters).toEqual({ runId: clustering.run.id, cluster: null });
    expect(report.chains!.map((c) => c.cluster!.id)).toEqual([0, 1, 2]);
    const d = await db();
    // Every listed product was bought by a customer of the same cluster: each model saw only its cluster's purchases.
    const foreign = await d.one<{ n: number; rows: number }>(
      `WITH cc AS (SELECT customer_id, cluster FROM customer_clusters WHERE run_id = $2)
       SELECT count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM purchases p JOIN cc c2 ON c2.customer_id = p.customer_id WHERE p.product_id = r.product_id AND c2.cluster = c1.cluster))::INTEGER AS n,
              count(*)::INTEGER AS rows
       FROM recommendations r JOIN cc c1 ON c1.customer_id = r.customer_id WHERE r.run_id = $1`,
      [report.run.id, clustering.run.id],
    );
    expect(foreign!.rows).toBe(report.saved.rows);
    expect(foreign!.n).toBe(0);
    expect(report.data.customers).toBe(report.chains!.reduce((s, c) => s + c.data.customers, 0));

    const one = await train({ models: ['popularity'], clusters: { cluster: 1 }, seed: 3, k: 5 });
    expect(one.clusters).toEqual({ runId: clustering.run.id, cluster: 1 });
    expect(one.chains).toBeUndefined();
    const outside = await d.one<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM recommendations WHERE run_id = $1 AND customer_id NOT IN (SELECT customer_id FROM customer_clusters WHERE run_id = $2 AND cluster = 1)`,
      [one.run.id, clustering.run.id],
    );
    expect(outside!.n).toBe(0);
    const refused = await train({ clusters: { cluster: 7 } }).then(() => null, (e: { issues?: { key?: string }[] }) => e);
    expect(refused?.issues?.[0]?.key).toBe('clusterMissing');
    const both = await train({ clusters: {}, chainMode: 'perChain' }).then(() => null, (e: { issues?: { key?: string }[] }) => e);
    expect(both?.issues?.[0]?.key).toBe('clustersWithPerChain');
  }, 120_000);

  it('bad input is refused with a clear reason before anything is written', async () => {
    const before = await h.call<RunInfo[]>('runs.list', { project, kind: 'recommend' });
    const refuse = async (args: Record<string, unknown>, key: string) => {
      const reply = await dispatch(h.handlers, 'models.trainRecommend', { project, models: ['popularity'], ...args, jobId: `bad-${key}` }, h.ctx);
      expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', issues: [{ key }] } });
    };
    await refuse({ chain: 'Z99' }, 'chainNoPurchases');
    await refuse({ chain: 'A01', chainMode: 'perChain' }, 'chainWithPerChain');
    await refuse({ k: 100, chain: 'A05' }, 'kOverCatalogue');
    await refuse({ cutoff: '2022-03-01' }, 'cutoffOutside');
    await refuse({ window: { from: '2020-12-01', to: '2021-12-31' }, cutoff: '2021-01-01' }, 'noTrainBeforeCutoff');
    await refuse({ window: { from: '2021-01-01', to: '2021-12-31' }, cutoff: '2021-12-31', chain: 'A05' }, 'noTestAfterCutoff');
    const after = await h.call<RunInfo[]>('runs.list', { project, kind: 'recommend' });
    expect(after.length).toBe(before.length);
  }, 60_000);

  it('a cancel stops the run: CANCELLED, the run marked cancelled, no list kept', async () => {
    const ctx = {
      emit: (name: string, payload: unknown) => {
        const p = payload as JobProgress;
        if (name === 'job.progress' && p.step === 'mf') h.services.jobs.cancel('stop-recommend');
      },
    };
    const reply = await dispatch(h.handlers, 'models.trainRecommend', { project, models: ['popularity', 'mf', 'itemknn'], jobId: 'stop-recommend' }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const runs = await h.call<RunInfo[]>('runs.list', { project, kind: 'recommend' });
    const cancelled = runs.find((r) => r.status === 'cancelled')!;
    expect(cancelled).toBeDefined();
    const left = await (await db()).one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM recommendations WHERE run_id = $1`, [cancelled.runId]);
    expect(left!.n).toBe(0);
    expect(existsSync(join(project, 'models', cancelled.runId))).toBe(false);
  }, 60_000);

  it('the default cut-off keeps the last three months for the test', () => {
    expect(defaultCutoff({ from: '2021-01-01', to: '2021-12-31' })).toBe('2021-10-01');
    expect(defaultCutoff({ from: '2020-06-01', to: '2021-02-28' })).toBe('2020-12-01');
    // A window shorter than three months: three quarters of it trains.
    expect(defaultCutoff({ from: '2021-11-01', to: '2021-12-31' })).toBe('2021-12-16');
  });
});
