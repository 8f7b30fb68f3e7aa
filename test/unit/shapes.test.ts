import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectDelimiter, splitWhitespaceLine } from '../../src/main/services/data/encoding';
import { dispatch } from '../../src/main/transport/dispatch';
import { importMapSchema } from '../../src/shared/mapping';
import type { FilePreview, ImportReport } from '../../src/shared/reports';
import { FIXTURES, harness, type Harness } from '../helpers';

const SHAPES = join(FIXTURES, 'shapes');
const WHITESPACE = join(SHAPES, 'purchases_whitespace.txt');
const CARET = join(SHAPES, 'purchases_caret.txt');
const HASH = join(SHAPES, 'purchases_hash.txt');

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

describe('delimiter detection over many lines', () => {
  it('picks the consistent delimiter, quote-aware, among , tab ; | ^ ~ : and whitespace-aligned', () => {
    expect(detectDelimiter('a^b^c\n1^"x^y"^3\n4^5^6\n')).toBe('^');
    expect(detectDelimiter('a~b\n1~2\n')).toBe('~');
    expect(detectDelimiter('  a   b    c\n  1   2    3\n 10  20   30\n')).toBe('whitespace');
    // A tab file with spaces inside values stays tab-delimited (whitespace-aligned loses a tie).
    expect(detectDelimiter('Order Date\tName\n2021-01-01\tJohn Smith\n2021-01-02\tAnn Lee\n')).toBe('\t');
    // Consistency over 200 lines, not only the first ones: ';' splits the header too but not the rows.
    const rows = Array.from({ length: 150 }, (_, i) => `${i},x${i},${i * 2}`);
    expect(detectDelimiter(['id,name;alias,amount', ...rows].join('\n'))).toBe(',');
  });

  it('splits whitespace-aligned lines on runs of spaces and tabs, with quoted fields', () => {
    expect(splitWhitespaceLine('  C001   "Big Box"\t 3400  ')).toEqual(['C001', 'Big Box', '3400']);
    expect(splitWhitespaceLine('"say ""hi"""  x')).toEqual(['say "hi"', 'x']);
  });

  it('the mapping schema takes any single character but a quote, CR or LF, and "whitespace"', () => {
    const map = (delimiter: string) => importMapSchema.safeParse({ purchases: { file: 'x.csv', delimiter, mapping: { customer: 'c', date: 'd', amount: 'a' } } }).success;
    expect(['^', '~', '#', ' ', '\t', 'whitespace'].map(map)).toEqual([true, true, true, true, true, true]);
    expect(['"', '\n', '\r', ';;', '', 'tab'].map(map)).toEqual([false, false, false, false, false, false]);
  });
});

describe('files of other shapes through the mapped import (real DuckDB)', () => {
  it('imports whitespace-aligned text: right values, rejected line numbers of the file as given, its own hash', async () => {
    const preview = await h.call<FilePreview>('data.previewFile', { file: WHITESPACE });
    expect(preview.delimiter).toBe('whitespace');
    expect(preview.header).toEqual(['customer', 'order_date', 'product', 'amount', 'qty']);
    expect(preview.rows[1]).toEqual(['C001', '2021-03-01', 'Big Box', '3400', '2']);
    expect(preview.delimiterNote).toBeUndefined();
    const project = join(h.root, 'p');
    await h.call('project.create', { project });
    const mapping = { customer: 'customer', date: 'order_date', dateFormat: 'YYYY-MM-DD', product: 'product', amount: 'amount', quantity: 'qty' };
    const report = await h.call<ImportReport>('data.importMapped', { project, purchases: { file: WHITESPACE, mapping } });
    expect(report.files[0]).toMatchObject({ rowsLoaded: 5, rowsRejected: 1, rejectsByReason: { bad_date: 1 } });
    expect(report.files[0].sha256).toBe(createHash('sha256').update(readFileSync(WHITESPACE)).digest('hex'));
    const db = (await h.services.projects.get(project)).db;
    expect(await db.all(`SELECT file, line, reason, detail FROM rejects`)).toEqual([
      { file: 'purchases_whitespace.txt', line: 5, reason: 'bad_date', detail: 'order_date=2021-13-01' },
    ]);
    expect(await db.all(`SELECT line, customer_id, product_id, amount, quantity FROM purchases ORDER BY line`)).toEqual([
      { line: 2, customer_id: 'C001', product_id: 'P01', amount: 1200, quantity: 1 },
      { line: 3, customer_id: 'C001', product_id: 'Big Box', amount: 3400, quantity: 2 },
      { line: 4, customer_id: 'C002', product_id: 'P02', amount: 990, quantity: 1 },
      { line: 6, customer_id: 'C003', product_id: 'P03', amount: 15000, quantity: 3 },
      { line: 7, customer_id: 'C004', product_id: 'P02', amount: 2500, quantity: 1 },
    ]);
  });

  it('detects and imports a "^"-delimited file, a quoted "^" inside a value kept', async () => {
    const preview = await h.call<FilePreview>('data.previewFile', { file: CARET });
    expect(preview.delimiter).toBe('^');
    expect(preview.header).toEqual(['customer', 'order_date', 'product', 'amount']);
    const project = join(h.root, 'p');
    await h.call('project.create', { project });
    const mapping = { customer: 'customer', date: 'order_date', dateFormat: 'YYYY-MM-DD', product: 'product', amount: 'amount' };
    const report = await h.call<ImportReport>('data.importMapped', { project, purchases: { file: CARET, mapping } });
    expect(report.files[0]).toMatchObject({ rowsLoaded: 3, rowsRejected: 1, rejectsByReason: { bad_amount: 1 } });
    const db = (await h.services.projects.get(project)).db;
    expect(await db.all(`SELECT line FROM rejects`)).toEqual([{ line: 3 }]);
    expect(await db.all(`SELECT product_id FROM purchases ORDER BY line`)).toEqual([{ product_id: 'P01' }, { product_id: 'P01' }, { product_id: 'P^4' }]);
  });

  it('a file whose delimiter is not detected gets a note naming what was tried; the typed one reads it', async () => {
    const preview = await h.call<FilePreview>('data.previewFile', { file: HASH });
    expect(preview.header).toHaveLength(1);
    expect(preview.delimitersTried).toEqual([',', '\t', ';', '|', '^', '~', ':', 'whitespace']);
    expect(preview.delimiterNote).toContain('probably not detected');
    expect(preview.delimiterNote).toContain('"^"');
    expect(preview.delimiterNote).toContain('whitespace-aligned');
    const typed = await h.call<FilePreview>('data.previewFile', { file: HASH, delimiter: '#' });
    expect(typed.header).toEqual(['customer', 'order_date', 'amount']);
    expect(typed.delimiterNote).toBeUndefined();
    const wrong = await h.call<FilePreview>('data.previewFile', { file: HASH, delimiter: ';' });
    expect(wrong.delimiterNote).toContain('chosen delimiter');
    const bad = await dispatch(h.handlers, 'data.previewFile', { file: HASH, delimiter: '"' }, h.ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });
});
