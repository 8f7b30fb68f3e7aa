import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChurnRunReport } from '../../src/shared/models';
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
  env = await sampleInBrowser('churn', { customers: 900, seed: 21 });
  ({ h, server, project } = env);
  context = await env.browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await env?.close();
});

describe('Churn page in browser mode', () => {
  it('trains the models, shows the live loss curve, then the report with the models side by side; a chart saves as PNG; the run reopens', async () => {
    await page.goto(server.url);
    await page.getByTestId('data-page').waitFor();
    await page.getByTestId('nav.churn').click();
    await page.getByTestId('churn-page').waitFor();
    await page.getByTestId('churn-train').click();
    // The live curve appears while the worker trains (losses per round arrive as job progress).
    await page.getByTestId('churn-live-curve').waitFor({ timeout: 60_000 });
    const table = page.getByTestId('churn-models');
    await table.waitFor({ timeout: 120_000 });
    const runs = await h.call<RunInfo[]>('runs.list', { project, kind: 'churn' });
    expect(runs).toHaveLength(1);
    const report = runs[0].metrics as unknown as ChurnRunReport;
    // One row per model, in the service's numbers; the best one starred.
    expect(await table.locator('tbody tr').count()).toBe(5);
    const gbdt = report.models.gbdt!;
    if (!gbdt.applies) throw new Error('gbdt did not apply');
    expect(await table.locator('[data-model="gbdt"] td').first().textContent()).toBe(gbdt.rocAuc!.toFixed(3));
    expect(await table.locator(`[data-model="${report.best}"] th`).textContent()).toContain('★');
    expect(await page.getByTestId('churn-lift').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByTestId('churn-comparison-png').click();
    const png = readFileSync(await (await download).path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The focused model's per-class report and its permutation importance, features named in Korean.
    const classReport = page.getByTestId('churn-class-report');
    expect(await classReport.locator('tbody tr').first().locator('th').textContent()).toBe('유지');
    expect(await page.getByTestId('churn-importance').count()).toBe(1);
    // A second, quicker run (from the service), then the list after a reload: reopen, compare, delete.
    const second = await h.call<ChurnRunReport>('models.trainChurn', { project, models: ['tierRule', 'logistic'], seed: 3 });
    await page.reload();
    await page.getByTestId('nav.churn').click();
    const history = page.getByTestId('churn-runs');
    await history.locator(`[data-run="${runs[0].runId}"]`).getByTestId('run-open').click();
    await expect.poll(() => page.getByTestId('churn-models').locator('tbody tr').count(), { timeout: 20_000 }).toBe(5);
    await history.locator(`[data-run="${runs[0].runId}"] input[type=checkbox]`).check();
    await history.locator(`[data-run="${second.run.id}"] input[type=checkbox]`).check();
    const compare = page.getByTestId('churn-compare');
    await compare.waitFor();
    // Another seed: other test customers, and the table says so; the logistic model in both runs.
    expect(await compare.textContent()).toContain('시험 고객이 다릅니다');
    expect(await compare.locator('[data-model="logistic"] td').first().textContent()).toMatch(/^0\.\d{3} \/ 0\.\d{3} \([+−±]0\.\d{3}\)$/);
    expect(await compare.locator('[data-model="mlp"] td').first().textContent()).toMatch(/ \/ – \(–\)$/);
    await history.locator(`[data-run="${second.run.id}"]`).getByTestId('run-delete').click();
    await history.locator(`[data-run="${second.run.id}"]`).getByTestId('run-delete-confirm').click();
    await expect.poll(() => history.locator('tbody tr').count(), { timeout: 20_000 }).toBe(1);
    expect((await h.call<RunInfo[]>('runs.list', { project, kind: 'churn' })).map((r) => r.runId)).toEqual([runs[0].runId]);
    if (process.env.CW_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.CW_SCREENSHOT_DIR, 'churn.png'), fullPage: true });
  }, 240_000);
});
