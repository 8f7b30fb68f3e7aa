import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterRunReport } from '../../src/shared/clusters';
import type { RecommendRunReport } from '../../src/shared/recommend';
import type { RunInfo } from '../../src/shared/runs';
import type { Harness } from '../helpers';
import { sampleInBrowser, type SampleInBrowser } from './browser';

let h: Harness;
let env: SampleInBrowser;
let context: BrowserContext;
let page: Page;
let project: string;

beforeAll(async () => {
  env = await sampleInBrowser('recommend-parts', { customers: 600, seed: 29 });
  ({ h, project } = env);
  context = await env.browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await env?.close();
});

const recommendRuns = async () => (await h.call<RunInfo[]>('runs.list', { project, kind: 'recommend' })).filter((r) => r.status === 'done');
/** The values of a select's options and whether each is disabled. */
const options = (testId: string) =>
  page.getByTestId(testId).locator('option').evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent ?? '', disabled: (e as HTMLOptionElement).disabled })));
const disabledOf = async (testId: string, value: string) => (await options(testId)).find((o) => o.value === value)?.disabled;

describe('Recommendations by cluster in browser mode', () => {
  it('offers the latest clustering’s clusters once there is one, excludes the per-chain modes, trains a model per cluster and shows each cluster’s own figures', async () => {
    await page.goto(env.server.url);
    await page.getByTestId('data-page').waitFor();
    await page.getByTestId('nav.recommend').click();
    await page.getByTestId('recommend-page').waitFor();

    // No clustering yet: only "all customers" to choose, and a note saying why.
    const note = page.getByTestId('recommend-customers-note');
    expect(await note.textContent()).toContain('군집 분석을 한 적이 없어');
    expect((await options('recommend-customers')).map((o) => [o.value, o.disabled])).toEqual([
      ['', false],
      ['@perCluster', true],
    ]);

    // A clustering through the service; the page lists it when opened again.
    const clustering = await h.call<ClusterRunReport>('clusters.run', { project, k: 3, seed: 2 });
    await page.getByTestId('nav.data').click();
    await page.getByTestId('data-page').waitFor();
    await page.getByTestId('nav.recommend').click();
    await expect.poll(() => note.getAttribute('data-clustering'), { timeout: 20_000 }).toBe(clustering.run.id);
    expect(await note.textContent()).toContain('군집 3개');
    const names = clustering.profiles.map((p) => p.name.ko);
    const offered = await options('recommend-customers');
    expect(offered.map((o) => o.value)).toEqual(['', '@perCluster', '0', '1', '2']);
    expect(offered.slice(2).map((o) => o.text)).toEqual(clustering.profiles.map((p) => `군집: ${p.name.ko} (${p.size.toLocaleString('ko-KR')}명)`));

    // A per-chain mode rules out the clusters, and a cluster the per-chain modes (as the service does).
    await page.getByTestId('recommend-chain').selectOption('@perChain');
    expect(await disabledOf('recommend-customers', '@perCluster')).toBe(true);
    expect(await disabledOf('recommend-customers', '1')).toBe(true);
    await page.getByTestId('recommend-chain').selectOption('');
    await page.getByTestId('recommend-customers').selectOption('1');
    expect(await disabledOf('recommend-chain', '@perChain')).toBe(true);
    expect(await disabledOf('recommend-chain', '@ownChain')).toBe(true);
    expect(await disabledOf('recommend-chain', 'A01')).toBe(false);

    // One model per cluster: popularity and item kNN.
    await page.getByTestId('recommend-customers').selectOption('@perCluster');
    await page.getByTestId('recommend-model-mf').uncheck();
    await page.getByTestId('recommend-model-preference').uncheck();
    await page.getByTestId('recommend-train').click();
    const reportCard = page.getByTestId('recommend-report');
    await reportCard.waitFor({ timeout: 180_000 });
    await expect.poll(() => page.getByTestId('recommend-train').isDisabled()).toBe(false);
    const runs = await recommendRuns();
    expect(runs).toHaveLength(1);
    expect(await reportCard.getAttribute('data-run')).toBe(runs[0].runId);
    const report = runs[0].metrics as unknown as RecommendRunReport;
    expect(report.clusters).toEqual({ runId: clustering.run.id, cluster: null });
    expect(report.chains?.map((c) => c.cluster?.name)).toEqual(names);

    // The summary names the clustering and "a model per cluster"; the headline is the clusters' weighted means.
    const summary = await page.getByTestId('recommend-summary').textContent();
    expect(summary).toContain(`군집 분석 ${clustering.run.id}`);
    expect(summary).toContain('군집별 모델');
    expect(await page.getByTestId('recommend-weighted').textContent()).toContain('가중 평균');

    // The per-part table: a row per cluster, by name, with its customers and each model's own HR@10, the best starred.
    const parts = page.getByTestId('recommend-parts');
    expect(await parts.getAttribute('data-kind')).toBe('clusters');
    expect(await parts.getByTestId('recommend-part-name').allTextContents()).toEqual(names);
    expect(await parts.locator('thead').textContent()).toContain('N = 49');
    for (const [i, chain] of report.chains!.entries()) {
      const row = parts.getByTestId('recommend-part').nth(i);
      expect(await row.locator('[data-metric="customers"]').textContent()).toBe(chain.data.customers.toLocaleString('ko-KR'));
      for (const m of ['popularity', 'itemknn'] as const) {
        const hr = (await row.locator(`[data-model="${m}"][data-metric="hr10"]`).textContent()) ?? '';
        expect(hr.startsWith(chain.models[m]!.sampled.hr[9].toFixed(3))).toBe(true);
        expect(hr).toContain(`(${chain.models[m]!.sampled.users.toLocaleString('ko-KR')}명)`);
        expect(hr.includes('★')).toBe(m === chain.best);
        expect(await row.locator(`[data-model="${m}"][data-metric="recall"]`).textContent()).toBe(chain.models[m]!.timeSplit.recall.toFixed(3));
      }
    }
    expect(await parts.getByTestId('recommend-part-skipped').count()).toBe(report.skippedChains?.length ?? 0);
    if (process.env.CW_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.CW_SCREENSHOT_DIR, 'recommend-parts.png'), fullPage: true });
  }, 300_000);
});
