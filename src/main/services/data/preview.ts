import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { keyedError } from '../../../shared/errors';
import { guessPurchaseMapping, WHITESPACE_DELIMITER, type Encoding } from '../../../shared/mapping';
import type { FilePreview } from '../../../shared/reports';
import { Database } from '../db/database';
import { quotedString } from '@duckdb/node-api';
import {
  decodeHead,
  DELIMITER_CANDIDATES,
  detectDelimiter,
  detectEncoding,
  NORMALISED_DELIMITER,
  readHead,
  whitespaceLineToDelimited,
} from './encoding';

export const PREVIEW_ROWS = 20;

export function fileFormat(path: string): 'csv' | 'parquet' {
  return extname(path).toLowerCase() === '.parquet' ? 'parquet' : 'csv';
}

/**
 * The first rows of a CSV or Parquet file with its detected encoding and delimiter (both
 * overridable) and a guess at the column mapping. DuckDB parses; only the file's head is read.
 */
export async function previewFile(file: string, encoding: Encoding | 'auto', delimiter?: string): Promise<FilePreview> {
  let head: Buffer;
  try {
    head = readHead(file);
  } catch {
    throw keyedError('NOT_FOUND', `The file ${file} does not exist or cannot be read.`, 'fileNotFound', { file });
  }
  const db = await Database.open(':memory:');
  const tmp = mkdtempSync(join(tmpdir(), 'cw-preview-'));
  try {
    if (fileFormat(file) === 'parquet') {
      const rows = await db.all(`SELECT * FROM read_parquet(${quotedString(file)}) LIMIT ${PREVIEW_ROWS}`);
      const header = (await db.all<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet(${quotedString(file)})`)).map((r) => r.column_name);
      const values = rows.map((r) => header.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))));
      return { file, format: 'parquet', encodingDetected: null, encoding: 'utf-8', delimiter: null, header, rows: values, guess: guessPurchaseMapping(header, values) };
    }
    const detected = detectEncoding(head);
    const used = encoding === 'auto' ? detected : encoding;
    if (!used) throw keyedError('BAD_FILE', `${file} is neither UTF-8 nor CP949; save it as UTF-8 (or CP949) and try again.`, 'notUtf8NorCp949', { file });
    const text = decodeHead(head, used);
    if (text.replace(/^\uFEFF/, '').trim() === '') throw keyedError('BAD_FILE', `${basename(file)} is empty: there is nothing to import.`, 'fileEmpty', { file: basename(file) });
    const delim = delimiter ?? detectDelimiter(text);
    // Whitespace-aligned text is read as the import reads it: normalised to a tab-delimited copy.
    const whitespace = delim === WHITESPACE_DELIMITER;
    const first = text.split(/\r?\n/).slice(0, PREVIEW_ROWS + 1);
    const lines = (whitespace ? first.map(whitespaceLineToDelimited) : first).join('\n') + '\n';
    const sample = join(tmp, 'head.csv');
    writeFileSync(sample, lines);
    let header: string[];
    let values: string[][];
    try {
      const rows = await db.read((session) =>
        session.connection.runAndReadAll(
        `SELECT * FROM read_csv(${quotedString(sample)}, header = true, delim = ${quotedString(whitespace ? NORMALISED_DELIMITER : delim)}, quote = '"', all_varchar = true, null_padding = true)`,
        ),
      );
      header = rows.columnNames();
      values = rows.getRowsJS().map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))));
    } catch (error) {
      const reason = String((error as Error).message).split('\n')[0];
      throw keyedError('BAD_FILE', `The first lines of ${file} cannot be read as a table: ${reason}`, 'notATable', { file, reason });
    }
    const preview: FilePreview = { file, format: 'csv', encodingDetected: detected, encoding: used, delimiter: delim, header, rows: values, guess: guessPurchaseMapping(header, values) };
    if (header.length <= 1) Object.assign(preview, delimiterNote(delimiter));
    return preview;
  } finally {
    await db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** How a delimiter is named in messages. */
export function delimiterLabel(d: string): string {
  if (d === WHITESPACE_DELIMITER) return 'whitespace-aligned';
  if (d === '\t') return 'tab';
  if (d === ' ') return 'space';
  return `"${d}"`;
}

/** The header split into one column: what was tried, and that the delimiter is probably wrong. */
function delimiterNote(chosen: string | undefined): Pick<FilePreview, 'delimiterNote' | 'delimitersTried'> {
  const tried = chosen === undefined ? [...DELIMITER_CANDIDATES] : [chosen];
  const names = tried.map(delimiterLabel).join(', ');
  const delimiterNote =
    chosen === undefined
      ? `The header splits into one column: the delimiter was probably not detected (tried ${names}). Choose it: any single character, or whitespace-aligned.`
      : `The header splits into one column with the chosen delimiter ${names}: it is probably not the file's delimiter.`;
  return { delimiterNote, delimitersTried: tried };
}
