import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src/shared/contract';
import type { RunInfo } from '../../src/shared/runs';
import type { ValidationReport } from '../../src/shared/validation';
import { dispatch } from '../../src/main/transport/dispatch';
import { harness, type Harness } from '../helpers';

let h: Harness;
let project: string;
/** The same data, its observed months (from the cut-off on) changed: the learned half must not move. */
let changed: string;
let report: ValidationReport;

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 1500, seed: 11 });
  project = join(h.root, 'p');
  changed = join(h.root, 'changed');
  for (const p of [project, changed]) {
    await h.call('project.create', { project: p });
    await h.call('data.importLpoint', { project: p, folder: data });
  }
  const db = (await h.services.projects.get(changed)).db;
  // Half the customers buy nothing after the cut-off, the other half buy other products.
  await db.run(`DELETE FROM purchases WHERE date >= DATE '2021-10-01' AND hash(customer_id) % 2 = 0`);
  await db.run(
    `UPDATE purchases SET product_id = (SELECT max(product_id) FROM purchases p2 WHERE p2.chain = purchases.chain) WHERE date >= DATE '2021-10-01' AND hash(customer_id) % 3 = 0`,
  );
  report = await h.call<ValidationReport>('validation.run', { project, seed: 4 });
}, 240_000);
afterAll(() => h?.close());

const db = async (p = project) => (await h.services.projects.get(p)).db;

describe('validation on time', () => {
  it('learns before the default cut-off and observes the last three months; the run is recorded', async () => {
    expect(report.cutoff).toBe('2021-10-01');
    expect(report.learn).toEqual({ from: '2021-01-01', to: '2021-09-30' });
    expect(report.observe).toEqual({ from: '2021-10-01', to: '2021-12-31' });
    // The churn model learned Apr–Jun → Jul–Sep and scored Jul–Sep's buyers: all before the cut-off.
    expect(report.churn.periods[1].to).toBe('2021-09-30');
    expect(report.churn.scored).toEqual(report.churn.periods[1]);
    expect(report.churn.periods[0].to < report.churn.periods[1].from).toBe(true);
    const runs = await h.call<RunInfo[]>('runs.list', { project, kind: 'validation' });
    expect(runs[0]).toMatchObject({ runId: report.run.id, status: 'done', seed: 4 });
    expect((runs[0].metrics as unknown as ValidationReport).recommend.k).toBe(10);
    const churnRun = await h.call<RunInfo>('runs.get', { project, runId: report.churn.trainRun });
    expect(churnRun).toMatchObject({ kind: 'churn', status: 'done' });
  });

  it('the repurchase table matches a direct count and rises with the preference score at the chains people come back to', async () => {
    const counted = await (await db()).all<{ chain: string; pairs: number; again: number }>(
      `WITH l AS (SELECT DISTINCT customer_id, product_id, chain, date >= DATE '2021-10-01' AS after FROM purchases WHERE NOT is_return AND product_id IS NOT NULL)
       SELECT chain, count(*)::INTEGER AS pairs, count(*) FILTER (WHERE bought_again)::INTEGER AS again FROM (
         SELECT customer_id, product_id, chain, bool_or(after) AS bought_again FROM l GROUP BY ALL HAVING bool_or(NOT after)) GROUP BY chain ORDER BY chain`,
    );
    expect(report.repurchase.chains.map((c) => c.chain)).toEqual(counted.map((c) => c.chain));
    for (const c of counted) {
      const row0 = report.repurchase.chains.find((r) => r.chain === c.chain)!.rows[0];
      expect(row0).toMatchObject({ threshold: 0, pairs: c.pairs });
      expect(row0.share).toBeCloseTo(c.again / c.pairs, 10);
    }
    const a02 = report.repurchase.chains.find((c) => c.chain === 'A02')!.rows;
    for (let t = 1; t < a02.length; t++) expect(a02[t].pairs).toBeLessThanOrEqual(a02[t - 1].pairs);
    const filled = a02.filter((r) => r.pairs >= 200);
    expect(filled[filled.length - 1].share!).toBeGreaterThan(a02[0].share! + 0.2);
  });

  it('the personal recommenders beat popularity on the observed months, with consistent counts', async () => {
    const { models, customers, buyers } = report.recommend;
    expect(models.map((m) => m.model)).toEqual(['popularity', 'itemknn', 'mf', 'preference']);
    expect(buyers).toBeLessThanOrEqual(customers);
    const pop = models[0];
    expect(pop.lift).toBe(1);
    for (const m of models) {
      expect(m.customers).toBe(customers);
      expect(m.hitCustomers).toBeLessThanOrEqual(m.customers);
      expect(m.hitRate).toBeCloseTo(m.hitCustomers / m.customers, 12);
      // A hit customer has at least one listed product bought: precision ≥ hit rate / K.
      expect(m.precision).toBeGreaterThanOrEqual(m.hitRate / report.recommend.k - 1e-12);
    }
    // The sample plants product-level taste: item-kNN and MF find it, popularity cannot.
    for (const name of ['itemknn', 'mf'] as const) expect(models.find((m) => m.model === name)!.lift!).toBeGreaterThan(1.2);
  });

  it('the churn risk at the cut-off ranks the customers who then bought nothing', async () => {
    const { customers, churners, models, best } = report.churn;
    // The customers judged are the scored window's buyers; the churners those without a receipt after the cut-off.
    const direct = await (await db()).one<{ n: number; gone: number }>(
      `WITH s AS (SELECT DISTINCT customer_id FROM receipt_facts WHERE date BETWEEN DATE '2021-07-01' AND DATE '2021-09-30'),
            o AS (SELECT DISTINCT customer_id FROM receipt_facts WHERE date >= DATE '2021-10-01')
       SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE o.customer_id IS NULL)::INTEGER AS gone FROM s LEFT JOIN o USING (customer_id)`,
    );
    expect(customers).toBe(direct!.n);
    expect(churners).toBe(direct!.gone);
    const gbdt = models.find((m) => m.model === 'gbdt')!;
    expect(gbdt.rocAuc!).toBeGreaterThan(0.7);
    expect(gbdt.deciles).toHaveLength(10);
    expect(gbdt.deciles[9].gain).toBeCloseTo(1, 12);
    expect(gbdt.deciles.reduce((s, d) => s + d.churners, 0)).toBe(churners);
    // The top decile holds more than twice its share of the churners.
    expect(gbdt.deciles[0].gain).toBeGreaterThan(0.2);
    expect(best).not.toBeNull();
  });

  it('nothing after the cut-off leaks in: other observed months give the same lists and scores, other outcomes', async () => {
    const other = await h.call<ValidationReport>('validation.run', { project: changed, seed: 4 });
    expect(other.recommend.models.map((m) => m.listsHash)).toEqual(report.recommend.models.map((m) => m.listsHash));
    expect(other.churn.models.map((m) => m.riskHash)).toEqual(report.churn.models.map((m) => m.riskHash));
    expect(other.repurchase.chains.map((c) => c.rows.map((r) => r.pairs))).toEqual(report.repurchase.chains.map((c) => c.rows.map((r) => r.pairs)));
    expect(other.churn.customers).toBe(report.churn.customers);
    // …while what was observed did change.
    expect(other.churn.churners).toBeGreaterThan(report.churn.churners);
    expect(other.recommend.models[0].hitCustomers).not.toBe(report.recommend.models[0].hitCustomers);
    // And the same seed on the same data gives the same lists again.
    const again = await h.call<ValidationReport>('validation.run', { project, seed: 4, churnModels: ['logistic'], recommendModels: ['mf'] });
    expect(again.recommend.models.find((m) => m.model === 'mf')!.listsHash).toBe(report.recommend.models.find((m) => m.model === 'mf')!.listsHash);
  }, 120_000);

  it('refuses dates it cannot validate on, before writing anything', async () => {
    const before = await h.call<RunInfo[]>('runs.list', { project });
    const refuse = async (args: Record<string, unknown>, key: string, p = project) => {
      const error = await h.call('validation.run', { project: p, ...args }).then(
        () => null,
        (e: unknown) => e as { code: string; issues?: { key?: string }[] },
      );
      expect(error).toMatchObject({ code: 'BAD_ARGUMENT' });
      expect(error!.issues?.[0]?.key).toBe(key);
    };
    await refuse({ cutoff: '2022-03-01' }, 'cutoffOutside');
    await refuse({ cutoff: '2021-01-01' }, 'cutoffOutside');
    await refuse({ cutoff: '2021-01-08' }, 'learnTooShort');
    await refuse({ learnFrom: '2021-12-31', observeTo: '2021-06-30' }, 'rangeReversed');
    // Observed days without a purchase: nothing to check against.
    await (await db(changed)).run(`DELETE FROM purchases WHERE date >= DATE '2021-12-20'`);
    await refuse({ cutoff: '2021-12-25', observeTo: '2021-12-31' }, 'noObservedPurchases', changed);
    const after = await h.call<RunInfo[]>('runs.list', { project });
    expect(after.length).toBe(before.length);
  }, 60_000);

  it('a cancel stops the validation: CANCELLED, the run marked cancelled, its folder gone', async () => {
    const ctx = {
      emit: (name: string, payload: unknown) => {
        const p = payload as JobProgress;
        if (name === 'job.progress' && p.step === 'recommend: mf') h.services.jobs.cancel('stop-validation');
      },
    };
    const reply = await dispatch(h.handlers, 'validation.run', { project, jobId: 'stop-validation' }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const runs = await h.call<RunInfo[]>('runs.list', { project, kind: 'validation' });
    const cancelled = runs.find((r) => r.status === 'cancelled')!;
    expect(cancelled).toBeDefined();
    expect(existsSync(join(project, 'models', cancelled.runId))).toBe(false);
  }, 60_000);
});
