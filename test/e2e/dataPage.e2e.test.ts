import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../src/main/transport/http';
import { dispatch } from '../../src/main/transport/dispatch';
import type { ProjectInfo } from '../../src/shared/reports';
import { FIXTURES, harness, type Harness } from '../helpers';
import { writePurchases } from '../writePurchases';
import { ensureRendererBuilt, launchChromium, RENDERER } from './browser';

let h: Harness;
let server: BrowserServer;
let browser: Browser;
let page: Page;
let project: string;

let expected: ProjectInfo;

beforeAll(async () => {
  ensureRendererBuilt();
  h = harness(); // fresh settings: this is the app's first start
  project = join(h.root, 'app-data', 'sample-project');
  server = await startBrowserServer({ handlers: h.handlers, staticDir: RENDERER });
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ko-KR', viewport: { width: 1400, height: 1000 } });
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  h?.close();
});

const countOf = (table: string) => page.locator(`[data-testid=table-counts] tr[data-table=${table}] td`);

const ko = (n: number) => n.toLocaleString('ko-KR');

describe('the Data page in browser mode (real Chromium, real services)', () => {
  it('first start generates and opens the sample project, with row counts, dates and the quality report in Korean', async () => {
    await expect.poll(() => countOf('customers').textContent(), { timeout: 60_000 }).toBe('3,000');
    const info = await dispatch(h.handlers, 'project.info', { project }, h.ctx);
    if (!info.ok) throw new Error(info.error.message);
    expected = info.result as ProjectInfo;
    const rows = Object.fromEntries(expected.tables.map((t) => [t.table, t.rows]));
    expect(rows.purchases).toBeGreaterThan(300_000);
    expect(await countOf('purchases').textContent()).toBe(ko(rows.purchases));
    expect(await countOf('rejects').textContent()).toBe(ko(rows.rejects));
    await expect.poll(() => page.getByTestId('data-page').textContent()).toContain('구매 기간: 2021. 1. 1. – 2021. 12. 31.');
    const report = page.getByTestId('quality-report');
    expect(await report.textContent()).toContain('데이터 품질 보고서');
    const purchases = expected.imports.find((q) => q.kind === 'purchases')!;
    expect(await report.locator('tr[data-kind=purchases]').textContent()).toContain(`날짜 오류 ${ko(purchases.rejectsByReason.bad_date ?? 0)}`);
    expect(await report.locator('tr[data-kind=purchases]').textContent()).toContain(`${ko(purchases.duplicates)} (유지)`);
  });

  it('filters the rejects by reason', async () => {
    const badHours = expected.rejectsByReason.bad_hour ?? 0;
    expect(badHours).toBeGreaterThan(0);
    await page.getByTestId('reject-reason').selectOption('bad_hour');
    await expect.poll(() => page.getByTestId('rejects').locator('tbody tr').count()).toBe(Math.min(badHours, 20));
    expect(await page.getByTestId('rejects').locator('tbody tr').first().textContent()).toContain('de_hr=');
  });

  it('imports a CP949 CSV through the mapping wizard: detected encoding, Korean product names shown, rows loaded', async () => {
    const before = expected.tables.find((t) => t.table === 'purchases')!.rows;
    await page.getByTestId('mode-mapped').click();
    await page.getByTestId('mapped-file').fill(join(FIXTURES, 'generic', 'purchases_cp949.csv'));
    await page.getByTestId('mapped-preview').click();
    await expect.poll(() => page.getByTestId('mapped-detected').textContent()).toContain('cp949');
    const table = page.getByTestId('mapped-preview-table');
    expect(await table.textContent()).toContain('초코파이 情');
    expect(await table.textContent()).toContain('신라면 멀티팩');
    expect(await page.getByTestId('map-customer').inputValue()).toBe('고객번호');
    expect(await page.getByTestId('map-dateFormat').inputValue()).toBe('YYYY-MM-DD');
    const side = page.getByTestId('side-customers');
    await side.locator('input').fill(join(FIXTURES, 'generic', 'customers_cp949.csv'));
    await side.getByRole('button', { name: '미리보기' }).click();
    await expect.poll(() => side.locator('select').nth(1).inputValue()).toBe('성별'); // guessed from the Korean header
    await page.getByTestId('mapped-save-as').fill('엑셀 주문');
    await page.getByTestId('mapped-import').click();
    await expect.poll(() => page.getByTestId('mapped-done').textContent(), { timeout: 30_000 }).toContain('purchases_cp949.csv: 7');
    await expect.poll(() => countOf('purchases').textContent()).toBe(ko(before + 7));
    const saved = await dispatch(h.handlers, 'data.mappings', { project }, h.ctx);
    expect(saved).toMatchObject({ ok: true, result: [{ name: '엑셀 주문' }] });
    const db = (await h.services.projects.get(project)).db;
    expect(await db.all(`SELECT name FROM products WHERE name = '초코파이 情'`)).toHaveLength(1);
    expect(await db.all(`SELECT customer_id, gender, age_band FROM customers WHERE customer_id = 'C002'`)).toEqual([
      { customer_id: 'C002', gender: '남성', age_band: '30대' },
    ]);
    await page.getByRole('button', { name: 'L.POINT 파일 6종' }).click();
  });

  it('a cancel mid-import leaves the counts unchanged', async () => {
    const snapshot = await dispatch(h.handlers, 'project.info', { project }, h.ctx);
    const big = join(h.root, 'big');
    mkdirSync(big);
    writePurchases(join(big, 'LPOINT_BIG_COMP_02_PDDE.csv'), 1_500_000);
    await page.getByTestId('import-folder').fill(big);
    await page.getByTestId('import-start').click();
    await page.getByTestId('job').getByRole('button', { name: '취소' }).click({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('alert').getAttribute('data-code'), { timeout: 30_000 }).toBe('CANCELLED');
    const info = await dispatch(h.handlers, 'project.info', { project }, h.ctx);
    expect(info).toEqual(snapshot);
    const purchases = (snapshot as { result: ProjectInfo }).result.tables.find((t) => t.table === 'purchases')!.rows;
    expect(await countOf('purchases').textContent()).toBe(ko(purchases));
  }, 60_000);

  it('renders Korean glyphs (not boxes) and the page screenshot is not blank', async () => {
    // A Korean syllable drawn with the page's font differs from an unassigned code point's box.
    const differs = await page.evaluate(() => {
      const draw = (text: string) => {
        const c = document.createElement('canvas');
        c.width = 64;
        c.height = 64;
        const g = c.getContext('2d')!;
        g.font = `40px ${getComputedStyle(document.body).fontFamily}`;
        g.fillText(text, 4, 48);
        return Array.from(g.getImageData(0, 0, 64, 64).data).join(',');
      };
      return draw('데') !== draw('\u0378') && draw('데') !== draw('이');
    });
    expect(differs).toBe(true);
    const png = await page.screenshot({ fullPage: true });
    if (process.env.CW_SCREENSHOT_DIR) writeFileSync(join(process.env.CW_SCREENSHOT_DIR, 'data-page.png'), png);
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const data = g.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    }, png.toString('base64'));
    expect(colours).toBeGreaterThan(20);
  });
});
