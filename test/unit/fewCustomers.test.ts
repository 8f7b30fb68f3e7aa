import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChurnDataset } from '../../src/main/services/models/churn/dataset';
import { stratifiedSplit } from '../../src/main/services/models/churn/split';
import { trainChurnModels } from '../../src/main/services/models/churn/train';
import { rngFor } from '../../src/main/services/generator/random';
import { dispatch } from '../../src/main/transport/dispatch';
import type { RunInfo } from '../../src/shared/runs';
import { harness, type Harness } from '../helpers';

let h: Harness;
let project: string;

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  // Fewer buyers in the first half than a model needs.
  await h.call('data.generateSample', { out: data, customers: 45, seed: 4 });
  project = join(h.root, 'small');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
}, 120_000);
afterAll(() => h?.close());

describe('churn training on data that cannot carry a model', () => {
  it('fewer than 50 customers in period 1: refused naming the period and the count; no run or model folder left', async () => {
    const reply = await dispatch(h.handlers, 'models.trainChurn', { project, seed: 1 }, h.ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', issues: [{ path: ['periods', '0'], key: 'tooFewCustomers', params: { min: 50 } }] } });
    if (reply.ok) return;
    expect((reply.error.issues![0].params!.n as number) < 50).toBe(true);
    const runs = await h.call<RunInfo[]>('runs.list', { project, kind: 'churn' });
    expect(runs.map((r) => r.status)).toEqual(['failed']);
    expect(existsSync(join(project, 'models')) ? readdirSync(join(project, 'models')) : []).toEqual([]);
  });
});

describe('clustering fewer customers than the clusters need', () => {
  it('k up to 12 needs at least 24 customers: refused naming the count; a fixed small k works; the failed run keeps nothing', async () => {
    const reply = await dispatch(h.handlers, 'clusters.run', { project, window: { from: '2021-01-01', to: '2021-01-07' } }, h.ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', issues: [{ key: 'clusterTooFewCustomers', params: { min: 24 } }] } });
    const runs = await h.call<RunInfo[]>('runs.list', { project, kind: 'clusters' });
    expect(runs[0]).toMatchObject({ status: 'failed', artifacts: [] });
    const small = await h.call<{ k: number; customers: number }>('clusters.run', { project, k: 2 });
    expect(small.k).toBe(2);
    expect(small.customers).toBeGreaterThanOrEqual(4);
  });
});

describe('a class with one member', () => {
  it('it stays in training (never split), every model reports finite scores, and its test support is 0', async () => {
    // Three classes along feature 0; class 2 has a single customer.
    const n = 400;
    const d = 3;
    const rng = rngFor(3, 'one-member');
    const x = new Float32Array(n * d);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i === 7 ? 2 : i % 2;
      x[i * d] = y[i] + 0.5 * rng.normal();
      x[i * d + 1] = rng.normal();
      x[i * d + 2] = rng.normal();
    }
    const data = {
      label: 'transition',
      customers: Array.from({ length: n }, (_, i) => `C${i}`),
      names: ['signal', 'noise_a', 'noise_b'],
      d,
      x,
      tiers: 1,
      tier1: new Int32Array(n),
      y,
      classes: 3,
    } as unknown as ChurnDataset;
    const split = stratifiedSplit(y, { test: 0.2, valid: 0.1 }, 5);
    expect(Array.from(split.train)).toContain(7);
    expect(Array.from(split.test)).not.toContain(7);
    const trained = await trainChurnModels(data, split, ['tierRule', 'logistic', 'gbdt', 'mlp'], null, 5);
    for (const model of ['logistic', 'gbdt', 'mlp'] as const) {
      const r = trained.results[model];
      if (!r?.applies) throw new Error(`${model} did not apply`);
      for (const v of [r.accuracy, r.macroF1, r.weightedF1]) expect(Number.isFinite(v)).toBe(true);
      // The absent class is skipped by the one-vs-rest AUC, not a NaN.
      expect(r.rocAuc === null || Number.isFinite(r.rocAuc)).toBe(true);
      const report = r.details.report as { perClass: { support: number }[] };
      expect(report.perClass[2].support).toBe(0);
      // Feature 0 carries the classes: every learned model beats the one-class tier rule.
      expect(r.accuracy).toBeGreaterThan((trained.results.tierRule as { accuracy: number }).accuracy);
    }
  }, 60_000);
});
