import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterRunReport } from '../../src/shared/clusters';
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
  env = await sampleInBrowser('clusters', { customers: 900, seed: 23 });
  ({ h, server, project } = env);
  context = await env.browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await env?.close();
});

const clusterRuns = async () => (await h.call<RunInfo[]>('runs.list', { project, kind: 'clusters' })).filter((r) => r.status === 'done');
const reportOf = (run: RunInfo) => run.metrics as unknown as ClusterRunReport;

/** Waits for a report on the page of a run other than `previous` and answers the run's id. */
async function nextReport(previous: string | null): Promise<string> {
  const report = page.getByTestId('cluster-report');
  const shown = async () => ((await report.count()) ? await report.getAttribute('data-run') : null);
  const isNew = async () => {
    const id = await shown();
    return id !== null && id !== previous;
  };
  await expect.poll(isNew, { timeout: 120_000 }).toBe(true);
  return (await shown())!;
}

describe('Customer clusters page in browser mode', () => {
  it('clusters with k fixed and with the scan, shows the charts and a card per cluster; a rename persists after a reload; a chart saves as PNG; a run deletes', async () => {
    await page.goto(server.url);
    await page.getByTestId('data-page').waitFor();
    await page.getByTestId('nav.clusters').click();
    await page.getByTestId('clusters-page').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('고객 군집');

    // k fixed to 4: four cards, no scan (the service's report says so), the summary in Korean.
    await page.getByTestId('clusters-k').selectOption('4');
    await page.getByTestId('clusters-run').click();
    const fixedId = await nextReport(null);
    await expect.poll(() => page.getByTestId('clusters-run').isDisabled()).toBe(false);
    let runs = await clusterRuns();
    expect(runs.map((r) => r.runId)).toEqual([fixedId]);
    const fixed = reportOf(runs[0]);
    expect(fixed.k).toBe(4);
    expect(fixed.scan).toEqual([]);
    expect(await page.getByTestId('cluster-card').count()).toBe(4);
    expect(await page.getByTestId('cluster-summary').textContent()).toContain(`고객 ${fixed.customers.toLocaleString('ko-KR')}명 · 군집 4개`);
    expect(await page.getByTestId('cluster-scan').count()).toBe(1);
    expect(await page.getByTestId('cluster-map').count()).toBe(1);
    expect(await page.getByTestId('cluster-tiers').count()).toBe(1);
    expect(await page.getByTestId('cluster-assign-note').textContent()).toContain('가장 가까운');
    // Each card names its cluster as the service suggested, with its size.
    const first = page.locator('[data-testid="cluster-card"][data-cluster="0"]');
    expect(await first.getByTestId('cluster-name').textContent()).toBe(fixed.profiles[0].name.ko);
    expect(await first.getByTestId('cluster-size').textContent()).toContain(`고객 ${fixed.profiles[0].size.toLocaleString('ko-KR')}명`);

    // k automatic: the scan's pick, a card per cluster, the scan chart and the map.
    await page.getByTestId('clusters-k').selectOption('auto');
    await page.getByTestId('clusters-run').click();
    const autoId = await nextReport(fixedId);
    runs = await clusterRuns();
    expect(runs.map((r) => r.runId).sort()).toEqual([fixedId, autoId].sort());
    const auto = reportOf(runs.find((r) => r.runId === autoId)!);
    expect(auto.scan.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(auto.k).toBe(auto.suggestedK);
    await expect.poll(() => page.getByTestId('cluster-card').count()).toBe(auto.k);
    expect(await page.getByTestId('cluster-summary').textContent()).toContain(`군집 ${auto.k}개`);
    expect(await page.getByTestId('cluster-scan').locator('canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('cluster-map').locator('canvas').count()).toBeGreaterThan(0);

    // The map saves as PNG.
    const download = page.waitForEvent('download');
    await page.getByTestId('cluster-map-png').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(`clusters-${autoId}-map.png`);
    expect(readFileSync(await saved.path()).subarray(1, 4).toString()).toBe('PNG');

    // Rename cluster 1 in place; the service keeps the name on the run.
    const card = page.locator('[data-testid="cluster-card"][data-cluster="1"]');
    await card.getByTestId('cluster-rename').click();
    await card.getByTestId('cluster-name-input').fill('주말 가족 장보기');
    await card.getByTestId('cluster-name-save').click();
    await expect.poll(() => card.getByTestId('cluster-name').textContent()).toBe('주말 가족 장보기');
    const renamed = reportOf(await h.call<RunInfo>('runs.get', { project, runId: autoId }));
    expect(renamed.profiles.find((p) => p.cluster === 1)!.name).toEqual({ ko: '주말 가족 장보기', en: '주말 가족 장보기' });

    // After a reload, the run reopens from the list with the new name.
    await page.reload();
    await page.getByTestId('nav.clusters').click();
    const history = page.getByTestId('cluster-runs');
    await expect.poll(() => history.locator('tbody tr').count(), { timeout: 20_000 }).toBe(2);
    await history.locator(`[data-run="${autoId}"]`).getByTestId('cluster-run-open').click();
    expect(await nextReport(null)).toBe(autoId);
    await expect.poll(() => page.locator('[data-testid="cluster-card"][data-cluster="1"]').getByTestId('cluster-name').textContent()).toBe('주말 가족 장보기');

    // Delete the k = 4 run (asked twice): the list and the service keep only the other.
    await history.locator(`[data-run="${fixedId}"]`).getByTestId('cluster-run-delete').click();
    await history.locator(`[data-run="${fixedId}"]`).getByTestId('cluster-run-delete-confirm').click();
    await expect.poll(() => history.locator('tbody tr').count(), { timeout: 20_000 }).toBe(1);
    expect((await clusterRuns()).map((r) => r.runId)).toEqual([autoId]);

    // The latest clustering filters the Segments page by a cluster's (new) name: only its customers are scored.
    await page.getByTestId('nav.segments').click();
    const total = async () => Number(((await page.getByTestId('tier-total').locator('td').nth(1).textContent()) ?? '').replace(/,/g, ''));
    await expect.poll(total, { timeout: 30_000 }).toBe(auto.customers);
    await page.getByTestId('customer-filter-field').selectOption(`cluster:${autoId}`);
    await page.getByTestId('customer-filter-주말 가족 장보기').check();
    await expect.poll(total, { timeout: 30_000 }).toBe(auto.profiles.find((p) => p.cluster === 1)!.size);
    if (process.env.CW_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.CW_SCREENSHOT_DIR, 'clusters.png'), fullPage: true });
  }, 300_000);
});
