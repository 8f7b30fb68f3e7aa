import { quotedString } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { keyedError } from '../../../shared/errors';
import type { Sql } from '../db/database';
import { detectEncoding, readHead } from '../data/encoding';

/**
 * A small table file (a target list, a contact file) read whole as text cells keyed by its headings:
 * CSV in UTF-8 (a BOM dropped from the first heading) or CP949 (turned into UTF-8 in a temporary file
 * first: DuckDB reads UTF-8 only without its downloadable extension), or Parquet.
 */
export async function readTable(db: Sql, path: string): Promise<{ columns: string[]; rows: Record<string, string | null>[] }> {
  if (!existsSync(path)) throw keyedError('NOT_FOUND', `${path} does not exist.`, 'fileMissing', { file: path });
  let temp: string | null = null;
  try {
    let source: string;
    if (path.toLowerCase().endsWith('.parquet')) source = `read_parquet(${quotedString(path)})`;
    else {
      let file = path;
      if (detectEncoding(readHead(path)) === 'cp949') {
        temp = mkdtempSync(join(tmpdir(), 'cw-table-'));
        file = join(temp, 'table.csv');
        writeFileSync(file, iconv.decode(readFileSync(path), 'cp949'));
      }
      source = `read_csv(${quotedString(file)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)`;
    }
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${source}`).catch((error: unknown) => {
      throw keyedError('BAD_FILE', `${basename(path)} could not be read as a table: ${(error as Error).message}`, 'tableUnreadable', { file: basename(path) });
    });
    const clean = (k: string) => k.replace(/^\uFEFF/, '');
    const out = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [clean(k), v === null || v === undefined ? null : String(v)])));
    const columns = rows.length ? Object.keys(rows[0]).map(clean) : [];
    return { columns, rows: out };
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
