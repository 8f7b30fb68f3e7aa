import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/main/services/db/database';
import { decodeHead, detectDelimiter, detectEncoding, readHead } from '../../src/main/services/data/encoding';
import { dispatch } from '../../src/main/transport/dispatch';
import type { ImportReport, FilePreview } from '../../src/shared/reports';
import { FIXTURES, harness, type Harness } from '../helpers';

const GENERIC = join(FIXTURES, 'generic');
const CP949 = join(GENERIC, 'purchases_cp949.csv');
const BOM = join(GENERIC, 'purchases_bom_semicolon.csv');

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

const call = <T,>(method: string, args: unknown) => h.call<T>(method, args);

const KOREAN_MAP = {
  customer: '고객번호',
  date: '주문일자',
  dateFormat: 'YYYY-MM-DD',
  product: '상품코드',
  productName: '상품명',
  category: '카테고리',
  amount: '금액',
  quantity: '수량',
  channel: '채널',
} as const;

describe('encoding and delimiter detection', () => {
  it('tells UTF-8, UTF-8 with BOM and CP949 apart', () => {
    expect(detectEncoding(readHead(join(FIXTURES, 'lpoint', 'LPOINT_BIG_COMP_01_DEMO.csv')))).toBe('utf-8');
    expect(detectEncoding(readHead(BOM))).toBe('utf-8-bom');
    expect(detectEncoding(readHead(CP949))).toBe('cp949');
    expect(decodeHead(readHead(CP949), 'cp949')).toContain('초코파이 情');
  });

  it('finds the delimiter, ignoring ones inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;"x;y";3\n')).toBe(';');
    expect(detectDelimiter('a,b\n"1,5",2\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
  });
});

describe('the mapping step', () => {
  it('previews a CP949 file with Korean headers and guesses the mapping', async () => {
    const preview = await call<FilePreview>('data.previewFile', { file: CP949 });
    expect(preview).toMatchObject({ format: 'csv', encodingDetected: 'cp949', encoding: 'cp949', delimiter: ',' });
    expect(preview.header).toEqual(['고객번호', '주문일자', '상품코드', '상품명', '카테고리', '금액', '수량', '채널']);
    expect(preview.rows[2]).toEqual(['C002', '2021-02-14', 'P03', '초코파이 情', '과자', '4,500', '1', '온라인']);
    expect(preview.guess).toEqual(KOREAN_MAP);
    const forced = await call<FilePreview>('data.previewFile', { file: CP949, encoding: 'utf-8' });
    expect(forced.encoding).toBe('utf-8'); // overridable: shown garbled, as the user asked
  });
});

describe('import through a column mapping', () => {
  it('imports a CP949 purchase file with a customer file: Korean text intact, bad rows kept with reasons', async () => {
    const project = join(h.root, 'p');
    await call('project.create', { project });
    const report = await call<ImportReport>('data.importMapped', {
      project,
      purchases: { file: CP949, mapping: KOREAN_MAP },
      customers: { file: join(GENERIC, 'customers_cp949.csv'), mapping: { customer: '고객번호', gender: '성별', ageBand: '연령대' } },
      saveAs: '한글 엑셀',
    });
    const purchases = report.files.find((f) => f.kind === 'purchases')!;
    expect(purchases).toMatchObject({ rowsRead: 11, rowsLoaded: 7, rowsRejected: 4, returns: 1 });
    expect(purchases.rejectsByReason).toEqual({ bad_date: 1, bad_amount: 1, missing_customer: 1, bad_channel: 1 });
    const db = (await h.services.projects.get(project)).db;
    const rejects = await db.all('SELECT line, reason, detail FROM rejects ORDER BY line');
    expect(rejects).toEqual([
      { line: 6, reason: 'bad_date', detail: '주문일자=2021-13-01' },
      { line: 7, reason: 'bad_amount', detail: '금액=일천원' },
      { line: 8, reason: 'missing_customer', detail: '고객번호 is empty' },
      { line: 11, reason: 'bad_channel', detail: '채널=팩스' },
    ]);
    expect(await db.all(`SELECT name, category FROM products WHERE product_id = 'P03'`)).toEqual([{ name: '초코파이 情', category: '과자' }]);
    const lines = await db.all<{ receipt_id: string; amount: number; channel: number; quantity: number }>(
      `SELECT receipt_id, amount, channel, quantity FROM purchases ORDER BY line LIMIT 3`,
    );
    expect(lines).toEqual([
      { receipt_id: 'C001@2021-01-03 00', amount: 3980, channel: 1, quantity: 1 },
      { receipt_id: 'C001@2021-01-03 00', amount: 2980, channel: 1, quantity: 2 },
      { receipt_id: 'C002@2021-02-14 00', amount: 4500, channel: 2, quantity: 1 },
    ]);
    expect(await db.all(`SELECT customer_id, gender FROM customers ORDER BY customer_id LIMIT 1`)).toEqual([{ customer_id: 'C001', gender: '여성' }]);
    const saved = await call<{ name: string; map: { purchases: { mapping: unknown } } }[]>('data.mappings', { project });
    expect(saved.map((s) => s.name)).toEqual(['한글 엑셀']);
    expect(saved[0].map.purchases.mapping).toEqual({ ...KOREAN_MAP, attributes: [], customerAttributes: [] });
  });

  it('imports a UTF-8-with-BOM, semicolon, DD/MM/YYYY file and the same data as Parquet', async () => {
    const project = join(h.root, 'p');
    await call('project.create', { project });
    const mapping = { customer: 'customer', receipt: 'order_id', date: 'date', dateFormat: 'DD/MM/YYYY', product: 'product', amount: 'amount', quantity: 'qty' };
    const csv = await call<ImportReport>('data.importMapped', { project, purchases: { file: BOM, mapping } });
    expect(csv.files[0]).toMatchObject({ rowsLoaded: 3, rowsRejected: 1, rejectsByReason: { bad_date: 1 } });
    const parquet = join(h.root, 'purchases.parquet');
    const db = await Database.open(':memory:');
    await db.run(`COPY (SELECT * FROM read_csv('${BOM}', delim = ';', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    db.close();
    const pq = await call<ImportReport>('data.importMapped', { project, purchases: { file: parquet, mapping } });
    expect(pq.files[0]).toMatchObject({ rowsLoaded: 3, rowsRejected: 1, rejectsByReason: { bad_date: 1 } });
    const pdb = (await h.services.projects.get(project)).db;
    expect(await pdb.all(`SELECT file, line FROM rejects ORDER BY import_id`)).toEqual([
      { file: 'purchases_bom_semicolon.csv', line: 5 },
      { file: 'purchases.parquet', line: 4 },
    ]);
  });

  it('a mapping naming a column the file lacks is refused before anything is read', async () => {
    const project = join(h.root, 'p');
    await call('project.create', { project });
    const reply = await dispatch(h.handlers, 'data.importMapped', { project, purchases: { file: CP949, mapping: { ...KOREAN_MAP, amount: 'price' } } }, h.ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', message: expect.stringContaining('"price"') } });
    const info = await call<{ imports: unknown[] }>('project.info', { project });
    expect(info.imports).toEqual([]);
    expect(readFileSync(CP949).length).toBeGreaterThan(0);
  });
});

describe('column guesses for customer and product files', () => {
  it('finds Korean and L.POINT column names', async () => {
    const { guessColumns } = await import('../../src/shared/mapping');
    expect(guessColumns(['고객번호', '성별', '연령대'], ['customer', 'gender', 'ageBand', 'region'])).toEqual({ customer: '고객번호', gender: '성별', ageBand: '연령대' });
    expect(guessColumns(['pd_c', 'pd_nm', 'clac_hlv_nm', 'clac_mcls_nm'], ['product', 'name', 'category', 'subcategory'])).toEqual({
      product: 'pd_c',
      name: 'pd_nm',
      category: 'clac_hlv_nm',
      subcategory: 'clac_mcls_nm',
    });
  });
});
