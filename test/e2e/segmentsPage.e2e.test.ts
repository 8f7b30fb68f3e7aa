import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserServer } from '../../src/main/transport/http';
import type { SegmentProfile, SegmentSummary } from '../../src/shared/analytics';
import { formatValue } from '../../src/shared/charts';
import type { Harness } from '../helpers';
import { sampleInBrowser, type SampleInBrowser } from './browser';

/*
 * The Segments page against a generated sample project (real DuckDB, real files, real Chromium).
 * Each test opens a page of its own; every page recomputes the saved segments with its own
 * settings, so a test compares the page with the service (segments.load / .profile) or with SQL
 * on the project only after the page shows the settings it chose.
 */
let h: Harness;
let server: BrowserServer;
let browser: Browser;
let env: SampleInBrowser;
let page: Page;
let project: string;

beforeAll(async () => {
  env = await sampleInBrowser('분석 프로젝트', { customers: 1500, seed: 11 });
  ({ h, server, browser, project } = env);
}, 120_000);

afterAll(async () => {
  await env?.close();
});

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

const sql = <T>(query: string) => h.services.projects.read(project, (p) => p.db.all<T & Record<string, unknown>>(query));
const load = () => h.call<SegmentSummary>('segments.load', { project });
const pct = (share: number) => formatValue(100 * share, 'percent', 'ko');
const noErrorBanner = async () => expect(await page.locator('[role=alert][data-code]').count()).toBe(0);

/** Waits until the saved segments were computed with these weights (the page's last compute). */
async function savedWith(weights: [number, number, number]): Promise<SegmentSummary> {
  await expect.poll(async () => (await load()).spec.weights, { timeout: 20_000 }).toEqual(weights);
  return load();
}

describe('Segments page in browser mode', () => {
  it('M-only weights: the top tier shows its real share beside its 20 % target, a totals row and the tie warning', async () => {
    await openSegments();
    await page.getByTestId('weight-R').fill('0');
    await page.getByTestId('weight-F').fill('0');
    await page.getByTestId('weight-M').fill('1');
    const summary = await savedWith([0, 0, 1]);
    // The service's share is the table's own count (SQL on the saved segments).
    const [{ n, top }] = await sql<{ n: number; top: number }>('SELECT count(tier)::BIGINT AS n, count(*) FILTER (WHERE tier = 0)::BIGINT AS top FROM segments');
    expect(summary.all.tiers[0].share).toBeCloseTo(top / n, 12);
    // M scores are quintiles, and the second quintile starts just before the 20 % line, so the
    // top tier takes it whole: about 40 %.
    expect(summary.all.tiers[0].share).toBeGreaterThan(0.35);
    expect(summary.all.tiers[0].exceedsShare).toBe(true);
    const table = page.getByTestId('tier-table');
    await expect.poll(() => table.locator('[data-share="all-0"]').textContent(), { timeout: 20_000 }).toBe(`${pct(top / n)} ⚠`);
    expect(await table.getByTestId('target-0').textContent()).toBe('20%');
    // The totals row: every customer of the window, 100 %.
    const total = table.getByTestId('tier-total');
    expect(await total.locator('td').nth(1).textContent()).toBe(n.toLocaleString('ko-KR'));
    expect(await total.locator('td').nth(2).textContent()).toBe('100%');
    const warning = page.getByTestId('tie-warning').first();
    expect(await warning.textContent()).toContain('최우수: 목표 20%보다 많습니다');
    expect(await warning.textContent()).toContain(`전체 기간 ${pct(top / n)}`);
    expect(await warning.textContent()).toContain('점수가 같은 고객은 나눌 수 없어');
    await noErrorBanner();
  });

  it('weights summing to 0: the banner names the input in Korean and the results are marked as not updated', async () => {
    await openSegments();
    await expect.poll(() => page.getByTestId('segments-page').getAttribute('data-loading')).toBe('false');
    await page.getByTestId('weight-R').fill('0');
    await page.getByTestId('weight-F').fill('0');
    await page.getByTestId('weight-M').fill('0');
    const banner = page.locator('[role=alert][data-code="BAD_ARGUMENT"]');
    await expect.poll(() => banner.getByTestId('error-issues').textContent(), { timeout: 20_000 }).toBe('RFM 가중치: 합이 0입니다. 하나 이상을 0보다 크게 하세요.');
    expect(await page.getByTestId('segments-stale').count()).toBe(1);
    // The tables of the last good settings stay, marked.
    expect(await page.locator('.results.stale [data-testid="tier-table"]').count()).toBe(1);
    await page.getByTestId('weight-M').fill('1');
    await expect.poll(() => page.getByTestId('segments-stale').count(), { timeout: 20_000 }).toBe(0);
  });

  it('default weights: exactly the tiers the service flags get a warning line and a marked share', async () => {
    await openSegments();
    const summary = await load();
    const flagged = summary.all.tiers.filter((x) => x.exceedsShare).length + summary.periods.flatMap((p) => p.tiers).filter((x) => x.exceedsShare).length;
    // Every window's flagged tier appears in a warning line (one line per tier), and only those.
    const tiersFlagged = new Set([summary.all, ...summary.periods].flatMap((p) => p.tiers.filter((x) => x.exceedsShare).map((x) => x.tier)));
    // On this sample a window's top tier passes its 20 % (21 % in the second period: a tie at the line), so the check is not empty.
    expect(flagged).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('tie-warning').count(), { timeout: 10_000 }).toBe(tiersFlagged.size);
    expect(await page.locator('[data-share].down').count()).toBe(flagged);
  });

  it('a matrix cell click brings the profile into view; index and reading beside the KL figure; the M sums in won', async () => {
    const matrix = await openSegments();
    await matrix.locator('[data-cell="0-0"]').click(); // 최우수 → 최우수
    const profile = page.getByTestId('profile');
    await expect.poll(() => profile.textContent(), { timeout: 20_000 }).toContain('최우수 → 최우수');
    // Far below the matrix and the charts, yet scrolled into view.
    await expect.poll(() => profile.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight), { timeout: 10_000 }).toBe(true);
    // The index table equals the service's profile of the same segment.
    const service = await h.call<SegmentProfile>('segments.profile', { project, selector: { kind: 'transition', from: 0, to: 0 } });
    const rows = profile.getByTestId('index-chain-channel').locator('tbody tr');
    expect(await rows.count()).toBe(service.chainChannel.categories.length);
    const first = service.chainChannel.categories[0];
    const row = rows.first();
    expect(await row.getAttribute('data-category')).toBe(first.category);
    expect(await row.getByTestId('index').textContent()).toBe(Math.round(first.index!).toLocaleString('ko-KR'));
    expect(await row.textContent()).toContain(first.direction === 'more' ? '이 세그먼트가 더 많이 이용' : first.direction === 'less' ? '이 세그먼트가 적게 이용' : '전체 고객과 같은 수준');
    const last = service.chainChannel.categories.at(-1)!;
    expect(last.index!).toBeLessThan(first.index!);
    expect(await profile.textContent()).toContain('이 세그먼트가 적게 이용');
    expect(await profile.textContent()).toContain('KL 발산');
    // The L.pay chart's third line is explained: the benchmark of customers 최우수 in both periods.
    expect(await profile.getByTestId('lpay-caption').textContent()).toContain(`두 기간 모두 최상위 등급(최우수)이었던 충성 고객 ${service.lpay.bestToBest.customers.toLocaleString('ko-KR')}명`);
    // The M-sum view of the matrix is money in won (the sample project's currency).
    if (process.env.CW_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.CW_SCREENSHOT_DIR, 'segments-profile.png'), fullPage: true });
    await page.locator('select').filter({ has: page.locator('option[value=revenueSecond]') }).selectOption('revenueSecond');
    await expect.poll(() => matrix.locator('[data-cell="0-0"]').textContent(), { timeout: 10_000 }).toMatch(/^[\d,]+원$/);
    const summary = await load();
    const cell = summary.transitions.find((c) => c.from === 0 && c.to === 0)!;
    expect(await matrix.locator('[data-cell="0-0"]').textContent()).toBe(`${Math.round(cell.revenueSecond).toLocaleString('ko-KR')}원`);
    await noErrorBanner();
  });

  it('a segment of fewer than 30 customers carries the small-sample warning; a larger one does not', async () => {
    const matrix = await openSegments();
    const summary = await load();
    const small = summary.transitions.find((c) => c.customers > 0 && c.customers < 30);
    const large = summary.transitions.find((c) => c.customers >= 30)!;
    expect(small, 'the sample has a transition of 1–29 customers').toBeDefined();
    await matrix.locator(`[data-cell="${small!.from}-${small!.to}"]`).click();
    await expect.poll(() => page.getByTestId('small-sample').textContent(), { timeout: 20_000 }).toContain(`${small!.customers}명으로 30명 미만`);
    await matrix.locator(`[data-cell="${large.from}-${large.to}"]`).click();
    await expect.poll(() => page.getByTestId('profile').textContent(), { timeout: 20_000 }).toContain(`(${large.customers.toLocaleString('ko-KR')}명)`);
    expect(await page.getByTestId('small-sample').count()).toBe(0);
  });

  it('fewer tiers while a cell, then a tier, is selected: the selection resets without an error banner', async () => {
    const matrix = await openSegments();
    await matrix.locator('[data-cell="3-4"]').click(); // 기타 → 비활동
    await expect.poll(() => page.getByTestId('profile').textContent(), { timeout: 20_000 }).toContain('기타 → 비활동');
    await page.getByTestId('shares').fill('30,30');
    await expect.poll(() => page.getByTestId('tier-table').locator('tbody tr').count(), { timeout: 20_000 }).toBe(3);
    await expect.poll(() => page.getByTestId('profile').count(), { timeout: 10_000 }).toBe(0);
    expect(await matrix.locator('td.selected').count()).toBe(0);
    await noErrorBanner();
    // A tier of the last window picked, then back to four tiers.
    await page.getByTestId('tier-table').locator('[data-tier="second-2"]').click();
    await expect.poll(() => page.getByTestId('profile').textContent(), { timeout: 20_000 }).toContain('(기간2)');
    await page.getByTestId('shares').fill('20,20,20');
    await expect.poll(() => page.getByTestId('tier-table').locator('tbody tr').count(), { timeout: 20_000 }).toBe(4);
    await expect.poll(() => page.getByTestId('profile').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('tier-table').locator('td.selected').count()).toBe(0);
    await noErrorBanner();
  });

  it('exports only the selected tier, offered as a download whose customers are that tier’s', async () => {
    await openSegments();
    await page.getByTestId('tier-table').locator('[data-tier="first-0"]').click(); // 최우수 in period 1
    await expect.poll(() => page.getByTestId('profile').textContent(), { timeout: 20_000 }).toContain('최우수 (기간1)');
    await page.getByTestId('export-scope').selectOption('selected');
    await page.getByTestId('export-csv').click();
    const link = page.getByTestId('export-download');
    await link.waitFor({ timeout: 20_000 });
    const downloading = page.waitForEvent('download');
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^segments-period1-tier1-.+\.csv$/);
    const bytes = readFileSync((await download.path())!);
    // The same file as the one written under exports/, in UTF-8 with BOM.
    const saved = (await page.getByTestId('export-saved').textContent())!;
    const path = saved.slice(saved.indexOf(': ') + 2, saved.lastIndexOf(' 다운로드'));
    expect(path.startsWith(join(project, 'exports'))).toBe(true);
    expect(bytes.equals(readFileSync(path))).toBe(true);
    const text = bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const ids = text.slice(1).trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[0]);
    const expected = (await sql<{ customer_id: string }>('SELECT customer_id FROM segments WHERE tier_1 = 0 ORDER BY customer_id')).map((r) => r.customer_id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
    expect(saved).toContain(`${expected.length.toLocaleString('ko-KR')}명 저장됨`);
  });

  it('the download route wants the token and serves nothing outside the project’s exports folder', async () => {
    const url = (file: string) => `${server.url.split('?')[0]}exports?project=${encodeURIComponent(project)}&file=${encodeURIComponent(file)}`;
    const written = await h.call<{ path: string }>('segments.exportCsv', { project });
    const name = written.path.split(/[\\/]/).at(-1)!;
    expect((await fetch(url(name))).status).toBe(403); // no token
    const withToken = { headers: { 'x-workbench-token': server.token } };
    const ok = await fetch(url(name), withToken);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain(`filename="${name}"`);
    expect(Buffer.from(await ok.arrayBuffer()).equals(readFileSync(written.path))).toBe(true);
    expect((await fetch(url('../project.duckdb'), withToken)).status).toBe(404);
  });
});
