import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { Database } from '../../src/main/services/db/database';
import { writeCsvAtomic, type CsvWriteOptions } from '../../src/main/services/files/atomicCsv';
import { copyParquetAtomic, sqlString } from '../../src/main/services/files/atomicParquet';
import { manifestPathFor, writeManifestAtomic } from '../../src/main/services/files/exportManifest';
import { engineSaveError } from '../../src/main/services/files/saveErrors';
import { tempDir } from '../helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('cw-export-'));
});
afterEach(() => {
  // A test that made the folder read-only gives the permission back so it can be removed.
  for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o755);
  cleanup();
});

const isRoot = process.getuid?.() === 0;

/** What a failed call threw: its code, the key of its sentence and the values. */
async function failure(promise: Promise<unknown>): Promise<{ code: string; key?: string; params?: Record<string, string | number> }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    return { code: e.code, key: e.issues?.[0]?.key, params: e.issues?.[0]?.params };
  }
  throw new Error('expected the call to fail');
}

function sync<T>(work: () => T): Promise<T> {
  return Promise.resolve().then(work);
}

/** Files left in a folder, the hidden temporary ones included. */
function filesIn(folder: string): string[] {
  return readdirSync(folder).sort();
}

/** RFC 4180: fields split by commas, records by CRLF; a quoted field may hold commas, doubled quotes and line ends. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) throw new Error('unclosed quote');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || record.length) throw new Error('the last record has no CRLF');
  return records;
}

const HEADER = ['고객번호', '이름', '주소', '메모', '금액'];
const ROWS: unknown[][] = [
  ['C0001', '김철수', '서울시 강남구, 테헤란로 1', '말하길 "안녕"', 12500],
  ['C0002', '이영희', '부산\n해운대구', '줄\r\n바꿈', 0.5],
  ['C0003', '박민수', '', null, -3],
  ['C0004', '최, "지우"', '대구 "중구"', ',,', 1e6],
];
const asText = (rows: unknown[][]) => rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))));

async function* batchesOf(rows: unknown[][], size: number): AsyncGenerator<unknown[][]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Writes `old` at `name` in the test folder and returns its path and bytes, to check it is untouched after a failure. */
function existing(name: string, content = 'old,내용\r\n'): { path: string; bytes: Buffer } {
  const path = join(dir, name);
  writeFileSync(path, content);
  return { path, bytes: readFileSync(path) };
}

describe('CSV export', () => {
  it('writes UTF-8 with a BOM that parses back exactly: Korean, commas, quotes and line ends in fields', async () => {
    const path = join(dir, '대상목록.csv');
    const result = await writeCsvAtomic(path, HEADER, batchesOf(ROWS, 3), {});
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(result).toEqual({ path, rows: ROWS.length, bytes: bytes.length, encoding: 'utf8bom' });
    expect(parseCsv(bytes.subarray(3).toString('utf8'))).toEqual([HEADER, ...asText(ROWS)]);
    expect(filesIn(dir)).toEqual(['대상목록.csv']);
  });

  it('reads back the same through DuckDB read_csv', async () => {
    const path = join(dir, 'list.csv');
    await writeCsvAtomic(path, HEADER, [ROWS], {});
    const db = await Database.open(':memory:');
    try {
      const rows = await db.all(`SELECT * FROM read_csv(${sqlString(path)}, header = true, all_varchar = true) ORDER BY 고객번호`);
      expect(rows.map((r) => HEADER.map((h) => r[h] ?? ''))).toEqual(asText(ROWS));
    } finally {
      await db.close();
    }
  });

  it('writes CP949 without a BOM that decodes back exactly (euc-kr), UHC syllables included', async () => {
    const path = join(dir, 'list-cp949.csv');
    const result = await writeCsvAtomic(path, HEADER, batchesOf(ROWS, 2), { encoding: 'cp949' });
    const bytes = readFileSync(path);
    expect(result).toMatchObject({ rows: ROWS.length, bytes: bytes.length, encoding: 'cp949' });
    expect(bytes[0]).not.toBe(0xef);
    expect(bytes.includes(Buffer.from('김철수', 'utf8'))).toBe(false);
    expect(parseCsv(new TextDecoder('euc-kr').decode(bytes))).toEqual([HEADER, ...asText(ROWS)]);
    // Syllables beyond KS X 1001 (CP949's extension; Node's own euc-kr decoder does not know it): iconv reads them back.
    const extended = join(dir, 'extended.csv');
    await writeCsvAtomic(extended, ['이름'], [[['똠방각하'], ['뷁']]], { encoding: 'cp949' });
    expect(iconv.decode(readFileSync(extended), 'cp949')).toBe('이름\r\n똠방각하\r\n뷁\r\n');
  });

  it('refuses CP949 for a value it cannot hold, naming it, its column and row: nothing written, the old file kept', async () => {
    const old = existing('list.csv');
    const rows = [...ROWS, ['C0005', '정하늘 😀', '인천', '', 1], ['C0006', '🎉', '', '', 2]];
    const e = await failure(writeCsvAtomic(old.path, HEADER, batchesOf(rows, 2), { encoding: 'cp949', overwrite: true }));
    expect(e).toMatchObject({ code: 'BAD_ARGUMENT', key: 'cp949Unencodable', params: { char: '😀', codePoint: 'U+1F600', value: '정하늘 😀', column: '이름', row: 5 } });
    expect(readFileSync(old.path)).toEqual(old.bytes);
    expect(filesIn(dir)).toEqual(['list.csv']);
    // A literal '?' is not mistaken for a replaced character; the header is checked too (row 0).
    await writeCsvAtomic(join(dir, 'q.csv'), ['물음?'], [[['뭐?'], ['?']]], { encoding: 'cp949' });
    expect(new TextDecoder('euc-kr').decode(readFileSync(join(dir, 'q.csv')))).toBe('물음?\r\n뭐?\r\n?\r\n');
    expect(await failure(writeCsvAtomic(join(dir, 'h.csv'), ['이름✓'], [], { encoding: 'cp949' }))).toMatchObject({ key: 'cp949Unencodable', params: { row: 0, column: '이름✓' } });
    expect(filesIn(dir)).toEqual(['list.csv', 'q.csv']);
  });

  it('refuses to replace an existing file unless asked; then replaces it', async () => {
    const old = existing('list.csv');
    const e = await failure(writeCsvAtomic(old.path, HEADER, [ROWS], {}));
    expect(e).toEqual({ code: 'BAD_ARGUMENT', key: 'fileExists', params: { file: old.path } });
    expect(readFileSync(old.path)).toEqual(old.bytes);
    expect(filesIn(dir)).toEqual(['list.csv']);
    const result = await writeCsvAtomic(old.path, HEADER, [ROWS], { overwrite: true });
    expect(result.rows).toBe(ROWS.length);
    expect(parseCsv(readFileSync(old.path, 'utf8').slice(1))).toEqual([HEADER, ...asText(ROWS)]);
    expect(filesIn(dir)).toEqual(['list.csv']);
  });

  it('keeps the original form: three arguments replace the file and return the row count', async () => {
    const old = existing('legacy.csv');
    await expect(writeCsvAtomic(old.path, ['a'], [[['x'], ['y']]])).resolves.toBe(2);
    expect(readFileSync(old.path, 'utf8')).toBe('\uFEFFa\r\nx\r\ny\r\n');
  });

  it('tells a missing folder', async () => {
    const path = join(dir, 'nope', 'list.csv');
    const e = await failure(writeCsvAtomic(path, HEADER, [ROWS], {}));
    expect(e).toEqual({ code: 'NOT_FOUND', key: 'saveFolderNotFound', params: { folder: join(dir, 'nope') } });
    expect(filesIn(dir)).toEqual([]);
  });

  it.skipIf(isRoot)('tells a read-only folder, the old file kept and nothing left', async () => {
    const folder = join(dir, 'ro');
    mkdirSync(folder);
    const path = join(folder, 'list.csv');
    writeFileSync(path, 'old\r\n');
    chmodSync(folder, 0o555);
    const e = await failure(writeCsvAtomic(path, HEADER, [ROWS], { overwrite: true }));
    expect(e).toEqual({ code: 'IO', key: 'saveFolderReadOnly', params: { folder } });
    expect(readFileSync(path, 'utf8')).toBe('old\r\n');
    expect(filesIn(folder)).toEqual(['list.csv']);
  });

  it('tells a read-only folder as the system reports it (EACCES on open: runs as root too), the old file kept', async () => {
    const old = existing('list.csv');
    const refuse: CsvWriteOptions['openStream'] = (temp) => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${temp}'`), { code: 'EACCES', errno: -13, syscall: 'open' });
    };
    const e = await failure(writeCsvAtomic(old.path, HEADER, [ROWS], { overwrite: true, openStream: refuse }));
    expect(e).toEqual({ code: 'IO', key: 'saveFolderReadOnly', params: { folder: dir } });
    expect(readFileSync(old.path)).toEqual(old.bytes);
    expect(filesIn(dir)).toEqual(['list.csv']);
  });

  it('tells a full disk (simulated: the stream fails with ENOSPC after some bytes), the old file kept and no temp file', async () => {
    const old = existing('list.csv');
    let written = 0;
    // The temporary file is really written, up to the point the "disk" is full, so removing it is checked too.
    const fullAfter = (limit: number): CsvWriteOptions['openStream'] => (temp) =>
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          if (written + chunk.length > limit) {
            return callback(Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' }));
          }
          appendFileSync(temp, chunk);
          written += chunk.length;
          callback();
        },
      });
    const many = Array.from({ length: 200 }, (_, i) => [`C${i}`, '김철수', '서울시 강남구 테헤란로', '메모', i]);
    const e = await failure(writeCsvAtomic(old.path, HEADER, batchesOf(many, 20), { overwrite: true, openStream: fullAfter(1000) }));
    expect(e).toEqual({ code: 'IO', key: 'diskFull', params: { file: old.path } });
    expect(written).toBeGreaterThan(0);
    expect(readFileSync(old.path)).toEqual(old.bytes);
    expect(filesIn(dir)).toEqual(['list.csv']);
  });

  it('cancels between batches: no target, no temp file; an existing target kept', async () => {
    const controller = new AbortController();
    let batches = 0;
    async function* abortAfterFirst(): AsyncGenerator<unknown[][]> {
      batches += 1;
      yield ROWS.slice(0, 2);
      controller.abort();
      batches += 1;
      yield ROWS.slice(2);
      batches += 1;
      yield ROWS;
    }
    const path = join(dir, 'list.csv');
    const e = await failure(writeCsvAtomic(path, HEADER, abortAfterFirst(), { signal: controller.signal }));
    expect(e).toEqual({ code: 'CANCELLED', key: 'exportCancelled', params: { file: path } });
    expect(batches).toBe(2);
    expect(filesIn(dir)).toEqual([]);

    const old = existing('list.csv');
    const again = new AbortController();
    async function* abortLater(): AsyncGenerator<unknown[][]> {
      yield ROWS;
      again.abort();
      yield ROWS;
    }
    expect(await failure(writeCsvAtomic(old.path, HEADER, abortLater(), { overwrite: true, signal: again.signal }))).toMatchObject({ code: 'CANCELLED' });
    expect(readFileSync(old.path)).toEqual(old.bytes);
    expect(filesIn(dir)).toEqual(['list.csv']);
    // Aborted before it starts: nothing is made at all.
    expect(await failure(writeCsvAtomic(join(dir, 'x.csv'), HEADER, [ROWS], { signal: AbortSignal.abort() }))).toMatchObject({ code: 'CANCELLED' });
    expect(filesIn(dir)).toEqual(['list.csv']);
  });

  it('lets an error of the rows source through as it is, removing the temp file', async () => {
    async function* broken(): AsyncGenerator<unknown[][]> {
      yield ROWS;
      throw new Error('query failed');
    }
    await expect(writeCsvAtomic(join(dir, 'list.csv'), HEADER, broken(), {})).rejects.toThrow('query failed');
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('Parquet export', () => {
  let db: Database;
  beforeEach(async () => {
    db = await Database.open(':memory:');
    await db.run(`CREATE TABLE customers (id VARCHAR, name VARCHAR, amount DOUBLE, visits INTEGER, note VARCHAR)`);
    await db.run(`INSERT INTO customers VALUES ('C1', '김철수', 12500.5, 3, NULL), ('C2', '이영희, "부산"', NULL, 0, '메모'), ('C3', '박민수', -1, NULL, '')`);
  });
  afterEach(() => db.close());

  const select = `SELECT id, name, amount, visits, note FROM customers WHERE visits IS NULL OR visits >= $1 ORDER BY id`;

  it('writes Korean text, numbers and nulls that read back the same, with parameters', async () => {
    const path = join(dir, "고객's 목록.parquet");
    const result = await copyParquetAtomic(db, select, [0], path);
    expect(result).toEqual({ path });
    const rows = await db.all(`SELECT * FROM read_parquet(${sqlString(path)}) ORDER BY id`);
    expect(rows).toEqual([
      { id: 'C1', name: '김철수', amount: 12500.5, visits: 3, note: null },
      { id: 'C2', name: '이영희, "부산"', amount: null, visits: 0, note: '메모' },
      { id: 'C3', name: '박민수', amount: -1, visits: null, note: '' },
    ]);
    expect(filesIn(dir)).toEqual([path.slice(dir.length + 1)]);
  });

  it('refuses to replace unless asked; a failing query keeps the old file; a missing folder is told', async () => {
    const old = existing('list.parquet');
    expect(await failure(copyParquetAtomic(db, select, [0], old.path))).toEqual({ code: 'BAD_ARGUMENT', key: 'fileExists', params: { file: old.path } });
    expect(await failure(copyParquetAtomic(db, 'SELECT no_such_column FROM customers', [], old.path, { overwrite: true }))).toMatchObject({ code: 'IO', key: 'writeFailed' });
    expect(readFileSync(old.path)).toEqual(old.bytes);
    expect(filesIn(dir)).toEqual(['list.parquet']);
    await copyParquetAtomic(db, select, [1], old.path, { overwrite: true });
    expect(await db.all(`SELECT id FROM read_parquet(${sqlString(old.path)}) ORDER BY id`)).toEqual([{ id: 'C1' }, { id: 'C3' }]);
    expect(filesIn(dir)).toEqual(['list.parquet']);
    const missing = join(dir, 'nope', 'x.parquet');
    expect(await failure(copyParquetAtomic(db, select, [0], missing))).toEqual({ code: 'NOT_FOUND', key: 'saveFolderNotFound', params: { folder: join(dir, 'nope') } });
  });

  it('cancels: no target, no temp file, the old file kept', async () => {
    const path = join(dir, 'big.parquet');
    expect(await failure(copyParquetAtomic(db, select, [0], path, { signal: AbortSignal.abort() }))).toMatchObject({ code: 'CANCELLED', key: 'exportCancelled' });
    expect(filesIn(dir)).toEqual([]);
    // Aborted as soon as the COPY has started writing its temporary file (DuckDB writes the Parquet magic first).
    const old = existing('big.parquet');
    const controller = new AbortController();
    const copying = copyParquetAtomic(db, `SELECT range AS n, md5(range::VARCHAR) AS h FROM range(20000000)`, [], path, { overwrite: true, signal: controller.signal });
    let settled = false;
    void copying.catch(() => undefined).finally(() => (settled = true));
    const tempWritten = () => filesIn(dir).some((f) => f.endsWith('.tmp') && statSync(join(dir, f), { throwIfNoEntry: false })?.size);
    while (!settled && !tempWritten()) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    controller.abort();
    expect(await failure(copying)).toMatchObject({ code: 'CANCELLED', key: 'exportCancelled' });
    expect(readFileSync(old.path)).toEqual(old.bytes);
    expect(filesIn(dir)).toEqual(['big.parquet']);
  });

  it.skipIf(isRoot)('tells a read-only folder', async () => {
    const folder = join(dir, 'ro');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const path = join(folder, 'x.parquet');
    expect(await failure(copyParquetAtomic(db, select, [0], path))).toEqual({ code: 'IO', key: 'saveFolderReadOnly', params: { folder } });
    expect(filesIn(folder)).toEqual([]);
  });

  it.skipIf(!existsSync('/dev/full'))("reads DuckDB's own full-disk error as diskFull", async () => {
    let error: unknown = null;
    await db.run(`COPY (SELECT 1 AS n) TO '/dev/full' (FORMAT parquet)`).catch((e: unknown) => (error = e));
    expect(error).not.toBeNull();
    expect(await failure(Promise.reject(engineSaveError(error, join(dir, 'x.parquet'))))).toEqual({ code: 'IO', key: 'diskFull', params: { file: join(dir, 'x.parquet') } });
  });
});

describe('export manifest', () => {
  it('is pretty JSON beside the export, replaced when written again, with nothing left over', async () => {
    expect(manifestPathFor(join(dir, 'list.csv'))).toBe(join(dir, 'list.csv.manifest.json'));
    expect(manifestPathFor(join(dir, 'list.v2.parquet'))).toBe(join(dir, 'list.v2.parquet.manifest.json'));
    const manifest = { file: 'list.csv', rows: 4, encoding: 'utf8bom', columns: HEADER, seed: 12345678901234567890n, small: 7n };
    const path = await sync(() => writeManifestAtomic(join(dir, 'list.csv'), manifest));
    expect(path).toBe(join(dir, 'list.csv.manifest.json'));
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('\n  "rows": 4,\n');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({ ...manifest, seed: '12345678901234567890', small: 7 });
    await sync(() => writeManifestAtomic(join(dir, 'list.csv'), { rows: 5 }));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ rows: 5 });
    expect(filesIn(dir)).toEqual(['list.csv.manifest.json']);
  });

  it('tells a missing folder', async () => {
    expect(await failure(sync(() => writeManifestAtomic(join(dir, 'nope', 'list.csv'), {})))).toMatchObject({ code: 'NOT_FOUND', key: 'saveFolderNotFound' });
  });

  it.skipIf(isRoot)('tells a read-only folder, the old manifest kept', async () => {
    const folder = join(dir, 'ro');
    mkdirSync(folder);
    writeFileSync(join(folder, 'list.csv.manifest.json'), '{}\n');
    chmodSync(folder, 0o555);
    expect(await failure(sync(() => writeManifestAtomic(join(folder, 'list.csv'), { rows: 1 })))).toEqual({ code: 'IO', key: 'saveFolderReadOnly', params: { folder } });
    expect(readFileSync(join(folder, 'list.csv.manifest.json'), 'utf8')).toBe('{}\n');
    expect(filesIn(folder)).toEqual(['list.csv.manifest.json']);
  });
});
