import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJSON, trainGbdt } from '../../src/main/services/models/gbdt';
import { trainLogistic } from '../../src/main/services/models/logistic';
import { GBDT_SETTINGS } from '../../src/main/services/models/churn/train';
import { explainRisk, MIN_DELTA, type RiskReason } from '../../src/main/services/models/churn/explain';
import { fitStandardiser, standardise } from '../../src/main/services/models/churn/split';
import type { StoredModel } from '../../src/main/services/models/churn/applyModel';
import * as i18n from '../../src/shared/i18n';
import type { ChurnRunReport, ChurnScoreSummary } from '../../src/shared/models';
import { riskReasonsText, riskReasonText } from '../../src/shared/riskReasons';
import { mulberry32 } from '../../src/shared/metrics/random';
import { harness, type Harness } from '../helpers';

/** A seeded generator for the test data (uniform and normal). */
function random(seed: number) {
  const uniform = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, gauss };
}

/**
 * Customers whose churn is driven by recency alone: P(churn) = sigmoid((recency − 90) / 15). Noise and
 * receipts play no part; r_score is made from recency (1 = least recent … 5), as the RFM score is.
 */
const NAMES = ['recency_days', 'noise', 'receipts', 'r_score'];
function recencyDriven(n: number, seed: number) {
  const r = random(seed);
  const d = NAMES.length;
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const recency = 1 + Math.floor(r.uniform() * 180);
    x.set([recency, r.gauss(), 1 + Math.floor(r.uniform() * 20), 5 - Math.min(4, Math.floor(recency / 36))], i * d);
    y[i] = r.uniform() < 1 / (1 + Math.exp(-(recency - 90) / 15)) ? 1 : 0;
  }
  return { x, y, n, d };
}

/** Every list: at most three, each delta at least MIN_DELTA, largest first. */
function expectWellFormed(lists: RiskReason[][]) {
  for (const list of lists) {
    expect(list.length).toBeLessThanOrEqual(3);
    list.forEach((r, k) => {
      expect(r.delta).toBeGreaterThanOrEqual(MIN_DELTA);
      if (k > 0) expect(r.delta).toBeLessThanOrEqual(list[k - 1].delta);
    });
  }
}

function explainSynthetic(entry: StoredModel, data: ReturnType<typeof recencyDriven>) {
  return explainRisk({ entry, rows: { x: data.x, n: data.n, d: data.d, tier: new Int32Array(data.n), histories: null }, names: NAMES, top: 3 });
}

/**
 * Recency pushes up the risk of the customers well above the median (P(churn) > 0.79 from 110 days):
 * it leads their lists; the noise feature leads almost no strong list and is listed for few customers at all.
 */
function expectRecencyLeads(lists: RiskReason[][], data: ReturnType<typeof recencyDriven>) {
  expectWellFormed(lists);
  const atRisk = lists.filter((_, i) => data.x[i * data.d] > 110);
  expect(atRisk.length).toBeGreaterThan(lists.length * 0.3);
  expect(atRisk.filter((l) => l[0]?.feature === 'recency_days').length / atRisk.length).toBeGreaterThan(0.95);
  // A reason that moves the risk by 10 points or more is recency's (the noise moves a near-median customer a little).
  const strong = lists.filter((l) => l.length > 0 && l[0].delta >= 0.1);
  expect(strong.length).toBeGreaterThan(lists.length * 0.3);
  expect(strong.filter((l) => l[0].feature === 'noise').length / strong.length).toBeLessThan(0.1);
  expect(lists.filter((l) => l.some((r) => r.feature === 'noise')).length / lists.length).toBeLessThan(0.25);
  // Where both are listed, recency adds far more.
  const delta = (f: string) => lists.flatMap((l) => l.filter((r) => r.feature === f).map((r) => r.delta)).sort((a, b) => a - b);
  const median = (v: number[]) => v[v.length >> 1] ?? 0;
  expect(median(delta('noise'))).toBeLessThan(median(delta('recency_days')) / 5);
  // The RFM score is occluded with recency and named by it: never a reason of its own.
  expect(lists.flat().some((r) => r.feature === 'r_score')).toBe(false);
}

describe('churn risk reasons: occlusion attribution', () => {
  const train = recencyDriven(4000, 1);
  const scored = recencyDriven(2000, 2);

  it('a GBDT driven by recency: recency is the first reason of almost every customer at risk, noise rarely any', async () => {
    // As a churn run trains it: its settings, early stopping on validation customers.
    const valid = recencyDriven(1000, 3);
    const model = trainGbdt(train.x, train.n, train.d, train.y, { ...GBDT_SETTINGS.binary, seed: 3 }, {}, valid);
    const entry: StoredModel = { kind: 'gbdt', model: toJSON(model) };
    const lists = await explainSynthetic(entry, scored);
    expectRecencyLeads(lists, scored);
    // Explained in blocks of customers (bounded memory), the same reasons.
    const rows = { x: scored.x, n: scored.n, d: scored.d, tier: new Int32Array(scored.n), histories: null };
    expect(await explainRisk({ entry, rows, names: NAMES, blockRows: 700 })).toEqual(lists);
    // The reason carries the customer's value and the median.
    for (let i = 0; i < scored.n; i++) {
      const recency = lists[i].find((r) => r.feature === 'recency_days');
      if (!recency) continue;
      expect(recency.value).toBe(scored.x[i * scored.d]);
      expect(recency.reference).toBe(lists.flat().find((r) => r.feature === 'recency_days')!.reference);
    }
  });

  it('a logistic model driven by recency: the same, through its standardiser', async () => {
    const all = Int32Array.from({ length: train.n }, (_, i) => i);
    const s = fitStandardiser(train.x, train.d, all);
    const model = trainLogistic(standardise(train.x, train.d, all, s), train.n, train.d, train.y, { classes: 2 });
    const lists = await explainSynthetic({ kind: 'logistic', model, standardiser: { mean: Array.from(s.mean), std: Array.from(s.std) } }, scored);
    expectRecencyLeads(lists, scored);
    // A linear model with recency's weight positive: a recency reason only above the median.
    for (const reason of lists.flat().filter((r) => r.feature === 'recency_days')) expect(reason.value!).toBeGreaterThan(reason.reference!);
  });

  it('the tier rule explains by the tier only, where the customer\'s tier churns more than the median tier', async () => {
    const n = 400;
    const tier = Int32Array.from({ length: n }, (_, i) => i % 4);
    const entry: StoredModel = { kind: 'tierRule', model: { kind: 'tierRule', tiers: 4, classes: 2, shares: [0.9, 0.1, 0.8, 0.2, 0.6, 0.4, 0.3, 0.7] } };
    const lists = await explainRisk({ entry, rows: { x: new Float32Array(n).fill(0), n, d: 1, tier, histories: null }, names: ['noise'] });
    expectWellFormed(lists);
    // Median tier 1 (0.2): tiers 2 and 3 get the tier reason with its delta, 0 and 1 none.
    lists.forEach((l, i) => {
      if (tier[i] < 2) expect(l).toEqual([]);
      else expect(l).toEqual([{ feature: 'tier', value: tier[i], reference: 1, delta: tier[i] === 2 ? 0.2 : 0.5 }]);
    });
  });
});

describe('churn risk reasons: saved with the scores', () => {
  let h: Harness;
  let project: string;
  beforeAll(async () => {
    h = harness();
    const data = join(h.root, 'data');
    await h.call('data.generateSample', { out: data, customers: 1200, seed: 21 });
    project = join(h.root, 'p');
    await h.call('project.create', { project });
    await h.call('data.importLpoint', { project, folder: data });
  }, 120_000);
  afterAll(() => h?.close());

  it('scoreChurn saves every scored customer\'s reasons as JSON, per model, and they read as text', async () => {
    const report = await h.call<ChurnRunReport>('models.trainChurn', { project, models: ['tierRule', 'logistic', 'gbdt', 'mlp', 'bgnbd'], seed: 8 });
    const db = (await h.services.projects.get(project)).db;
    const rfmScores = ['r_score', 'f_score', 'm_score', 'rfm_score'];
    const activity = ['recency_days', 'late_receipt_share', 'late_amount_share', 'overdue_ratio', 'gap_max', 'active_days', 'receipts', 'tier'];
    for (const model of ['gbdt', 'logistic', 'mlp', 'tierRule', 'bgnbd'] as const) {
      const s = await h.call<ChurnScoreSummary>('models.scoreChurn', { project, runId: report.run.id, model });
      const rows = await db.all<{ customer_id: string; risk: number; reasons: string | null }>(
        `SELECT customer_id, risk, reasons FROM churn_scores WHERE run_id = $1 ORDER BY customer_id`,
        [report.run.id],
      );
      expect(rows.length).toBe(s.customers);
      const lists = rows.map((r) => {
        expect(r.reasons).not.toBeNull();
        const list = JSON.parse(r.reasons!) as RiskReason[];
        for (const reason of list) expect(Object.keys(reason).sort()).toEqual(['delta', 'feature', 'reference', 'value']);
        return list;
      });
      expectWellFormed(lists);
      const features = new Set(lists.flat().map((r) => r.feature));
      if (model === 'tierRule') expect([...features]).toEqual(['tier']);
      else if (model === 'bgnbd') expect([...features]).toEqual(['recency_days']);
      else {
        for (const f of features) expect(report.features).toContain(f);
        for (const f of rfmScores) expect(features.has(f)).toBe(false);
        // The high-risk customers are explained, mostly by their fading activity (the planted dropouts).
        const high = rows.flatMap((r, i) => (r.risk >= 0.5 ? [lists[i]] : []));
        expect(high.length).toBeGreaterThan(20);
        expect(high.filter((l) => l.length > 0).length / high.length).toBeGreaterThan(0.9);
        expect(high.filter((l) => l.length > 0 && activity.includes(l[0].feature)).length / high.length).toBeGreaterThan(0.5);
      }
      // Every list reads as text in both languages, without unfilled placeholders.
      for (const list of lists.slice(0, 300)) {
        for (const lang of ['ko', 'en'] as const) expect(riskReasonsText(list, lang)).not.toMatch(/[{}]|undefined|NaN/);
      }
    }
  }, 240_000);

  it('transition models: the risk is the summed →비활동 classes, explained the same way', async () => {
    const report = await h.call<ChurnRunReport>('models.trainChurn', { project, label: 'transition', models: ['logistic'], seed: 8 });
    const s = await h.call<ChurnScoreSummary>('models.scoreChurn', { project, runId: report.run.id, model: 'logistic' });
    const db = (await h.services.projects.get(project)).db;
    const rows = await db.all<{ risk: number; reasons: string }>(`SELECT risk, reasons FROM churn_scores WHERE run_id = $1`, [report.run.id]);
    expect(rows.length).toBe(s.customers);
    const lists = rows.map((r) => JSON.parse(r.reasons) as RiskReason[]);
    expectWellFormed(lists);
    // A reason's delta never exceeds the risk it is part of.
    rows.forEach((r, i) => lists[i].forEach((reason) => expect(reason.delta).toBeLessThanOrEqual(r.risk + 1e-9)));
    expect(lists.filter((l) => l.length > 0).length).toBeGreaterThan(rows.length * 0.2);
  }, 120_000);
});

describe('churn risk reasons: the text', () => {
  it('recency, receipts, shares, overdue, a per-chain feature and the fallback, in Korean and English', () => {
    const text = (feature: string, value: number | null, reference: number | null) => [
      riskReasonText({ feature, value, reference }, 'ko'),
      riskReasonText({ feature, value, reference }, 'en'),
    ];
    expect(text('recency_days', 64, 12)).toEqual(['최근 64일 구매 없음', 'No purchase in the last 64 days']);
    expect(text('receipts', 3, 9)).toEqual(['구매 횟수 3회 (보통 9회)', '3 purchases (typical: 9)']);
    expect(text('receipts', 1234, 4.5)).toEqual(['구매 횟수 1,234회 (보통 4.5회)', '1,234 purchases (typical: 4.5)']);
    expect(text('late_receipt_share', 0.05, 0.3333)).toEqual(['최근 2개월 구매 비중 5% (보통 33%)', 'Last two months: 5% of purchases (typical: 33%)']);
    expect(text('overdue_ratio', 2.5, 0.9)).toEqual(['평소 구매 간격의 2.5배째 구매 없음', 'No purchase for 2.5× the usual gap']);
    expect(text('share_amount_a01', 0.05, 0.33)).toEqual(['A01 백화점 구매금액 비중 5% (보통 33%)', 'A01 Department store: share of amount 5% (typical: 33%)']);
    expect(text('uses_d01', 0, 2)).toEqual(['D01 식음료1 이용 0건 (보통 2건)', 'D01 Food & beverage 1: 0 uses (typical: 2)']);
    expect(text('monetary', 12345, 234567)).toEqual(['구매금액 12,345원 (보통 234,567원)', 'Spent ₩12,345 (typical: ₩234,567)']);
    expect(text('tier', 3, 1)).toEqual(['RFM 등급 기타 (보통 우수)', 'RFM tier Other (typical: Good)']);
    expect(text('gap_mean', null, 21)).toEqual(['구매일이 하루뿐', 'Bought on one day only']);
    // The fallback: the feature's label, its value and the median customer's.
    expect(text('lpay_uses', 0, 3)).toEqual(['L.pay 결제 건수 0 (보통 3)', 'L.pay payments 0 (typical: 3)']);
    expect(text('weekend_share', 0.8, 0.25)).toEqual(['주말 구매 비중 80% (보통 25%)', 'Weekend share 80% (typical: 25%)']);
    expect(text('some_new_feature', 1.5, null)).toEqual(['some_new_feature 1.5', 'some_new_feature 1.5']);
    expect(text('gap_std', null, 4)).toEqual(['구매 간격 표준편차(일) 없음 (보통 4)', 'Std. dev. of the gaps: none (typical: 4)']);
    // Up to three, joined; the project's currency where given.
    const reasons = [
      { feature: 'recency_days', value: 64, reference: 12 },
      { feature: 'receipts', value: 3, reference: 9 },
      { feature: 'avg_receipt_amount', value: 12.5, reference: 40 },
      { feature: 'female', value: 1, reference: 1 },
    ];
    expect(riskReasonsText(reasons, 'ko')).toBe('최근 64일 구매 없음 · 구매 횟수 3회 (보통 9회) · 영수증당 13원 (보통 40원)');
    expect(riskReasonsText(reasons, 'en', 2)).toBe('No purchase in the last 64 days · 3 purchases (typical: 9)');
    expect(riskReasonsText(reasons.slice(2), 'en', 3, { currency: 'USD' })).toBe('$12.5 per receipt (typical: $40) · Female customer');
    expect(riskReasonsText([], 'ko')).toBe('');
  });

  it('has both languages for every phrase', () => {
    const missing = Object.entries(i18n.RISK_REASON_TEXTS as Record<string, i18n.Text>).filter(([, t]) => !t.ko || !t.en);
    expect(missing).toEqual([]);
    // The same placeholders in both languages.
    for (const t of Object.values(i18n.RISK_REASON_TEXTS as Record<string, i18n.Text>)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(t.en)).toEqual(names(t.ko));
    }
  });
});
