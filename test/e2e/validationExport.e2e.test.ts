import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainLabel, recommendModelLabel } from '../../src/shared/charts';
import type { ExportManifest, TargetListPreview } from '../../src/shared/export';
import type { ChurnRunReport } from '../../src/shared/models';
import type { RunInfo } from '../../src/shared/runs';
import type { ValidationReport } from '../../src/shared/validation';
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
  env = await sampleInBrowser('campaign', { customers: 600, seed: 29 });
  ({ h, server, project } = env);
  // What the Export page builds on: saved segments, churn scores and a recommendation run.
  await h.call('segments.compute', { project });
  const churn = await h.call<ChurnRunReport>('models.trainChurn', { project, models: ['gbdt', 'logistic'], seed: 3 });
  await h.call('models.scoreChurn', { project, runId: churn.run.id, model: 'gbdt' });
  await h.call('models.trainRecommend', { project, models: ['popularity', 'itemknn'], seed: 3, k: 5 });
  context = await env.browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await context?.close();
  await env?.close();
});

const runsOf = async (kind: string) => (await h.call<RunInfo[]>('runs.list', { project, kind })).filter((r) => r.status === 'done');
const HANGUL = /[가-힣]/;

/** Waits for the validation report of a run other than `previous` and answers its id. */
async function nextReport(previous: string | null): Promise<string> {
  const report = page.getByTestId('validation-report');
  const shown = async () => ((await report.count()) ? await report.getAttribute('data-run') : null);
  await expect.poll(async () => {
    const id = await shown();
    return id !== null && id !== previous;
  }, { timeout: 180_000 }).toBe(true);
  return (await shown())!;
}

/** The preview's customer count once it has settled (not loading), as the page shows it. */
async function settledCount(): Promise<number> {
  const card = page.getByTestId('export-preview');
  await expect.poll(async () => (await card.getAttribute('data-loading')) === 'false' && (await card.getAttribute('data-customers')) !== '').toBe(true);
  return Number(await card.getAttribute('data-customers'));
}

/** The CSV read back by DuckDB (all text), header first. */
async function readCsv(path: string): Promise<(string | null)[][]> {
  const { db } = await h.services.projects.get(project);
  const rows = await db.all(`SELECT * FROM read_csv($1, header = false, all_varchar = true)`, [path]);
  return rows.map((r) => Object.values(r) as (string | null)[]);
}

describe('Validation and Export pages in browser mode', () => {
  it('validates on the sample project: the windows, the repurchase table and chart per chain, the recommenders against popularity, the churn gains; a past run reopens and deletes', async () => {
    await page.goto(server.url);
    await page.getByTestId('data-page').waitFor();
    await page.getByTestId('nav.validation').click();
    await page.getByTestId('validation-page').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('검증');
    // The default cut-off, from the data's dates: the last three months observed.
    await expect.poll(() => page.getByTestId('validation-cutoff-default').getAttribute('data-default')).toBe('2021-10-01');
    expect(await page.getByTestId('validation-cutoff-default').textContent()).toContain('2021. 10. 1.');

    await page.getByTestId('validation-run').click();
    const runId = await nextReport(null);
    await expect.poll(() => page.getByTestId('validation-run').isDisabled()).toBe(false);
    const runs = await runsOf('validation');
    expect(runs.map((r) => r.runId)).toEqual([runId]);
    const report = runs[0].metrics as unknown as ValidationReport;
    expect(report.cutoff).toBe('2021-10-01');
    expect(await page.getByTestId('validation-summary').textContent()).toContain('관찰 2021. 10. 1. ~ 2021. 12. 31.');

    // Block 1: thresholds × chains, the share with the pair count beside it; a line per chain.
    const table = page.getByTestId('validation-repurchase-table');
    expect(await table.locator('tbody tr').count()).toBe(10);
    const chains = report.repurchase.chains.map((c) => c.chain);
    expect(chains.length).toBeGreaterThan(0);
    expect(await table.locator('thead th[data-chain]').allTextContents()).toEqual(chains.map((c) => chainLabel(c, 'ko')));
    const first = report.repurchase.chains[0];
    const top = first.rows.find((r) => r.threshold === 0)!;
    expect(await table.locator(`tr[data-threshold="0.0"] td[data-chain="${first.chain}"]`).textContent()).toBe(`${top.share!.toFixed(3)} (${top.pairs.toLocaleString('ko-KR')})`);
    expect(JSON.parse((await page.getByTestId('validation-repurchase-series').getAttribute('data-series')) ?? '[]')).toEqual(chains.map((c) => chainLabel(c, 'ko')));
    expect(await page.getByTestId('validation-repurchase-chart').locator('[_echarts_instance_] canvas').count()).toBeGreaterThan(0);

    // Block 2: a row per recommender (popularity, the baseline, included), the figures as computed.
    const rec = page.getByTestId('validation-recommend-table');
    expect(await rec.locator('tbody tr').count()).toBe(report.recommend.models.length);
    for (const m of report.recommend.models) {
      expect(await rec.locator(`tr[data-model="${m.model}"] [data-metric="hitRate"]`).textContent()).toBe(m.hitRate.toFixed(3));
    }
    expect(await rec.locator('thead').textContent()).toContain(`정밀도@${report.recommend.k}`);
    const recSeries = JSON.parse((await page.getByTestId('validation-recommend-series').getAttribute('data-series')) ?? '[]') as string[];
    expect(recSeries).toContain(recommendModelLabel('popularity', 'ko'));
    expect(await page.getByTestId('validation-recommend-chart').locator('canvas').count()).toBeGreaterThan(0);

    // Block 3: ROC-AUC per churn model, the deciles, the gains chart and the reach sentence.
    const churn = page.getByTestId('validation-churn-models');
    expect(await churn.locator('tbody tr').count()).toBe(report.churn.models.length);
    for (const m of report.churn.models) expect(await churn.locator(`tr[data-model="${m.model}"] [data-metric="rocAuc"]`).textContent()).toBe(m.rocAuc?.toFixed(3) ?? '–');
    const best = report.churn.models.find((m) => m.model === report.churn.best)!;
    expect(await page.getByTestId('validation-deciles').locator('tbody tr').count()).toBe(best.deciles.length);
    const reach = await page.getByTestId('validation-reach').textContent();
    expect(reach).toContain(`상위 ${best.deciles[0].customers.toLocaleString('ko-KR')}명`);
    expect(reach).toContain('이탈자의');
    expect(await page.getByTestId('validation-gains-chart').locator('canvas').count()).toBeGreaterThan(0);

    // A second run from the service; after a reload it reopens from the list, then is deleted.
    const second = await h.call<ValidationReport>('validation.run', { project, recommendModels: ['popularity'], churnModels: ['logistic'], seed: 7 });
    await page.reload();
    await page.getByTestId('nav.validation').click();
    const history = page.getByTestId('validation-runs');
    await expect.poll(() => history.locator('tbody tr').count(), { timeout: 20_000 }).toBe(2);
    await history.locator(`[data-run="${second.run.id}"]`).getByTestId('validation-run-open').click();
    expect(await nextReport(null)).toBe(second.run.id);
    await expect.poll(() => page.getByTestId('validation-churn-models').locator('tbody tr').count()).toBe(1);
    await history.locator(`[data-run="${second.run.id}"]`).getByTestId('validation-run-delete').click();
    await history.locator(`[data-run="${second.run.id}"]`).getByTestId('validation-run-delete-confirm').click();
    await expect.poll(() => history.locator('tbody tr').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('validation-report').count()).toBe(0);
    expect((await runsOf('validation')).map((r) => r.runId)).toEqual([runId]);
    if (process.env.CW_SCREENSHOT_DIR) {
      await history.locator(`[data-run="${runId}"]`).getByTestId('validation-run-open').click();
      await nextReport(null);
      await page.screenshot({ path: join(process.env.CW_SCREENSHOT_DIR, 'validation.png'), fullPage: true });
    }
  }, 300_000);

  it('builds a target list: a filter changes the previewed count; the file is written with a BOM, Korean headings and the previewed rows, its manifest beside it; writing again asks before replacing', async () => {
    await page.getByTestId('nav.export').click();
    await page.getByTestId('export-page').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('내보내기');

    // Everyone in the saved segments, then only 기타 (tier 3 of 4) of period 2.
    const all = await settledCount();
    expect(all).toBe((await h.call<TargetListPreview>('export.preview', { project })).customers);
    expect(await page.getByTestId('export-tiers').textContent()).toContain('최우수');
    expect(await page.getByTestId('export-tier-3').locator('..').textContent()).toContain('기타');
    await page.getByTestId('export-tier-3').check();
    await expect.poll(async () => (await settledCount()) !== all).toBe(true);
    const best = await settledCount();
    const expected = await h.call<TargetListPreview>('export.preview', { project, tiers: [3] });
    expect(best).toBe(expected.customers);
    expect(best).toBeLessThan(all);
    expect(await page.getByTestId('export-count').textContent()).toContain(`대상 고객 ${best.toLocaleString('ko-KR')}명`);
    // The control group per risk decile and the first rows, as the service builds them.
    expect(await page.getByTestId('export-strata').locator('tbody tr').count()).toBe(expected.strata.length);
    expect(await page.getByTestId('export-rows').locator('thead th').allTextContents()).toEqual(expected.header);
    expect(await page.getByTestId('export-rows').locator('tbody tr').count()).toBe(expected.rows.length);

    // The default file: <project>/exports/target-<date>.csv, UTF-8 with BOM.
    const path = await page.getByTestId('export-path').inputValue();
    expect(path.startsWith(join(project, 'exports', 'target-'))).toBe(true);
    expect(path).toMatch(/target-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await page.getByTestId('export-encoding').inputValue()).toBe('utf8bom');
    await page.getByTestId('export-write').click();
    const written = page.getByTestId('export-written');
    await written.waitFor({ timeout: 60_000 });
    expect(Number(await written.getAttribute('data-rows'))).toBe(best);
    expect(await written.getAttribute('data-path')).toBe(path);

    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = await readCsv(path);
    expect(rows[0][0]?.replace('\uFEFF', '')).toBe('고객번호');
    expect(rows[0].every((h) => h === null || HANGUL.test(h))).toBe(true);
    expect(rows.length - 1).toBe(best);
    const manifestPath = (await written.getAttribute('data-manifest'))!;
    expect(manifestPath).toBe(`${path}.manifest.json`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ExportManifest;
    expect(manifest).toMatchObject({ kind: 'campaign-target-list', rows: best, control: expected.control, format: 'csv', encoding: 'utf8bom', lang: 'ko', filters: { tiers: [3] } });
    expect(await page.getByTestId('export-runs').locator('tbody tr').count()).toBe(1);

    // Writing again to the same path asks first: keeping leaves the file as it was; replacing writes it again.
    const before = statSync(path).mtimeMs;
    await page.getByTestId('export-write').click();
    const confirm = page.getByTestId('export-confirm');
    await confirm.waitFor({ timeout: 60_000 });
    expect(await confirm.textContent()).toContain(path);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByTestId('export-keep').click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(statSync(path).mtimeMs).toBe(before);
    expect((await runsOf('export')).length).toBe(1);

    await page.getByTestId('export-write').click();
    await confirm.waitFor({ timeout: 60_000 });
    await page.getByTestId('export-replace').click();
    await written.waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await runsOf('export')).length).toBe(2);
    expect((await readCsv(path)).length - 1).toBe(best);
    await expect.poll(() => page.getByTestId('export-runs').locator('tbody tr').count()).toBe(2);
    if (process.env.CW_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.CW_SCREENSHOT_DIR, 'export.png'), fullPage: true });
  }, 300_000);
});
