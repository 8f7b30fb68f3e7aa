import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../src/main/transport/http';
import { harness, type Harness } from '../helpers';
import { ensureRendererBuilt, launchChromium, RENDERER } from './browser';

let h: Harness;
let server: BrowserServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureRendererBuilt();
  h = harness();
  // A generated project, imported through the handler table, opened as the recent project.
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 1500, seed: 11 });
  const project = join(h.root, '분석 프로젝트');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
  await h.call('settings.addRecentProject', { project });
  server = await startBrowserServer({ handlers: h.handlers, staticDir: RENDERER });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await h?.close();
});

// Each test gets a page of its own (fresh app state: default weights, nothing selected), so it
// passes alone and in any order; the project is only read, and segments are recomputed by each page.
let context: BrowserContext | null = null;
beforeEach(async () => {
  context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('data-page').waitFor();
  return async () => {
    await context?.close();
    context = null;
  };
});

async function openSegments(): Promise<Locator> {
  await page.getByTestId('nav.segments').click();
  const matrix = page.getByTestId('transition-matrix');
  await matrix.waitFor({ timeout: 30_000 });
  return matrix;
}

describe('Overview and Segments in browser mode', () => {
  it('the Overview page draws its charts and reports one-time buyers', async () => {
    await page.getByTestId('nav.overview').click();
    await expect.poll(() => page.getByTestId('overview-summary').textContent(), { timeout: 30_000 }).toMatch(/1회 구매 고객: [\d,]+명 \/ [\d,]+명/);
    expect(await page.locator('[data-testid=chart-buyers] canvas').count()).toBeGreaterThan(0);
    if (process.env.CW_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.CW_SCREENSHOT_DIR, 'overview.png'), fullPage: true });
  });

  it('Segments: a weight change updates the matrix, and a chart saves as PNG', async () => {
    const matrix = await openSegments();
    expect(await matrix.textContent()).toContain('비활동');
    const before = await matrix.locator('tbody').textContent();
    await page.getByTestId('weight-R').fill('0.9');
    await page.getByTestId('weight-M').fill('0.05');
    await expect.poll(() => matrix.locator('tbody').textContent(), { timeout: 10_000 }).not.toBe(before);
    const download = page.waitForEvent('download');
    await page.getByTestId('chart-heatmap-png').click();
    const file = await (await download).path();
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5_000);
  });

  it('a click on a matrix cell profiles that segment', async () => {
    await openSegments();
    await page.locator('[data-cell="3-4"]').click(); // 기타 → 비활동
    await expect.poll(() => page.getByTestId('profile').textContent(), { timeout: 20_000 }).toContain('기타 → 비활동');
    if (process.env.CW_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.CW_SCREENSHOT_DIR, 'segments.png'), fullPage: true });
    await page.getByTestId('tier-table').locator('[data-tier="first-0"]').click(); // 최우수 in period 1
    await expect.poll(() => page.getByTestId('profile').textContent(), { timeout: 20_000 }).toContain('최우수 (기간1)');
    // The profile (far below the matrix) was brought into view.
    await expect.poll(() => page.getByTestId('profile').evaluate((el) => el.getBoundingClientRect().top < window.innerHeight), { timeout: 10_000 }).toBe(true);
    // Three tiers instead of four while the cell 기타 → 비활동 (column 4) is picked: the pick resets, no error.
    await page.locator('[data-cell="3-4"]').click();
    await expect.poll(() => page.getByTestId('profile').textContent(), { timeout: 20_000 }).toContain('기타 → 비활동');
    await page.getByTestId('shares').fill('30,30');
    await expect.poll(() => page.getByTestId('tier-table').locator('tbody tr').count(), { timeout: 20_000 }).toBe(3); // 3 tiers
    await expect.poll(() => page.getByTestId('profile').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('[role=alert][data-code]').count()).toBe(0);
  });
});
