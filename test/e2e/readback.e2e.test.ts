import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeLabel } from '../../src/shared/charts';
import type { CampaignSimulateResult } from '../../src/shared/campaignSimulation';
import type { ExportResult } from '../../src/shared/export';
import type { ChurnRunReport } from '../../src/shared/models';
import type { ReadbackReport } from '../../src/shared/readback';
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
let list: ExportResult;
let sim: CampaignSimulateResult;

beforeAll(async () => {
  env = await sampleInBrowser('readback', { customers: 600, seed: 29 });
  ({ h, server, project } = env);
  // The campaign: segments, churn scores, recommendations, an exported list with a control group,
  // then simulated contacts and the following weeks' purchases appended to the project.
  await h.call('segments.compute', { project });
  const churn = await h.call<ChurnRunReport>('models.trainChurn', { project, models: ['logistic'], seed: 3 });
  await h.call('models.scoreChurn', { project, runId: churn.run.id, model: 'logistic' });
  await h.call('models.trainRecommend', { project, models: ['popularity', 'itemknn'], seed: 3, k: 5 });
  list = await h.call<ExportResult>('export.write', { project, out: join(project, 'exports', 'campaign.csv'), controlShare: 0.3, seed: 5, recommend: { k: 3 } });
  sim = await h.call<CampaignSimulateResult>('campaign.simulate', { project, list: list.path, out: join(h.root, 'campaign'), uplift: 0.15, days: 30, seed: 8 });
  await h.call('data.importLpoint', { project, folder: join(h.root, 'campaign'), append: true });
  context = await env.browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await context?.close();
  await env?.close();
});

const runsOf = async (kind: string) => (await h.call<RunInfo[]>('runs.list', { project, kind })).filter((r) => r.status === 'done');

describe('Read-back page in browser mode', () => {
  it('reads back a campaign: the list from the past exports, the contact file typed in; the groups, the outcomes table, the charts; the run is listed and deletes', async () => {
    await page.goto(server.url);
    await page.getByTestId('data-page').waitFor();
    await page.getByTestId('nav.readback').click();
    await page.getByTestId('readback-page').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('성과 측정');

    // The past export is offered; the contact file is a path (browser mode has no file dialog).
    const choice = page.getByTestId('readback-list');
    await expect.poll(() => choice.locator(`option[value="${list.path}"]`).count()).toBe(1);
    await choice.selectOption(list.path);
    expect(await page.getByTestId('readback-window').inputValue()).toBe('30');
    await page.getByTestId('readback-contacts').fill(sim.contacts);
    await page.getByTestId('readback-run').click();

    const report = page.getByTestId('readback-report');
    await report.waitFor({ timeout: 120_000 });
    const runs = await runsOf('readback');
    expect(runs).toHaveLength(1);
    expect(await report.getAttribute('data-run')).toBe(runs[0].runId);
    const r = runs[0].metrics as unknown as ReadbackReport;

    // Who is compared, in ko-KR figures.
    const groups = await page.getByTestId('readback-groups').textContent();
    expect(groups).toContain(`발송 ${r.groups.treatment.toLocaleString('ko-KR')}명`);
    expect(groups).toContain(`대조군 ${r.groups.control.toLocaleString('ko-KR')}명`);

    // A row per outcome; the purchase rate's uplift in points.
    const table = page.getByTestId('readback-outcomes');
    expect(await table.locator('tbody tr').count()).toBe(r.outcomes.length);
    const bought = r.outcomes.find((o) => o.outcome === 'bought')!;
    const row = table.locator('tr[data-outcome="bought"]');
    expect(await row.locator('th').textContent()).toBe(outcomeLabel('bought', 'ko'));
    const pts = (v: number) => `${v > 0 ? '+' : ''}${(100 * v).toFixed(1)}%p`;
    expect(await row.locator('[data-metric="uplift"]').textContent()).toBe(pts(bought.uplift));
    expect(await row.getAttribute('data-significant')).toBe(String(bought.significant));
    expect(await page.getByTestId('readback-not-significant').count()).toBe(bought.significant ? 0 : 1);

    // The day-by-day chart: contacted and control; the outcome chart drawn too.
    expect(JSON.parse((await page.getByTestId('readback-series-series').getAttribute('data-series')) ?? '[]')).toEqual(['발송', '대조군']);
    await expect.poll(() => page.getByTestId('readback-series-chart').locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('readback-outcome-chart').locator('canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('readback-segment-riskDecile').locator('tbody tr').count()).toBe(r.segments.find((s) => s.by === 'riskDecile')!.rows.length);
    if (process.env.CW_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.CW_SCREENSHOT_DIR, 'readback.png'), fullPage: true });

    // Listed among the past read-backs; deleted (asked twice), the report goes with it.
    const history = page.getByTestId('readback-runs');
    await expect.poll(() => history.locator('tbody tr').count()).toBe(1);
    await history.locator(`[data-run="${r.run.id}"]`).getByTestId('readback-run-delete').click();
    await history.locator(`[data-run="${r.run.id}"]`).getByTestId('readback-run-delete-confirm').click();
    await expect.poll(() => page.getByTestId('readback-history').count()).toBe(0);
    expect(await page.getByTestId('readback-report').count()).toBe(0);
    expect(await runsOf('readback')).toHaveLength(0);
  }, 300_000);
});
