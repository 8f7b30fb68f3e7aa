import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerAttributeInfo, Overview, SegmentSummary } from '../../src/shared/analytics';
import { detectCurrency, roundAmount } from '../../src/shared/money';
import type { ImportReport, ProjectInfo } from '../../src/shared/reports';
import { FIXTURES, harness, type Harness } from '../helpers';

/**
 * Files shaped like public retail datasets (of our own making): a Superstore-like order file with
 * dollar amounts, returns, free items and extra columns; a groceries basket file without amounts;
 * a Korean file whose year ends in March. Each with the counts, dates and R/F/M worked out by hand.
 */
const CORPUS = join(FIXTURES, 'corpus');
const SUPERSTORE = join(CORPUS, 'superstore_like.csv');
const GROCERIES = join(CORPUS, 'groceries_no_amount.csv');
const FISCAL = join(CORPUS, 'fiscal_year_march.csv');

let h: Harness;
let project: string;
beforeEach(async () => {
  h = harness();
  project = join(h.root, 'p');
  await h.call('project.create', { project });
});
afterEach(() => h.close());

const SUPERSTORE_MAP = {
  customer: 'Customer ID',
  receipt: 'Order ID',
  date: 'Order Date',
  product: 'Product ID',
  productName: 'Product Name',
  category: 'Category',
  amount: 'Sales',
  quantity: 'Quantity',
  attributes: ['Discount', 'Profit'],
  customerAttributes: ['Segment', 'Region'],
};

type Rfm = { customer_id: string; recency: number; frequency: number; monetary: number };
const rfm = async (suffix = '') =>
  (await h.services.projects.get(project)).db.all<Rfm>(
    `SELECT customer_id, recency${suffix} AS recency, frequency${suffix} AS frequency, monetary${suffix} AS monetary
     FROM segments WHERE frequency${suffix} IS NOT NULL ORDER BY customer_id`,
  );

describe('extra columns, returns and zero amounts, customers and products from the purchase file', () => {
  it('keeps named attributes, tells returns from zero-amount lines, derives customers and products with conflicts counted once', async () => {
    const header = readFileSync(SUPERSTORE, 'utf8').split('\n')[0].split(',');
    const sales = readFileSync(SUPERSTORE, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[header.indexOf('Sales')]);
    expect(detectCurrency(sales)).toBe('USD');

    const report = await h.call<ImportReport>('data.importMapped', { project, currency: 'USD', purchases: { file: SUPERSTORE, mapping: SUPERSTORE_MAP } });
    const q = report.files[0];
    expect(q).toMatchObject({
      rowsRead: 10,
      rowsLoaded: 10,
      rowsRejected: 0,
      returns: 1, // -$90.00
      zeroAmount: 1, // the free phone
      duplicates: 1, // rows 9 and 10 differ only in the unmapped Row ID
      duplicatesDropped: 0,
      dateFormat: 'M/D/YYYY',
      dateMin: '2021-04-15',
      dateMax: '2021-12-05',
      attributes: ['Discount', 'Profit'],
    });
    expect(q.derived).toEqual([
      { table: 'products', rows: 6, conflicts: [{ column: 'name', keys: 1 }] }, // OFF-1: Labels / Labels (pack)
      { table: 'customers', rows: 4, conflicts: [{ column: 'Segment', keys: 1 }] }, // CG-125: Consumer ×2, Home Office ×1
    ]);
    const db = (await h.services.projects.get(project)).db;
    expect(await db.all(`SELECT line, amount, is_return, attributes['Profit'] AS profit, attributes['Discount'] AS discount FROM purchases WHERE line IN (5, 8, 9) ORDER BY line`)).toEqual([
      { line: 5, amount: 957.58, is_return: false, profit: '-383.03', discount: '0.45' },
      { line: 8, amount: 0, is_return: false, profit: '0', discount: '1' },
      { line: 9, amount: -90, is_return: true, profit: '-10', discount: '0' },
    ]);
    expect(await db.all(`SELECT customer_id, attributes['Segment'] AS segment, attributes['Region'] AS region FROM customers ORDER BY 1`)).toEqual([
      { customer_id: 'BH-117', segment: 'Consumer', region: 'West' },
      { customer_id: 'CG-125', segment: 'Consumer', region: 'South' },
      { customer_id: 'DV-130', segment: 'Corporate', region: 'West' },
      { customer_id: 'SO-204', segment: 'Consumer', region: 'South' },
    ]);
    expect(await db.all(`SELECT product_id, category FROM products WHERE product_id LIKE 'TEC%' OR product_id = 'FUR-3' ORDER BY 1`)).toEqual([
      { product_id: 'FUR-3', category: 'Furniture' },
      { product_id: 'TEC-1', category: 'Technology' },
    ]);

    const info = await h.call<ProjectInfo>('project.info', { project });
    expect(info).toMatchObject({ currency: 'USD', amounts: 'all', buyers: 4, receipts: 6 });
    // 261.96 + 731.94 + 14.62 + 957.58 + 22.37 + 48.86 + 0 − 90 + 58.55 × 2, rounded to cents (no float tails).
    expect(info.totalAmount).toBe(2064.43);

    // The segment CSV names the currency and writes amounts rounded to cents (DV-130: 14.62 + 58.55 × 2).
    await h.call('segments.compute', { project });
    const out = join(h.root, 'seg.csv');
    await h.call('segments.exportCsv', { project, out, lang: 'en' });
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toContain('monetary_USD_all');
    const dv = lines.find((l) => l.startsWith('DV-130,'))!.split(',');
    expect(dv[3]).toBe('131.72');
    await h.call('segments.exportCsv', { project, out, lang: 'ko' });
    expect(readFileSync(out, 'utf8')).toContain('구매금액($)_전체');
  });

  it('--drop-duplicates says how many lines and how much amount it removed', async () => {
    const report = await h.call<ImportReport>('data.importMapped', { project, dropDuplicates: true, purchases: { file: SUPERSTORE, mapping: SUPERSTORE_MAP } });
    expect(report.files[0]).toMatchObject({ duplicates: 1, duplicatesDropped: 1, duplicatesAmountDropped: 58.55, rowsLoaded: 9 });
    // No currency in the map: the "$" of the amount cells names it.
    expect(report.currency).toEqual({ code: 'USD', detected: true });
    expect((await h.call<ProjectInfo>('project.info', { project })).currency).toBe('USD');
  });

  it('a customer attribute filters the Overview and the customers scored; a filter keeping nobody is refused', async () => {
    await h.call('data.importMapped', { project, purchases: { file: SUPERSTORE, mapping: SUPERSTORE_MAP } });
    const attrs = await h.call<CustomerAttributeInfo[]>('data.customerAttributes', { project });
    expect(attrs).toEqual([
      { field: 'attribute', name: 'Region', customers: 4, distinct: 2, values: [{ value: 'South', customers: 2 }, { value: 'West', customers: 2 }] },
      { field: 'attribute', name: 'Segment', customers: 4, distinct: 2, values: [{ value: 'Consumer', customers: 3 }, { value: 'Corporate', customers: 1 }] },
    ]);
    const corporate = { field: 'attribute', name: 'Segment', values: ['Corporate'] };
    const overview = await h.call<Overview>('analytics.overview', { project, customers: corporate });
    // DV-130 alone: June (CA-102) and December (CA-106).
    expect(overview.monthlyBuyers).toEqual([
      { month: '2021-06', buyers: 1 },
      { month: '2021-12', buyers: 1 },
    ]);
    expect(overview.receiptsPerCustomer.customers).toBe(1);
    await h.call('segments.compute', { project, customers: corporate });
    expect((await rfm()).map((r) => r.customer_id)).toEqual(['DV-130']);
    const saved = await h.call<SegmentSummary>('segments.load', { project });
    expect(saved.spec.customers).toEqual(corporate);
    await expect(h.call('segments.compute', { project, customers: { field: 'attribute', name: 'Segment', values: ['Nobody'] } })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
      message: 'No customer with purchases has Segment = Nobody; choose other values.',
    });
    await expect(h.call('segments.compute', { project, customers: { field: 'attribute', values: ['x'] } })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });

  it('a customer attribute file (a campaign response 0/1 and a segment) is kept by customer', async () => {
    const dir = join(h.root, 'files');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir);
    const responses = join(dir, 'responses.csv');
    writeFileSync(responses, 'Customer ID,Response,Tier\nCG-125,1,Gold\nDV-130,0,\nSO-204,1,Silver\n');
    await h.call('data.importMapped', {
      project,
      purchases: { file: SUPERSTORE, mapping: SUPERSTORE_MAP },
      customers: { file: responses, mapping: { customer: 'Customer ID', attributes: ['Response', 'Tier'] } },
    });
    const db = (await h.services.projects.get(project)).db;
    // The customer file wins over the purchase file's Segment/Region: no customers are derived.
    expect(await db.all(`SELECT customer_id, attributes['Response'] AS response, attributes['Tier'] AS tier FROM customers ORDER BY 1`)).toEqual([
      { customer_id: 'CG-125', response: '1', tier: 'Gold' },
      { customer_id: 'DV-130', response: '0', tier: null },
      { customer_id: 'SO-204', response: '1', tier: 'Silver' },
    ]);
  });
});

describe('data without amounts', () => {
  it('imports a basket file without amounts; monetary is lines by default, or quantity; amount is refused with the choices named', async () => {
    const report = await h.call<ImportReport>('data.importMapped', {
      project,
      purchases: { file: GROCERIES, mapping: { customer: 'Member_number', date: 'Date', productName: 'itemDescription' } },
    });
    expect(report.files[0]).toMatchObject({ rowsLoaded: 11, rowsRejected: 0, noAmount: true, duplicates: 1, dateFormat: 'DD-MM-YYYY', dateMin: '2015-01-05', dateMax: '2015-12-01' });
    const info = await h.call<ProjectInfo>('project.info', { project });
    expect(info).toMatchObject({ amounts: 'none', totalAmount: 0, buyers: 4, receipts: 8 });

    const summary = await h.call<SegmentSummary>('segments.compute', { project });
    expect(summary.spec).toMatchObject({ monetary: 'lines', asOf: '2015-12-02' });
    // Recency to 2015-12-02; frequency = receipts (customer + day); monetary = lines (the soda twice counts twice).
    expect(await rfm()).toEqual([
      { customer_id: '1187', recency: 110, frequency: 2, monetary: 2 },
      { customer_id: '1808', recency: 1, frequency: 2, monetary: 3 },
      { customer_id: '2300', recency: 5, frequency: 2, monetary: 2 },
      { customer_id: '2552', recency: 155, frequency: 2, monetary: 4 },
    ]);
    const out = join(h.root, 'seg.csv');
    await h.call('segments.exportCsv', { project, out, lang: 'ko' });
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toContain('구매건수(상품 줄)_전체');
    const byQuantity = await h.call<SegmentSummary>('segments.compute', { project, monetary: 'quantity' });
    expect(byQuantity.spec.monetary).toBe('quantity');
    await expect(h.call('segments.compute', { project, monetary: 'amount' })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
      message: expect.stringMatching(/no amounts.*lines.*quantity/),
    });
  });
});

describe('a year ending in March, Korean headers and won amounts', () => {
  it('imports with the dotted date format inferred; default periods are the last 12 months in halves (Apr–Sep, Oct–Mar)', async () => {
    const report = await h.call<ImportReport>('data.importMapped', { project, purchases: { file: FISCAL, mapping: { customer: '고객번호', date: '구매일자', amount: '금액' } } });
    expect(report.files[0]).toMatchObject({ rowsLoaded: 7, dateFormat: 'YYYY.MM.DD', dateMin: '2022-04-03', dateMax: '2023-03-31', returns: 0, zeroAmount: 0 });
    const info = await h.call<ProjectInfo>('project.info', { project });
    expect(info).toMatchObject({ currency: 'KRW', amounts: 'all', totalAmount: 85_000, buyers: 3 });

    const summary = await h.call<SegmentSummary>('segments.compute', { project });
    expect(summary.spec).toMatchObject({
      asOf: '2023-04-01',
      monetary: 'amount',
      periods: [
        { from: '2022-04-01', to: '2022-09-30' },
        { from: '2022-10-01', to: '2023-03-31' },
      ],
    });
    expect(summary.warnings).toEqual([]);
    expect(await rfm()).toEqual([
      { customer_id: 'A', recency: 2, frequency: 3, monetary: 25_000 },
      { customer_id: 'B', recency: 304, frequency: 2, monetary: 50_000 },
      { customer_id: 'C', recency: 1, frequency: 2, monetary: 10_000 },
    ]);
    expect(await rfm('_1')).toEqual([
      { customer_id: 'A', recency: 181, frequency: 1, monetary: 12_000 },
      { customer_id: 'B', recency: 122, frequency: 2, monetary: 50_000 },
    ]);
    expect(await rfm('_2')).toEqual([
      { customer_id: 'A', recency: 2, frequency: 2, monetary: 13_000 },
      { customer_id: 'C', recency: 1, frequency: 2, monetary: 10_000 },
    ]);
    // B bought only in the first half (→ 비활동), C only in the second (신규 →).
    const db = (await h.services.projects.get(project)).db;
    const k = summary.tierCount;
    expect(await db.all(`SELECT customer_id, from_state = ${k} AS new, to_state = ${k} AS inactive FROM segments ORDER BY 1`)).toEqual([
      { customer_id: 'A', new: false, inactive: false },
      { customer_id: 'B', new: false, inactive: true },
      { customer_id: 'C', new: true, inactive: false },
    ]);
  });
});

describe('every date and shape class: counts, dates and R/F/M worked out by hand', () => {
  // [file, mapping extras, loaded, first, last, as of, { customer: [R, F, M] }]
  const CASES: [string, Record<string, string>, number, string, string, string, Record<string, [number, number, number]>][] = [
    ['dates/day_first_two_digit.csv', {}, 4, '2021-12-25', '2022-06-01', '2022-06-02', { M1: [91, 2, 3000], M2: [159, 1, 500], M3: [1, 1, 700] }],
    ['dates/month_names.csv', {}, 4, '2014-12-25', '2015-06-01', '2015-06-02', { M1: [91, 2, 3000], M2: [159, 1, 500], M3: [1, 1, 700] }],
    ['dates/iso_t.csv', {}, 3, '2021-03-04', '2021-12-31', '2022-01-01', { M1: [302, 2, 3000], M2: [1, 1, 500] }],
    ['dates/excel_serial.csv', {}, 3, '2021-01-01', '2021-12-31', '2022-01-01', { M1: [334, 2, 3000], M2: [1, 1, 500] }],
    // Ambiguous: refused without a format (see importDates.test.ts); read day-first when told.
    ['dates/ambiguous_day_month.csv', { dateFormat: 'DD/MM/YY' }, 4, '2021-06-05', '2022-08-07', '2022-08-08', { M1: [127, 2, 3000], M2: [429, 1, 500], M3: [1, 1, 700] }],
  ];
  for (const [file, extra, loaded, first, last, asOf, expected] of CASES) {
    it(`${file}: ${loaded} lines, ${first} … ${last}, R/F/M as of ${asOf}`, async () => {
      const report = await h.call<ImportReport>('data.importMapped', {
        project,
        purchases: { file: join(FIXTURES, file), mapping: { customer: 'member', date: 'day', amount: 'sales', ...extra } },
      });
      expect(report.files[0]).toMatchObject({ rowsLoaded: loaded, rowsRejected: 0, dateMin: first, dateMax: last });
      const summary = await h.call<SegmentSummary>('segments.compute', { project });
      expect(summary.spec.asOf).toBe(asOf);
      expect(Object.fromEntries((await rfm()).map((r) => [r.customer_id, [r.recency, r.frequency, r.monetary]]))).toEqual(expected);
    });
  }

  it('shapes/purchases_whitespace.txt: whitespace-aligned, one bad date rejected, R/F/M of the rest', async () => {
    const report = await h.call<ImportReport>('data.importMapped', {
      project,
      purchases: { file: join(FIXTURES, 'shapes', 'purchases_whitespace.txt'), mapping: { customer: 'customer', date: 'order_date', amount: 'amount', quantity: 'qty' } },
    });
    expect(report.files[0]).toMatchObject({ rowsLoaded: 5, rowsRejected: 1, dateMin: '2021-03-01', dateMax: '2021-04-09' });
    await h.call('segments.compute', { project });
    // C001's two lines of 2021-03-01 are one receipt (customer + day); "2,500" reads as 2500.
    expect(Object.fromEntries((await rfm()).map((r) => [r.customer_id, [r.recency, r.frequency, r.monetary]]))).toEqual({
      C001: [40, 1, 4600],
      C002: [26, 1, 990],
      C003: [8, 1, 15000],
      C004: [1, 1, 2500],
    });
  });
});

describe('blank lines', () => {
  it('rows and rejects after empty lines keep the line numbers of the file as given (LF and CRLF); the report counts the empty lines', async () => {
    const { writeFileSync } = await import('node:fs');
    for (const eol of ['\n', '\r\n']) {
      const file = join(h.root, `blank-${eol.length}.csv`);
      // 1 header, 2 row, 3 empty, 4 row, 5 bad date, 6–7 empty, 8 row, 9 too few columns, 10 row
      writeFileSync(file, ['customer,date,amount', 'A,2021-01-02,100', '', 'B,2021-01-03,200', 'C,2021-13-01,300', '', '', 'D,2021-01-05,400', 'E,2021-01-06', 'F,2021-01-07,500', ''].join(eol));
      const dir = join(h.root, `p-${eol.length}`);
      await h.call('project.create', { project: dir });
      const report = await h.call<ImportReport>('data.importMapped', { project: dir, purchases: { file, mapping: { customer: 'customer', date: 'date', amount: 'amount' } } });
      expect(report.files[0]).toMatchObject({ rowsLoaded: 4, rowsRejected: 2, blankLines: 3, linesUnaccounted: 0 });
      const db = (await h.services.projects.get(dir)).db;
      expect(await db.all(`SELECT customer_id, line FROM purchases ORDER BY line`)).toEqual([
        { customer_id: 'A', line: 2 },
        { customer_id: 'B', line: 4 },
        { customer_id: 'D', line: 8 },
        { customer_id: 'F', line: 10 },
      ]);
      expect(await db.all(`SELECT line, reason FROM rejects ORDER BY line`)).toEqual([
        { line: 5, reason: 'bad_date' },
        { line: 9, reason: 'column_count' },
      ]);
    }
  });
});

describe('empty and header-only files', () => {
  it('an empty file is refused at the preview and the import; a header-only file imports nothing, saying so; the project is unchanged', async () => {
    const { writeFileSync } = await import('node:fs');
    const empty = join(h.root, 'empty.csv');
    writeFileSync(empty, '\uFEFF\r\n');
    await expect(h.call('data.previewFile', { file: empty })).rejects.toMatchObject({ code: 'BAD_FILE', message: 'empty.csv is empty: there is nothing to import.' });
    const mapping = { customer: 'customer', date: 'date', amount: 'amount' };
    await expect(h.call('data.importMapped', { project, purchases: { file: empty, mapping } })).rejects.toMatchObject({ code: 'BAD_FILE' });
    const headerOnly = join(h.root, 'header.csv');
    writeFileSync(headerOnly, 'customer,date,amount\n');
    await expect(h.call('data.importMapped', { project, purchases: { file: headerOnly, mapping } })).rejects.toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringContaining('header.csv has a header but no data rows'),
    });
    const info = await h.call<ProjectInfo>('project.info', { project });
    expect(info.imports).toEqual([]);
    expect(info.tables.find((t) => t.table === 'purchases')!.rows).toBe(0);
  });

  it('an L.POINT folder with a header-only file is refused naming it, nothing written', async () => {
    const { cpSync, readFileSync: read, writeFileSync } = await import('node:fs');
    const folder = join(h.root, 'lpoint');
    cpSync(join(FIXTURES, 'lpoint'), folder, { recursive: true });
    const lpay = join(folder, 'LPOINT_BIG_COMP_06_LPAY.csv');
    writeFileSync(lpay, read(lpay, 'utf8').split('\n')[0] + '\n');
    await expect(h.call('data.importLpoint', { project, folder })).rejects.toMatchObject({
      code: 'BAD_FILE',
      message: 'LPOINT_BIG_COMP_06_LPAY.csv has a header but no data rows, so nothing was imported.',
    });
    expect((await h.call<ProjectInfo>('project.info', { project })).imports).toEqual([]);
  });
});

describe('money helpers', () => {
  it('detects the currency only when one sign dominates, and rounds to the currency digits', () => {
    expect(detectCurrency(['₩1,200', '₩3,400', '990'])).toBe('KRW');
    expect(detectCurrency(['12,000원', '8,000원'])).toBe('KRW');
    expect(detectCurrency(['€12.50', '€3'])).toBe('EUR');
    expect(detectCurrency(['1200', '3400'])).toBeNull();
    expect(detectCurrency(['$1', '€2'])).toBeNull();
    expect(roundAmount(58.550000000000004, 'USD')).toBe(58.55);
    expect(roundAmount(1234.6, 'KRW')).toBe(1235);
  });
});
