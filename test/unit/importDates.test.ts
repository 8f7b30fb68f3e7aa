import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DateColumnCheck, ImportReport, ProjectInfo } from '../../src/shared/reports';
import { FIXTURES, fixtureCopy, harness, type Harness } from '../helpers';

const DATES = join(FIXTURES, 'dates');

let h: Harness;
let project: string;
beforeEach(async () => {
  h = harness();
  project = join(h.root, 'project');
  await h.call('project.create', { project });
});
afterEach(() => h.close());

/** Imports one file of the date corpus (columns member, day, sales) with the date format given, or inferred. */
const importFile = (file: string, dateFormat?: string, extra: Record<string, unknown> = {}) =>
  h.call<ImportReport>('data.importMapped', {
    project,
    purchases: { file: join(DATES, file), mapping: { customer: 'member', date: 'day', amount: 'sales', ...(dateFormat ? { dateFormat } : {}) } },
    ...extra,
  });

const days = async () =>
  (await h.services.projects.read(project, (p) => p.db.all<{ d: string; hour: number }>('SELECT strftime(date, \'%Y-%m-%d\') AS d, hour FROM purchases ORDER BY line'))).map((r) => r.d);
const info = () => h.call<ProjectInfo>('project.info', { project });

describe('dates of a mapped purchase file', () => {
  it('infers day-first two-digit years when the format is left out, and says which it used', async () => {
    const report = await importFile('day_first_two_digit.csv');
    expect(report.files[0]).toMatchObject({ dateFormat: 'DD/MM/YY', rowsLoaded: 4, rowsRejected: 0, dateMin: '2021-12-25', dateMax: '2022-06-01' });
    expect(await days()).toEqual(['2022-02-14', '2022-03-03', '2021-12-25', '2022-06-01']);
    expect(await info()).toMatchObject({ buyers: 3, receipts: 4, totalAmount: 4200, dateMin: '2021-12-25', dateMax: '2022-06-01' });
  });

  it('refuses DD/MM/YYYY on two-digit years (it would load the year 22 AD) and imports nothing; accepting the warning imports it', async () => {
    await expect(importFile('day_first_two_digit.csv', 'DD/MM/YYYY')).rejects.toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(/look wrong/) });
    expect((await info()).imports).toEqual([]);
    const report = await importFile('day_first_two_digit.csv', 'DD/MM/YYYY', { acceptDateWarnings: true });
    expect(report.files[0].dateWarnings!.length).toBeGreaterThan(0);
  });

  it('refuses M/D/YY on day-first data (it would swap day and month on some rows) and names the format that reads them all', async () => {
    await expect(importFile('day_first_two_digit.csv', 'M/D/YY')).rejects.toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('DD/MM/YY reads every value') });
    expect((await info()).imports).toEqual([]);
  });

  it('asks when day and month cannot be told apart, naming both readings', async () => {
    await expect(importFile('ambiguous_day_month.csv')).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
      message: expect.stringMatching(/DD\/MM\/YY.*MM\/DD\/YY|MM\/DD\/YY.*DD\/MM\/YY|M\/D\/YY/),
    });
    expect((await info()).imports).toEqual([]);
    const report = await importFile('ambiguous_day_month.csv', 'DD/MM/YY');
    expect(report.files[0].dateFormat).toBe('DD/MM/YY');
    expect(await days()).toEqual(['2022-02-01', '2022-04-03', '2021-06-05', '2022-08-07']);
  });

  it('reads month names, ISO with T and a zone, and Excel serial numbers', async () => {
    const names = await importFile('month_names.csv');
    expect(names.files[0]).toMatchObject({ rowsLoaded: 4, dateMin: '2014-12-25', dateMax: '2015-06-01' });
    const iso = await importFile('iso_t.csv');
    expect(iso.files[0]).toMatchObject({ rowsLoaded: 3, dateMin: '2021-03-04', dateMax: '2021-12-31' });
    const excel = await importFile('excel_serial.csv');
    expect(excel.files[0]).toMatchObject({ dateFormat: 'Excel serial', rowsLoaded: 3, dateMin: '2021-01-01', dateMax: '2021-12-31' });
  });

  it('refuses an unknown date format name with the reason, before reading anything', async () => {
    await expect(importFile('month_names.csv', 'DD//MM')).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });
});

describe('a few broken dates', () => {
  it('infers the format from the readable values and rejects the broken ones with their reason', async () => {
    const report = await h.call<ImportReport>('data.importMapped', {
      project,
      purchases: { file: join(FIXTURES, 'generic', 'purchases_cp949.csv'), mapping: { customer: '고객번호', date: '주문일자', amount: '금액' } },
    });
    expect(report.files[0]).toMatchObject({ dateFormat: 'YYYY-MM-DD', rejectsByReason: { bad_date: 1 } });
  });
});

describe('the wizard\'s date check (data.checkDates)', () => {
  const check = (file: string, dateFormat?: string) =>
    h.call<DateColumnCheck>('data.checkDates', { file: join(DATES, file), column: 'day', ...(dateFormat ? { dateFormat } : {}) });

  it('infers over the whole file, asks when ambiguous, warns on a wrong given format, and imports nothing', async () => {
    expect(await check('day_first_two_digit.csv')).toMatchObject({ format: 'DD/MM/YY', ambiguous: false, first: '2021-12-25', last: '2022-06-01', warnings: [] });
    const ambiguous = await check('ambiguous_day_month.csv');
    expect(ambiguous).toMatchObject({ format: null, ambiguous: true });
    expect(ambiguous.choices.map((c) => c.format).sort()).toEqual(['DD/MM/YY', 'M/D/YY']);
    expect(ambiguous.example!.dates.map((d) => d.date)).toHaveLength(2);
    expect((await check('day_first_two_digit.csv', 'DD/MM/YYYY')).warnings.length).toBeGreaterThan(0);
    await expect(check('day_first_two_digit.csv', '%Q')).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(h.call('data.checkDates', { file: join(DATES, 'month_names.csv'), column: 'nope' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringContaining('member, day, sales') });
    expect((await info()).imports).toEqual([]);
  });
});

describe('headers of public retail files', () => {
  it('recognises common English headers, whatever their case, spaces or underscores', async () => {
    const { guessPurchaseMapping } = await import('../../src/shared/mapping');
    const superstore = ['Row ID', 'Order ID', 'Order Date', 'Ship Date', 'Ship Mode', 'Customer ID', 'Customer Name', 'Segment', 'Region', 'Product ID', 'Category', 'Sub-Category', 'Product Name', 'Sales', 'Quantity', 'Discount', 'Profit'];
    expect(guessPurchaseMapping(superstore, [])).toEqual({
      customer: 'Customer ID',
      receipt: 'Order ID',
      date: 'Order Date',
      product: 'Product ID',
      productName: 'Product Name',
      category: 'Category',
      amount: 'Sales',
      quantity: 'Quantity',
    });
    expect(guessPurchaseMapping(['Member_number', 'Date', 'itemDescription'], [])).toEqual({ customer: 'Member_number', date: 'Date', productName: 'itemDescription' });
    expect(guessPurchaseMapping(['customer_id', 'transaction_date', 'transaction_amount'], [['C1', '2021-01-02', '10']])).toEqual({
      customer: 'customer_id',
      date: 'transaction_date',
      dateFormat: 'YYYY-MM-DD',
      amount: 'transaction_amount',
    });
  });
});

describe('an import that rejects too much', () => {
  it('is refused before anything is written when a file rejects more than the share asked, naming the file and reasons', async () => {
    const folder = fixtureCopy('lpoint', h.root);
    await expect(h.call('data.importLpoint', { project, folder, maxRejectShare: 0.05 })).rejects.toMatchObject({
      code: 'TOO_MANY_REJECTS',
      message: expect.stringMatching(/Nothing was imported: .*LPOINT_BIG_COMP_02_PDDE\.csv: [\d.]+ % of \d+ rows rejected \(.*\)/),
    });
    expect((await info()).imports).toEqual([]);
    const report = await h.call<ImportReport>('data.importLpoint', { project, folder, maxRejectShare: 1 });
    expect(report.files).toHaveLength(6);
  });

  it('a file that loads no row is refused whatever the share', async () => {
    await expect(importFile('month_names.csv', '%Y%m%d', { maxRejectShare: 1 })).rejects.toMatchObject({ code: 'BAD_FILE' });
    await expect(
      h.call('data.importMapped', { project, maxRejectShare: 1, purchases: { file: join(DATES, 'month_names.csv'), mapping: { customer: 'sales', date: 'day', amount: 'member' } } }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REJECTS', message: expect.stringContaining('month_names.csv: no row loads') });
    expect((await info()).imports).toEqual([]);
  });
});
