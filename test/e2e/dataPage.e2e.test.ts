import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../src/main/transport/http';
import { dispatch } from '../../src/main/transport/dispatch';
import type { JobState } from '../../src/shared/contract';
import type { ProjectInfo } from '../../src/shared/reports';
import { FIXTURES, harness, type Harness } from '../helpers';
import { writePurchases } from '../writePurchases';
import { ensureRendererBuilt, launchChromium, RENDERER } from './browser';

// Shared, read-only: the services, the server, the browser and a template project. Every test
// works on its own copy of the template in its own browser context, so each passes alone and in
// any order.
let h: Harness;
let server: BrowserServer;
let browser: Browser;
let template: string;
let copies = 0;

beforeAll(async () => {
  ensureRendererBuilt();
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 1500, seed: 11 });
  template = join(h.root, 'template');
  await h.call('project.create', { project: template });
  await h.call('data.importLpoint', { project: template, folder: data });
  await h.call('project.close', { project: template }); // flushed and unlocked: safe to copy
  server = await startBrowserServer({ handlers: h.handlers, staticDir: RENDERER });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await h?.close();
});

const countOf = (page: Page, table: string) => page.locator(`[data-testid=table-counts] tr[data-table=${table}] td`);
const ko = (n: number) => n.toLocaleString('ko-KR');
const rowsOf = (info: ProjectInfo, table: string) => info.tables.find((t) => t.table === table)!.rows;

async function newPage(url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** A fresh copy of the template project, opened in a fresh page as the most recent project. */
async function openCopy(): Promise<{ page: Page; project: string; info: ProjectInfo }> {
  const project = join(h.root, 'projects', `copy-${++copies}`);
  cpSync(template, project, { recursive: true });
  await h.call('settings.addRecentProject', { project });
  const info = await h.call<ProjectInfo>('project.info', { project });
  const page = await newPage(server.url);
  await expect.poll(() => countOf(page, 'purchases').textContent(), { timeout: 30_000 }).toBe(ko(rowsOf(info, 'purchases')));
  return { page, project, info };
}

/** A folder with one big L.POINT purchase file, written once. */
function bigFolder(lines: number): string {
  const folder = join(h.root, `big-${lines}`);
  if (!existsSync(folder)) {
    mkdirSync(folder);
    writePurchases(join(folder, 'LPOINT_BIG_COMP_02_PDDE.csv'), lines);
  }
  return folder;
}

describe('the Data page in browser mode (real Chromium, real services)', () => {
  it('first start generates and opens the sample project, with row counts, dates and the quality report in Korean', async () => {
    const first = harness(); // fresh settings: this is the app's first start
    const firstServer = await startBrowserServer({ handlers: first.handlers, staticDir: RENDERER });
    onTestFinished(async () => {
      await firstServer.close();
      await first.close();
    });
    const project = join(first.root, 'app-data', 'sample-project');
    const page = await newPage(firstServer.url);
    // While the sample is made, the page says so (and that it is generated data), not "no project open".
    await expect.poll(() => page.getByTestId('sample-preparing').textContent(), { timeout: 30_000 }).toContain('생성한 가상 데이터');
    await expect.poll(() => countOf(page, 'customers').textContent(), { timeout: 90_000 }).toBe('3,000');
    expect(await page.getByTestId('sample-preparing').count()).toBe(0);
    const reply = await dispatch(first.handlers, 'project.info', { project }, first.ctx);
    if (!reply.ok) throw new Error(reply.error.message);
    const expected = reply.result as ProjectInfo;
    expect(rowsOf(expected, 'purchases')).toBeGreaterThan(300_000);
    expect(await countOf(page, 'purchases').textContent()).toBe(ko(rowsOf(expected, 'purchases')));
    expect(await countOf(page, 'rejects').textContent()).toBe(ko(rowsOf(expected, 'rejects')));
    await expect.poll(() => page.getByTestId('data-page').textContent()).toContain('구매 기간: 2021. 1. 1. – 2021. 12. 31.');
    const report = page.getByTestId('quality-report');
    expect(await report.textContent()).toContain('데이터 품질 보고서');
    const purchases = expected.imports.find((q) => q.kind === 'purchases')!;
    expect(await report.locator('tr[data-kind=purchases]').textContent()).toContain(`날짜 오류 ${ko(purchases.rejectsByReason.bad_date ?? 0)}`);
    expect(await report.locator('tr[data-kind=purchases]').textContent()).toContain(`${ko(purchases.duplicates)} (유지)`);
    // The sample was made by a job with a server-issued id, kept with its result.
    const jobs = await first.call<JobState[]>('jobs.list', {});
    expect(jobs.filter((j) => j.method === 'project.openSample').map((j) => j.status)).toEqual(['done']);
  }, 150_000);

  it('filters the rejects by reason', async () => {
    const { page, info } = await openCopy();
    const badHours = info.rejectsByReason.bad_hour ?? 0;
    expect(badHours).toBeGreaterThan(0);
    await page.getByTestId('reject-reason').selectOption('bad_hour');
    await expect.poll(() => page.getByTestId('rejects').locator('tbody tr').count()).toBe(Math.min(badHours, 20));
    expect(await page.getByTestId('rejects').locator('tbody tr').first().textContent()).toContain('de_hr=');
    // The filtered rejects as CSV, offered as a download in browser mode: only that reason's rows.
    await page.getByTestId('rejects').getByRole('button', { name: 'CSV로 내보내기' }).click();
    await expect.poll(() => page.getByTestId('export-saved').textContent()).toContain(`거부된 행 ${ko(badHours)}개 저장됨`);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-download').click();
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(text.trimEnd().split(/\r?\n/)).toHaveLength(badHours + 1);
  });

  it('imports a CP949 CSV through the mapping wizard: detected encoding, Korean product names shown, rows loaded', async () => {
    const { page, project, info } = await openCopy();
    const before = rowsOf(info, 'purchases');
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
    await expect.poll(() => countOf(page, 'purchases').textContent()).toBe(ko(before + 7));
    const saved = await dispatch(h.handlers, 'data.mappings', { project }, h.ctx);
    expect(saved).toMatchObject({ ok: true, result: [{ name: '엑셀 주문' }] });
    const db = (await h.services.projects.get(project)).db;
    expect(await db.all(`SELECT name FROM products WHERE name = '초코파이 情'`)).toHaveLength(1);
    expect(await db.all(`SELECT customer_id, gender, age_band FROM customers WHERE customer_id = 'C002'`)).toEqual([
      { customer_id: 'C002', gender: '남성', age_band: '30대' },
    ]);
  });

  it('a second wizard import right after the first: no false alarm, both counted; switching projects clears what the first one showed', async () => {
    const { page, info } = await openCopy();
    const before = rowsOf(info, 'purchases');
    const importFile = async (file: string, lines: number) => {
      await page.getByTestId('mapped-file').fill(file);
      await page.getByTestId('mapped-preview').click();
      await expect.poll(() => page.getByTestId('mapped-detected').textContent()).toContain('cp949');
      await page.getByTestId('mapped-import').click();
      await expect.poll(() => page.getByTestId('mapped-done').textContent(), { timeout: 30_000 }).toContain(`${basename(file)}: ${lines}`);
    };
    await page.getByTestId('mode-mapped').click();
    await importFile(join(FIXTURES, 'generic', 'purchases_cp949.csv'), 7);
    // The same file with one more line (another content: not "already imported"), in CP949 as well.
    const second = join(h.root, 'purchases_more_cp949.csv');
    writeFileSync(second, Buffer.concat([readFileSync(join(FIXTURES, 'generic', 'purchases_cp949.csv')), Buffer.from('C009,2021-08-01,P09,Water,Drink,"1,200",1,offline\r\n')]));
    await importFile(second, 8);
    await expect.poll(() => countOf(page, 'purchases').textContent()).toBe(ko(before + 15));
    expect(await page.locator('[role=alert][data-code]').count()).toBe(0);
    // Another project (empty): the wizard's preview, its result and the first project's counts are gone.
    const other = join(h.root, 'projects', `empty-${copies}`);
    await h.call('project.create', { project: other });
    await page.getByTestId('project-folder').fill(other);
    await page.getByRole('button', { name: '열기' }).first().click();
    await expect.poll(() => countOf(page, 'purchases').textContent(), { timeout: 30_000 }).toBe('0');
    expect(await page.getByTestId('mapped-preview-table').count()).toBe(0);
    expect(await page.getByTestId('mapped-done').count()).toBe(0);
    expect(await page.locator('[role=alert][data-code]').count()).toBe(0);
  });

  it('asks the day/month question for an ambiguous date column before importing, and imports with the answer', async () => {
    const { page } = await openCopy();
    await page.getByTestId('mode-mapped').click();
    await page.getByTestId('mapped-file').fill(join(FIXTURES, 'dates', 'ambiguous_day_month.csv'));
    await page.getByTestId('mapped-preview').click();
    await page.getByTestId('map-date').selectOption('day');
    const question = page.getByTestId('date-question');
    await question.waitFor({ timeout: 20_000 });
    expect(await question.textContent()).toContain('일과 월을 구분할 수 없습니다');
    expect(await page.getByTestId('mapped-import').isDisabled()).toBe(true);
    await page.getByTestId('date-choice-DD/MM/YY').check();
    // Read day-first: 01/02/22 … 07/08/22 → 2021-06-05 to 2022-08-07.
    await expect.poll(() => page.getByTestId('date-range').textContent(), { timeout: 20_000 }).toBe('2021. 6. 5. ~ 2022. 8. 7.');
    expect(await page.getByTestId('map-dateFormat').inputValue()).toBe('DD/MM/YY');
    await page.getByTestId('mapped-import').click();
    await expect.poll(() => page.getByTestId('mapped-done').textContent(), { timeout: 30_000 }).toContain('ambiguous_day_month.csv: 4');
  });

  it('says the delimiter was probably not detected, naming what was tried, and imports with a typed one', async () => {
    const { page } = await openCopy();
    await page.getByTestId('mode-mapped').click();
    await page.getByTestId('mapped-file').fill(join(FIXTURES, 'shapes', 'purchases_hash.txt'));
    await page.getByTestId('mapped-preview').click();
    const note = page.getByTestId('mapped-delimiter-note');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.textContent()).toContain('구분자를 감지하지 못한 것 같습니다');
    expect(await note.textContent()).toContain('^, ~, :, 공백 정렬');
    expect(await page.getByTestId('mapped-preview-table').locator('th').count()).toBe(1);
    await page.getByTestId('mapped-delimiter').selectOption('other');
    await page.getByTestId('mapped-delimiter-typed').fill('#');
    await expect.poll(() => page.getByTestId('mapped-preview-table').locator('th').allTextContents(), { timeout: 20_000 }).toEqual(['customer', 'order_date', 'amount']);
    expect(await note.count()).toBe(0);
    await page.getByTestId('map-customer').selectOption('customer');
    await page.getByTestId('map-date').selectOption('order_date');
    await page.getByTestId('map-amount').selectOption('amount');
    await expect.poll(() => page.getByTestId('mapped-import').isDisabled(), { timeout: 20_000 }).toBe(false);
    await page.getByTestId('mapped-import').click();
    await expect.poll(() => page.getByTestId('mapped-done').textContent(), { timeout: 30_000 }).toContain('purchases_hash.txt: 2');
  });

  /** An empty project opened in a fresh page. */
  async function openEmpty(): Promise<{ page: Page; project: string }> {
    const project = join(h.root, 'projects', `empty-${++copies}`);
    await h.call('project.create', { project });
    await h.call('settings.addRecentProject', { project });
    const page = await newPage(server.url);
    await expect.poll(() => countOf(page, 'purchases').textContent(), { timeout: 30_000 }).toBe('0');
    return { page, project };
  }

  it('a Superstore-like file: the currency read from "$", other columns kept as line or customer attributes, the report says what it did', async () => {
    const { page, project } = await openEmpty();
    await page.getByTestId('mode-mapped').click();
    await page.getByTestId('mapped-file').fill(join(FIXTURES, 'corpus', 'superstore_like.csv'));
    await page.getByTestId('mapped-preview').click();
    await expect.poll(() => page.getByTestId('currency-detected').textContent(), { timeout: 20_000 }).toContain('USD');
    expect(await page.getByTestId('map-currency').inputValue()).toBe('USD');
    expect(await page.getByTestId('map-amount').inputValue()).toBe('Sales');
    expect(await page.getByTestId('map-receipt').inputValue()).toBe('Order ID');
    await page.getByTestId('extra-Profit').selectOption('line');
    await page.getByTestId('extra-Segment').selectOption('customer');
    await expect.poll(() => page.getByTestId('mapped-import').isDisabled(), { timeout: 20_000 }).toBe(false);
    await page.getByTestId('mapped-import').click();
    await expect.poll(() => page.getByTestId('mapped-done').textContent(), { timeout: 30_000 }).toContain('superstore_like.csv: 10');
    const derived = page.getByTestId('derived-customers');
    await expect.poll(() => derived.textContent(), { timeout: 20_000 }).toContain('이 파일에서 만든 고객: 4');
    expect(await derived.textContent()).toContain('값이 엇갈린 Segment: 1');
    expect(await page.getByTestId('quality-report').textContent()).toContain('같은 상품을 한 장바구니에 두 번');
    const info = await h.call<ProjectInfo>('project.info', { project });
    expect(info).toMatchObject({ currency: 'USD', amounts: 'all' });
    const db = (await h.services.projects.get(project)).db;
    expect(await db.all(`SELECT attributes['Segment'] AS s FROM customers WHERE customer_id = 'CG-125'`)).toEqual([{ s: 'Consumer' }]);
    expect(await db.all(`SELECT attributes['Profit'] AS p FROM purchases WHERE line = 5`)).toEqual([{ p: '-383.03' }]);

    // Segments: M in dollars; the customer attribute filters who is scored.
    await page.getByTestId('nav.segments').click();
    await expect.poll(() => page.getByTestId('monetary-basis').textContent(), { timeout: 30_000 }).toContain('구매금액($)');
    // The totals row: the target sum, then customers and share for the whole window, period 1, period 2.
    const total = async () => Number(((await page.getByTestId('tier-total').locator('td').nth(1).textContent()) ?? '').replace(/,/g, ''));
    await expect.poll(total, { timeout: 30_000 }).toBe(4);
    await page.getByTestId('customer-filter-field').selectOption('attribute:Segment');
    await page.getByTestId('customer-filter-Corporate').check();
    await expect.poll(total, { timeout: 30_000 }).toBe(1);
  });

  it('a file without amounts imports with a note; Overview replaces the money charts with a note and Segments says M is lines', async () => {
    const { page } = await openEmpty();
    await page.getByTestId('mode-mapped').click();
    // A file previewed before is forgotten: the next file's columns are guessed afresh.
    await page.getByTestId('mapped-file').fill(join(FIXTURES, 'corpus', 'superstore_like.csv'));
    await page.getByTestId('mapped-preview').click();
    await expect.poll(() => page.getByTestId('map-amount').inputValue(), { timeout: 20_000 }).toBe('Sales');
    await page.getByTestId('mapped-file').fill(join(FIXTURES, 'corpus', 'groceries_no_amount.csv'));
    await page.getByTestId('mapped-preview').click();
    await expect.poll(() => page.getByTestId('map-customer').inputValue(), { timeout: 20_000 }).toBe('Member_number');
    expect(await page.getByTestId('map-amount').inputValue()).toBe('');
    await page.getByTestId('map-customer').selectOption('Member_number');
    await page.getByTestId('map-date').selectOption('Date');
    await page.getByTestId('map-productName').selectOption('itemDescription');
    await page.getByTestId('no-amount-note').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('mapped-import').isDisabled(), { timeout: 20_000 }).toBe(false);
    await page.getByTestId('mapped-import').click();
    await expect.poll(() => page.getByTestId('mapped-done').textContent(), { timeout: 30_000 }).toContain('groceries_no_amount.csv: 11');
    await page.getByTestId('nav.overview').click();
    await page.getByTestId('overview-no-amounts').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('chart-revenue').count()).toBe(0);
    await page.getByTestId('nav.segments').click();
    await expect.poll(() => page.getByTestId('monetary-basis').textContent(), { timeout: 30_000 }).toContain('구매 건수');
    expect(await page.getByTestId('monetary').locator('option[value=amount]').isDisabled()).toBe(true);
  });

  it('the settings card changes the project currency and the memory limit, applied at once', async () => {
    const { page, project } = await openCopy();
    const card = page.getByTestId('project-settings');
    await card.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('project-currency').inputValue()).toBe('KRW');
    await page.getByTestId('project-currency').selectOption('EUR');
    await expect.poll(async () => (await h.call<ProjectInfo>('project.info', { project })).currency, { timeout: 20_000 }).toBe('EUR');
    await page.getByTestId('memory-limit').fill('256');
    await page.getByTestId('save-storage').click();
    await expect.poll(async () => (await h.call<{ memoryLimitMb: number }>('settings.get', {})).memoryLimitMb, { timeout: 20_000 }).toBe(256);
    // Applied to the open projects once the call returns (the settings file is written first).
    await page.getByTestId('storage-saved').waitFor({ timeout: 20_000 });
    const db = (await h.services.projects.get(project)).db;
    expect(await db.all(`SELECT current_setting('memory_limit') AS m`)).toEqual([{ m: '256.0 MiB' }]);
    await h.call('settings.setStorage', { memoryLimitMb: 384 });
  });

  it('a cancel mid-import leaves the project unchanged', async () => {
    const { page, project } = await openCopy();
    const snapshot = await dispatch(h.handlers, 'project.info', { project }, h.ctx);
    await page.getByTestId('import-folder').fill(bigFolder(1_500_000));
    await page.getByTestId('import-start').click();
    await page.getByTestId('job').getByRole('button', { name: '취소' }).click({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('alert').getAttribute('data-code'), { timeout: 30_000 }).toBe('CANCELLED');
    expect(await dispatch(h.handlers, 'project.info', { project }, h.ctx)).toEqual(snapshot);
    // What the page shows after a fresh load comes from the project, not from the page's memory.
    await page.reload();
    const purchases = (snapshot as { result: ProjectInfo }).result.tables.find((t) => t.table === 'purchases')!.rows;
    await expect.poll(() => countOf(page, 'purchases').textContent(), { timeout: 30_000 }).toBe(ko(purchases));
  }, 90_000);

  it('a page reload during an import re-attaches the job in the tray; it then finishes and the counts follow', async () => {
    const { page, project, info: before } = await openCopy();
    // Hold the project's write queue, so the import is certainly still running when the page
    // reloads — no race with a fast machine, and no waiting a fixed time.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = h.services.projects.write(project, 'test: hold the queue', () => gate);
    onTestFinished(() => release());
    await page.getByTestId('import-folder').fill(bigFolder(200_000));
    await page.getByTestId('import-start').click();
    const job = page.getByTestId('job');
    await job.waitFor({ timeout: 20_000 });
    const jobId = await job.getAttribute('data-job-id');
    expect(jobId).toBeTruthy();
    expect((await h.call<JobState>('jobs.get', { jobId })).status).toBe('running');

    await page.reload();
    await page.getByTestId('data-page').waitFor();
    await expect.poll(() => page.getByTestId('job').getAttribute('data-job-id'), { timeout: 20_000 }).toBe(jobId);
    expect(await page.getByTestId('job').getByRole('button', { name: '취소' }).isVisible()).toBe(true);

    release();
    await held;
    await expect.poll(() => page.getByTestId('job').count(), { timeout: 60_000 }).toBe(0);
    const done = await h.call<JobState>('jobs.get', { jobId });
    expect(done.status).toBe('done');
    const after = await h.call<ProjectInfo>('project.info', { project });
    expect(after.imports.length).toBe(before.imports.length + 1);
    // The reloaded page learned of the end from the job.finished event and shows the new counts.
    await expect.poll(() => countOf(page, 'purchases').textContent(), { timeout: 20_000 }).toBe(ko(rowsOf(after, 'purchases')));
    await expect.poll(() => page.getByTestId('quality-report').locator('tbody tr').count()).toBe(after.imports.length);
    expect(await page.getByRole('alert').count()).toBe(0);
  }, 120_000);

  it('renders Korean glyphs (not boxes) and the page screenshot is not blank', async () => {
    const { page } = await openCopy();
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
