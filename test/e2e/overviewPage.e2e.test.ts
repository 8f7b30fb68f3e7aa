import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../src/main/transport/http';
import { harness, type Harness } from '../helpers';
import { ensureRendererBuilt, launchChromium, RENDERER } from './browser';

// Two projects: the generated L.POINT sample (A01…A06, customer file) and a CSV of the analyst's
// own with two stores of its own as chains, no channel and no customer file.
let h: Harness;
let server: BrowserServer;
let browser: Browser;
let lpoint: string;
let own: string;

beforeAll(async () => {
  ensureRendererBuilt();
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 800, seed: 5 });
  lpoint = join(h.root, 'sample');
  await h.call('project.create', { project: lpoint });
  await h.call('data.importLpoint', { project: lpoint, folder: data });
  own = join(h.root, 'own');
  const csv = join(h.root, 'orders.csv');
  const lines = ['customer,order,date,store,amount'];
  for (let i = 0; i < 60; i++) lines.push(`c${i % 20},o${i},2024-0${1 + (i % 6)}-1${i % 9},${i % 3 === 0 ? '강남점' : '홍대점'},${1000 + i * 10}`);
  writeFileSync(csv, lines.join('\n') + '\n');
  await h.call('project.create', { project: own });
  await h.call('data.importMapped', {
    project: own,
    purchases: { file: csv, mapping: { customer: 'customer', receipt: 'order', date: 'date', dateFormat: '%Y-%m-%d', chain: 'store', amount: 'amount' } },
  });
  server = await startBrowserServer({ handlers: h.handlers, staticDir: RENDERER });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await h?.close();
});

async function openOverview(project: string): Promise<{ page: Page; context: BrowserContext }> {
  await h.call('settings.addRecentProject', { project });
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('data-page').waitFor();
  await page.getByTestId('nav.overview').click();
  await page.getByTestId('overview-kpis').waitFor({ timeout: 30_000 });
  return { page, context };
}

describe('Overview: who were our customers', () => {
  it('shows the headline figures as SQL counts them, the halves, and the buyers by gender, age band and region', async () => {
    const { page, context } = await openOverview(lpoint);
    try {
      const db = (await h.services.projects.get(lpoint)).db;
      const direct = (await db.one<{ customers: number; receipts: number }>(
        `SELECT count(DISTINCT customer_id)::BIGINT AS customers, count(DISTINCT receipt_id)::BIGINT AS receipts FROM purchases`,
      ))!;
      const ko = (n: number) => new Intl.NumberFormat('ko-KR').format(n);
      await expect.poll(() => page.getByTestId('kpi-customers').locator('.kpi-value').textContent()).toBe(`${ko(direct.customers)}명`);
      expect(await page.getByTestId('kpi-receipts').locator('.kpi-value').textContent()).toBe(`${ko(direct.receipts)}건`);
      // The sample is one calendar year: the halves are H1 and H2.
      expect(await page.getByTestId('overview-kpis').textContent()).toMatch(/앞 절반\(~\d{4}\. 6\. 30\.\) → 뒤 절반\(\d{4}\. 7\. 1\.~\)/);
      for (const field of ['gender', 'ageBand', 'region']) await expect.poll(() => page.getByTestId(`demo-${field}`).count()).toBe(1);
      expect(await page.getByTestId('demo-gender').textContent()).toContain('여성');
      // Unticking chains down to the last one: that box cannot be unticked, and the charts stay.
      const boxes = page.locator('[data-testid^="overview-chain-"] input');
      expect(await boxes.count()).toBe(6);
      for (let i = 0; i < 5; i++) await boxes.nth(i).uncheck();
      await expect.poll(() => boxes.nth(5).isDisabled()).toBe(true);
      await expect.poll(() => page.getByTestId('overview-page').getAttribute('data-loading')).toBe('false');
      expect(await page.getByTestId('chart-buyers').count()).toBe(1);
      const a06 = (await db.one<{ n: number }>(`SELECT count(DISTINCT customer_id)::BIGINT AS n FROM purchases WHERE chain = 'A06'`))!.n;
      await expect.poll(() => page.getByTestId('kpi-customers').locator('.kpi-value').textContent()).toBe(`${ko(a06)}명`);
    } finally {
      await context.close();
    }
  });

  it('offers a project\'s own chains (not A01…A06) and no channel choice where the file has none', async () => {
    const { page, context } = await openOverview(own);
    try {
      await expect.poll(() => page.locator('[data-testid^="overview-chain-"]').allTextContents()).toEqual([' 강남점', ' 홍대점']);
      expect(await page.getByTestId('overview-channel').count()).toBe(0);
      expect(await page.getByTestId('overview-no-demographics').count()).toBe(1);
      await page.getByTestId('overview-chain-강남점').locator('input').uncheck();
      // Customers who bought at 홍대점, as SQL counts them.
      const db = (await h.services.projects.get(own)).db;
      const n = (await db.one<{ n: number }>(`SELECT count(DISTINCT customer_id)::BIGINT AS n FROM purchases WHERE chain = '홍대점'`))!.n;
      await expect.poll(() => page.getByTestId('kpi-customers').locator('.kpi-value').textContent()).toBe(`${n}명`);
      expect(await page.getByTestId('overview-chain-홍대점').locator('input').isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
