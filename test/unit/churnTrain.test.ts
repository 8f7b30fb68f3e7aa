import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src/shared/contract';
import type { ChurnRunReport, ChurnScoreSummary, FeatureImportanceSummary } from '../../src/shared/models';
import type { RunInfo } from '../../src/shared/runs';
import { dispatch } from '../../src/main/transport/dispatch';
import { finishRun, startRun } from '../../src/main/services/runs/runs';
import { harness, type Harness } from '../helpers';

let h: Harness;
let project: string;

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 1500, seed: 9 });
  project = join(h.root, 'p');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
}, 120_000);
afterAll(() => h?.close());

const train = (args: Record<string, unknown>) => h.call<ChurnRunReport>('models.trainChurn', { project, ...args });
const applied = (r: ChurnRunReport['models'][keyof ChurnRunReport['models']]) => {
  if (!r?.applies) throw new Error('model did not apply');
  return r;
};

describe('churn training run', () => {
  it('binary: every learned model beats the RFM-tier rule on the test customers; the run is recorded with its models', async () => {
    const report = await train({ label: 'binary', seed: 7 });
    const total = report.train.customers + report.valid.customers + report.test.customers;
    const db = (await h.services.projects.get(project)).db;
    const buyers = (await db.one<{ n: number }>(`SELECT count(DISTINCT customer_id)::BIGINT AS n FROM purchases WHERE date BETWEEN '2021-01-01' AND '2021-06-30'`))!.n;
    expect(total).toBe(buyers);
    expect(report.test.customers / total).toBeCloseTo(0.2, 1);
    expect(report.test.positives).toBeGreaterThan(10);
    const tier = applied(report.models.tierRule);
    for (const model of ['mlp', 'gbdt', 'logistic'] as const) expect(applied(report.models[model]).rocAuc!).toBeGreaterThan(tier.rocAuc! + 0.05);
    expect(applied(report.models.bgnbd).rocAuc!).toBeGreaterThan(0.5);
    expect(['mlp', 'gbdt', 'logistic']).toContain(report.best);
    expect(report.run.backend).toMatch(/^tfjs-(wasm|tensorflow)$/);
    // Permutation importance of the best model that reads the features, over every feature (the others: none).
    const learned = (['mlp', 'gbdt', 'logistic'] as const).map((m) => ({ m, auc: applied(report.models[m]).rocAuc! }));
    const bestLearned = learned.reduce((a, b) => (b.auc > a.auc ? b : a)).m;
    for (const { m: model } of learned) {
      const importance = applied(report.models[model]).details.importance as FeatureImportanceSummary | null;
      if (model !== bestLearned) {
        expect(importance).toBeNull();
        continue;
      }
      expect(importance).toMatchObject({ metric: 'rocAuc', repeats: 3, rows: Math.min(3000, report.test.customers) });
      expect(importance!.features.map((f) => f.feature).sort()).toEqual([...report.features].sort());
      expect(importance!.baseline).toBeGreaterThan(0.5);
      // The planted dropouts fade before they go quiet, so recency and late-period activity lead; gender plays no part.
      const features = importance!.features;
      const activity = ['recency_days', 'late_receipt_share', 'late_amount_share', 'overdue_ratio', 'gap_max', 'active_days', 'receipts', 'r_score'];
      expect(features.slice(0, 5).some((f) => activity.includes(f.feature))).toBe(true);
      expect(features[0].mean).toBeGreaterThan(0.01);
      expect(features.find((f) => f.feature === 'female')!.mean).toBeLessThan(features[0].mean / 5);
    }
    // The run: recorded as done with the report, its model file and its own segment tables.
    const run = await h.call<RunInfo>('runs.get', { project, runId: report.run.id });
    expect(run).toMatchObject({ kind: 'churn', status: 'done', seed: 7, backend: report.run.backend });
    expect((run.metrics as unknown as ChurnRunReport).models.logistic).toEqual(report.models.logistic);
    expect(run.artifacts).toEqual([join('models', report.run.id, 'models.json'), join('models', report.run.id, 'mlp.weights.bin')]);
    for (const file of run.artifacts) expect(existsSync(join(project, file))).toBe(true);
    const saved = JSON.parse(readFileSync(join(project, run.artifacts[0]), 'utf8'));
    expect(Object.keys(saved.models).sort()).toEqual(['bgnbd', 'gbdt', 'logistic', 'mlp', 'tierRule']);
    expect(saved.features).toEqual(report.features);
    for (const table of run.resultTables) {
      expect((await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE table_name = $1`, [table]))!.n).toBe(1);
    }
    // The analyst's saved segments were not touched.
    expect((await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE table_name = 'segments'`))!.n).toBe(0);
  }, 120_000);

  it('the same seed on the same data gives the same metrics; another seed another split', async () => {
    const models = ['tierRule', 'logistic', 'gbdt', 'mlp'];
    const a = await train({ models, seed: 11 });
    const b = await train({ models, seed: 11 });
    const c = await train({ models, seed: 12 });
    // Everything but the clock: the importance reports its own seconds.
    const timeless = (v: NonNullable<ChurnRunReport['models']['mlp']>) =>
      v.applies ? { ...v, seconds: 0, details: { ...v.details, importance: v.details.importance ? { ...(v.details.importance as object), seconds: 0 } : null } } : v;
    const strip = (r: ChurnRunReport) => JSON.stringify(Object.fromEntries(Object.entries(r.models).map(([k, v]) => [k, v && timeless(v)])));
    expect(strip(a)).toBe(strip(b));
    expect(strip(a)).not.toBe(strip(c));
  }, 120_000);

  it('binary churn of the last tier only (기타 → 비활동): judged on those customers, scored on the latest last tier', async () => {
    const report = await train({ population: 'lastTier', models: ['tierRule', 'logistic', 'gbdt'], seed: 4 });
    expect(report.population).toBe('lastTier');
    const all = report.train.customers + report.valid.customers + report.test.customers;
    const run = await h.call<RunInfo>('runs.get', { project, runId: report.run.id });
    const db = (await h.services.projects.get(project)).db;
    const lastTier = (await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${run.resultTables[0]} WHERE tier_1 = 3`))!.n;
    expect(all).toBe(lastTier);
    // One tier: the tier rule cannot rank anyone; the learned models can.
    expect(applied(report.models.logistic).rocAuc!).toBeGreaterThan(0.6);
    const scored = await h.call<ChurnScoreSummary>('models.scoreChurn', { project, runId: report.run.id, model: 'gbdt' });
    // The last tier holds the 40 % the default shares (20/20/20) leave: about that share of the latest buyers.
    const everyone = (await db.one<{ n: number }>(`SELECT count(DISTINCT customer_id)::BIGINT AS n FROM purchases WHERE date >= '2021-07-01'`))!.n;
    expect(scored.customers / everyone).toBeGreaterThan(0.3);
    expect(scored.customers / everyone).toBeLessThan(0.5);
  }, 120_000);

  it('transition: 20 classes named like the seed; the tier rule and logistic both report; BG/NBD says it does not apply', async () => {
    const report = await train({ label: 'transition', models: ['tierRule', 'logistic', 'gbdt', 'bgnbd'], seed: 3 });
    expect(report.classes).toHaveLength(20);
    expect(report.classes).toContain('기타→비활동');
    expect(report.classes).toContain('최우수→최우수');
    expect(report.classLabels?.ko).toEqual(report.classes);
    expect(report.classLabels?.en).toContain('Other → Inactive');
    expect(report.classLabels?.en).toContain('Best → Best');
    expect(report.models.bgnbd).toMatchObject({ applies: false });
    const tier = applied(report.models.tierRule);
    for (const model of ['logistic', 'gbdt'] as const) expect(applied(report.models[model]).macroF1).toBeGreaterThan(tier.macroF1);
  }, 120_000);

  it('the backend chosen in settings trains the MLP and is recorded on the run; auto goes back to wasm', async () => {
    const settings = await h.call<{ trainingBackend: string }>('settings.setTraining', { trainingBackend: 'cpu' });
    expect(settings.trainingBackend).toBe('cpu');
    const onCpu = await train({ models: ['mlp'], seed: 5 });
    expect(onCpu.run.backend).toBe('tfjs-cpu');
    expect((await h.call<RunInfo>('runs.get', { project, runId: onCpu.run.id })).backend).toBe('tfjs-cpu');
    await h.call('settings.setTraining', { trainingBackend: 'auto' });
    const onAuto = await train({ models: ['mlp'], seed: 5 });
    expect(onAuto.run.backend).toMatch(/^tfjs-(wasm|tensorflow)$/);
    // The same seed on another backend: the same model up to float rounding.
    expect(applied(onAuto.models.mlp).rocAuc!).toBeCloseTo(applied(onCpu.models.mlp).rocAuc!, 2);
    const reply = await dispatch(h.handlers, 'settings.setTraining', { trainingBackend: 'gpu' }, h.ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  }, 120_000);

  it('trains in the training worker: a project.info call answers while the models train', async () => {
    let info: Promise<unknown> | null = null;
    let answered = false;
    let roundsAfterAnswer = 0;
    const mlpEpochs: number[] = [];
    const ctx = {
      emit: (name: string, payload: unknown) => {
        const p = payload as JobProgress;
        if (name !== 'job.progress' || p.detail.type !== 'training') return;
        if (p.step === 'mlp' && p.detail.phase === 'epoch') mlpEpochs.push(p.detail.epoch);
        if (p.detail.phase === 'batch') expect(p.detail.batch).toBeLessThanOrEqual(p.detail.batches);
        if (answered) roundsAfterAnswer += 1;
        info ??= h.call('project.info', { project }).then(() => (answered = true));
      },
    };
    const reply = await dispatch(h.handlers, 'models.trainChurn', { project, models: ['gbdt', 'mlp'], seed: 2 }, ctx);
    expect(reply.ok).toBe(true);
    await info;
    // The answer came back while training went on (more rounds reported after it).
    expect(answered).toBe(true);
    expect(roundsAfterAnswer).toBeGreaterThan(0);
    // Every network epoch reaches the live curve, in order (batches within an epoch are throttled).
    const report = (reply as { ok: true; result: ChurnRunReport }).result;
    const mlp = applied(report.models.mlp).details as { epochsRun: number };
    expect(mlpEpochs).toEqual(Array.from({ length: mlp.epochsRun }, (_, i) => i + 1));
  }, 120_000);

  it('scores every customer of the latest window with the run\'s models; a rescore replaces; a damaged model file is refused', async () => {
    const report = await train({ seed: 5 });
    const db = (await h.services.projects.get(project)).db;
    const latestBuyers = (await db.one<{ n: number }>(`SELECT count(DISTINCT customer_id)::BIGINT AS n FROM purchases WHERE date BETWEEN '2021-07-01' AND '2021-12-31'`))!.n;
    const best = await h.call<ChurnScoreSummary>('models.scoreChurn', { project, runId: report.run.id });
    expect(best).toMatchObject({ model: report.best, window: { from: '2021-07-01', to: '2021-12-31' }, customers: latestBuyers });
    for (const model of ['mlp', 'gbdt', 'logistic', 'tierRule', 'bgnbd'] as const) {
      const s = await h.call<ChurnScoreSummary>('models.scoreChurn', { project, runId: report.run.id, model });
      expect(s.customers).toBe(latestBuyers);
      const rows = await db.all<{ n: number; lo: number; hi: number; m: string }>(
        `SELECT count(*)::BIGINT AS n, min(risk) AS lo, max(risk) AS hi, any_value(model) AS m FROM churn_scores WHERE run_id = $1`,
        [report.run.id],
      );
      expect(rows[0]).toMatchObject({ n: latestBuyers, m: model }); // replaced, not added
      expect(rows[0].lo).toBeGreaterThanOrEqual(0);
      expect(rows[0].hi).toBeLessThanOrEqual(1);
      expect(rows[0].hi).toBeGreaterThan(rows[0].lo); // the model tells customers apart
    }
    // A damaged model file: a clear error, the saved scores untouched.
    const file = join(project, 'models', report.run.id, 'models.json');
    writeFileSync(file, '{ not json');
    const reply = await dispatch(h.handlers, 'models.scoreChurn', { project, runId: report.run.id }, h.ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_FILE', message: expect.stringContaining('damaged') } });
    expect((await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM churn_scores WHERE run_id = $1`, [report.run.id]))!.n).toBe(latestBuyers);
    // Deleting the run takes its row, tables, scores and files; other runs stay.
    const run = await h.call<RunInfo>('runs.get', { project, runId: report.run.id });
    const others = (await h.call<RunInfo[]>('runs.list', { project })).filter((r) => r.runId !== report.run.id);
    const deleted = await h.call<RunInfo>('runs.delete', { project, runId: report.run.id });
    expect(deleted.runId).toBe(report.run.id);
    expect((await h.call<RunInfo[]>('runs.list', { project })).map((r) => r.runId)).toEqual(others.map((r) => r.runId));
    expect(existsSync(join(project, 'models', report.run.id))).toBe(false);
    expect((await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM churn_scores WHERE run_id = $1`, [report.run.id]))!.n).toBe(0);
    for (const table of run.resultTables) {
      expect((await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE table_name = $1`, [table]))!.n).toBe(0);
    }
    expect(await dispatch(h.handlers, 'runs.delete', { project, runId: report.run.id }, h.ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 180_000);

  it('a running run cannot be deleted', async () => {
    const started = await h.services.projects.read(project, (p) => p.commit(() => startRun(p.db, project, { kind: 'churn', settings: {}, seed: 1 })));
    const reply = await dispatch(h.handlers, 'runs.delete', { project, runId: started.runId }, h.ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BUSY', issues: [{ key: 'runRunning' }] } });
    expect((await h.call<RunInfo>('runs.get', { project, runId: started.runId })).status).toBe('running');
    await h.services.projects.read(project, (p) => p.commit(() => finishRun(p.db, started.runId, { status: 'failed', error: 'test' })));
    rmSync(started.dir, { recursive: true, force: true });
  });

  it('bad input: a period without purchases is refused naming the period, and no run is left half-written', async () => {
    const before = await h.call<RunInfo[]>('runs.list', { project, kind: 'churn' });
    const reply = await dispatch(h.handlers, 'models.trainChurn', {
      project,
      periods: [{ from: '2021-01-01', to: '2021-06-30' }, { from: '2023-01-01', to: '2023-06-30' }],
    }, h.ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', issues: [{ path: ['periods', '1'], key: 'periodEmpty' }] } });
    const after = await h.call<RunInfo[]>('runs.list', { project, kind: 'churn' });
    expect(after.length).toBe(before.length + 1);
    expect(after[0]).toMatchObject({ status: 'failed', artifacts: [], resultTables: [] });
    expect(existsSync(join(project, 'models', after[0].runId))).toBe(false);
  }, 60_000);

  it('a cancel stops the run: CANCELLED, the run marked cancelled, its tables and folder gone', async () => {
    const ctx = {
      emit: (name: string, payload: unknown) => {
        const p = payload as JobProgress;
        if (name === 'job.progress' && p.step === 'logistic') h.services.jobs.cancel('stop-training');
      },
    };
    const reply = await dispatch(h.handlers, 'models.trainChurn', { project, models: ['tierRule', 'logistic', 'bgnbd'], jobId: 'stop-training' }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const runs = await h.call<RunInfo[]>('runs.list', { project, kind: 'churn' });
    const cancelled = runs.find((r) => r.status === 'cancelled')!;
    expect(cancelled).toBeDefined();
    expect(readdirSync(join(project, 'models'))).not.toContain(cancelled.runId);
    const db = (await h.services.projects.get(project)).db;
    const left = await db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE $1`, [`run_${cancelled.runId.replace(/-/g, '_')}%`]);
    expect(left).toEqual([]);
  }, 60_000);
});
