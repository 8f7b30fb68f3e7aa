import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendModelLabel } from '../../src/shared/charts';
import { RECOMMEND_MODELS, type RecommendListPage, type RecommendModelName, type RecommendRunReport } from '../../src/shared/recommend';
import type { RunInfo } from '../../src/shared/runs';
import type { BrowserServer } from '../../src/main/transport/http';
import type { Harness } from '../helpers';
import { sampleInBrowser, type SampleInBrowser } from './browser';

let h: Harness;
let server: BrowserServer;
let env: SampleInBrowser;
let context: BrowserContext;
let page: Page;
let project: string;

beforeAll(async () => {
  env = await sampleInBrowser('recommend', { customers: 600, seed: 29 });
  ({ h, server, project } = env);
  context = await env.browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await env?.close();
});

const recommendRuns = async () => (await h.call<RunInfo[]>('runs.list', { project, kind: 'recommend' })).filter((r) => r.status === 'done');
const lists = (runId: string, model: RecommendModelName, extra: { customer?: string; offset?: number } = {}) =>
  h.call<RecommendListPage>('recommend.lists', { project, runId, model, offset: 0, limit: 5, ...extra });
const HANGUL = /[가-힣]/;

/** Waits for the report of a run other than `previous` and answers its id. */
async function nextReport(previous: string | null): Promise<string> {
  const report = page.getByTestId('recommend-report');
  const shown = async () => ((await report.count()) ? await report.getAttribute('data-run') : null);
  await expect.poll(async () => {
    const id = await shown();
    return id !== null && id !== previous;
  }, { timeout: 180_000 }).toBe(true);
  return (await shown())!;
}

describe('Recommendations page in browser mode', () => {
  it('trains popularity, item kNN and NeuMF, compares them with N = 49, draws HR@K per model, shows the saved lists in Korean; a long run cancels; a past run reopens and deletes', async () => {
    await page.goto(server.url);
    await page.getByTestId('data-page').waitFor();
    await page.getByTestId('nav.recommend').click();
    await page.getByTestId('recommend-page').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('추천');

    // Popularity, item kNN and NeuMF (1 epoch); the defaults otherwise (N = 49).
    await page.getByTestId('recommend-model-mf').uncheck();
    await page.getByTestId('recommend-model-preference').uncheck();
    await page.getByTestId('recommend-model-neumf').check();
    await page.getByTestId('recommend-epochs').fill('1');
    // NeuMF's own options: one epoch of tower pre-training, the side features in its MLP tower.
    await page.getByTestId('recommend-pretrain').fill('1');
    await page.getByTestId('recommend-side-features').check();
    expect(await page.getByTestId('recommend-negatives').inputValue()).toBe('49');
    await page.getByTestId('recommend-train').click();
    // While it runs: each model's state, and NeuMF's live loss chart.
    const progress = page.getByTestId('recommend-progress');
    await progress.waitFor({ timeout: 30_000 });
    expect(await progress.locator('li[data-model]').evaluateAll((els) => els.map((e) => e.getAttribute('data-model')))).toEqual(['popularity', 'itemknn', 'neumf']);
    expect(await page.getByTestId('recommend-live-loss').count()).toBe(1);

    const runId = await nextReport(null);
    await expect.poll(() => page.getByTestId('recommend-train').isDisabled()).toBe(false);
    const runs = await recommendRuns();
    expect(runs.map((r) => r.runId)).toEqual([runId]);
    const report = runs[0].metrics as unknown as RecommendRunReport;
    const trained = RECOMMEND_MODELS.filter((m) => report.models[m]);
    expect(trained).toEqual(['popularity', 'itemknn', 'neumf']);
    expect(runs[0].settings).toMatchObject({ epochs: 1, pretrainEpochs: 1, sideFeatures: true });
    expect(runs[0].artifacts.map((a) => a.split(/[\\/]/).pop())).toEqual(['neumf.json', 'neumf.bin']);

    // The table: a row per model, HR@10 among 1 + N = 49 as the service computed it, the best starred.
    const table = page.getByTestId('recommend-models');
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await table.getByTestId('recommend-loo-heading').textContent()).toContain('N = 49');
    expect(await table.locator('thead').textContent()).toContain('HR@10');
    for (const m of trained) {
      expect(await table.locator(`[data-model="${m}"] [data-metric="hr10"]`).textContent()).toBe(report.models[m]!.sampled.hr[9].toFixed(3));
    }
    expect(await table.locator(`[data-model="${report.best}"] th`).textContent()).toContain('★');
    expect(await page.getByTestId('recommend-protocol-loo').textContent()).toContain('음성');
    expect(await page.getByTestId('recommend-protocol-time').textContent()).toContain('기준일');

    // The HR@K chart: drawn by ECharts, one series per trained model (named in Korean).
    const hr = page.getByTestId('recommend-hr');
    expect(JSON.parse((await hr.getAttribute('data-series')) ?? '[]')).toEqual(trained.map((m) => recommendModelLabel(m, 'ko')));
    expect(await page.getByTestId('recommend-hr-chart').locator('[_echarts_instance_] canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('recommend-time-chart').locator('canvas').count()).toBeGreaterThan(0);
    // NeuMF's loss per epoch (one epoch) is in the report, so its chart stays.
    expect(report.models.neumf!.loss).toHaveLength(1);
    expect(await page.getByTestId('recommend-loss-chart').count()).toBe(1);

    // The saved lists: the best model's first page, the service's customers, products named in Korean.
    const sample = page.getByTestId('recommend-lists');
    const first = await lists(runId, report.best);
    expect(first.customers.length).toBeGreaterThan(0);
    const firstCustomer = first.customers[0];
    const rowsOf = (customer: string) => sample.locator(`tr[data-customer="${customer}"]`);
    await expect.poll(() => rowsOf(firstCustomer.customerId).count()).toBe(firstCustomer.items.length);
    const names = await rowsOf(firstCustomer.customerId).getByTestId('recommend-list-name').allTextContents();
    expect(names).toEqual(firstCustomer.items.map((i) => i.name));
    expect(names.every((n) => HANGUL.test(n))).toBe(true);
    expect(await sample.getByTestId('recommend-lists-page').textContent()).toBe(`고객 1–${first.customers.length} / ${first.total.toLocaleString('ko-KR')}명`);

    // Another model, one customer by code: that customer's popularity list only.
    const someone = first.customers[first.customers.length - 1].customerId;
    await sample.getByTestId('recommend-lists-model').selectOption('popularity');
    await sample.getByTestId('recommend-lists-customer').fill(someone);
    await sample.getByTestId('recommend-lists-find').click();
    const theirs = (await lists(runId, 'popularity', { customer: someone })).customers[0];
    await expect.poll(() => sample.getByTestId('recommend-list-item').count()).toBe(theirs.items.length);
    expect(await sample.getByTestId('recommend-list-customer').allTextContents()).toEqual([someone]);
    expect(await sample.getByTestId('recommend-list-name').allTextContents()).toEqual(theirs.items.map((i) => i.name));

    // A second run from the service with N = 99; after a reload it reopens from the list, then is deleted.
    const second = await h.call<RecommendRunReport>('models.trainRecommend', { project, models: ['popularity'], negatives: 99, seed: 7 });
    await page.reload();
    await page.getByTestId('nav.recommend').click();
    const history = page.getByTestId('recommend-runs');
    await expect.poll(() => history.locator('tbody tr').count(), { timeout: 20_000 }).toBe(2);
    await history.locator(`[data-run="${second.run.id}"]`).getByTestId('recommend-run-open').click();
    expect(await nextReport(null)).toBe(second.run.id);
    await expect.poll(() => page.getByTestId('recommend-loo-heading').textContent()).toContain('N = 99');
    expect(JSON.parse((await page.getByTestId('recommend-hr').getAttribute('data-series')) ?? '[]')).toEqual([recommendModelLabel('popularity', 'ko')]);
    await history.locator(`[data-run="${second.run.id}"]`).getByTestId('recommend-run-delete').click();
    await history.locator(`[data-run="${second.run.id}"]`).getByTestId('recommend-run-delete-confirm').click();
    await expect.poll(() => history.locator('tbody tr').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('recommend-report').count()).toBe(0);
    expect((await recommendRuns()).map((r) => r.runId)).toEqual([runId]);

    // A long NeuMF run, cancelled from the page once its first epoch is in: a notice, no run kept.
    for (const m of ['popularity', 'itemknn', 'mf', 'preference']) await page.getByTestId(`recommend-model-${m}`).uncheck();
    await page.getByTestId('recommend-model-neumf').check();
    await page.getByTestId('recommend-epochs').fill('100');
    await page.getByTestId('recommend-train').click();
    await page.getByTestId('recommend-live-status').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('recommend-live-status').textContent()).toMatch(/^NeuMF 신경망 · 에포크 \d+\/100 · 손실 \d\.\d{4}/);
    await page.getByTestId('recommend-cancel').click();
    await expect.poll(() => page.getByRole('alert').getAttribute('data-code'), { timeout: 60_000 }).toBe('CANCELLED');
    await expect.poll(() => page.getByTestId('recommend-train').isDisabled()).toBe(false);
    expect((await recommendRuns()).map((r) => r.runId)).toEqual([runId]);
    await history.locator(`[data-run="${runId}"]`).getByTestId('recommend-run-open').click();
    expect(await nextReport(null)).toBe(runId);
    if (process.env.CW_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.CW_SCREENSHOT_DIR, 'recommend.png'), fullPage: true });
  }, 300_000);
});
