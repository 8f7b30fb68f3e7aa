import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { encodeCp949, firstUnencodable, unencodableError } from './cp949';
import { cancelled, saveError } from './saveErrors';
import { StreamSink } from './streamSink';
import { commitTemp, discardTemp, prepareTarget } from './tempTarget';

const BOM = '\uFEFF';

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** UTF-8 with a BOM (Korean Excel opens it correctly), or CP949 (older Korean Windows tools; no BOM). */
export type CsvEncoding = 'utf8bom' | 'cp949';

export interface CsvWriteOptions {
  /** Default 'utf8bom'. With 'cp949' a value CP949 cannot hold (an emoji, a rare Hanja …) refuses the whole file with the keyed error cp949Unencodable naming it, its column and row: nothing is written, never a silent '?'. */
  encoding?: CsvEncoding;
  /** Default false: an existing target refuses with the keyed error fileExists ({file}); ask, then call again with true. */
  overwrite?: boolean;
  /** Checked between batches: aborting removes the temporary file and throws CANCELLED (key exportCancelled). */
  signal?: AbortSignal;
  /**
   * Test seam only (simulating a full disk without root): makes the stream the temporary file is
   * written through, given its path. The default opens the path (exclusively) for writing.
   */
  openStream?: (tempPath: string) => Writable | Promise<Writable>;
}

export interface CsvWriteResult {
  /** The written file, absolute. */
  path: string;
  /** Data rows, the header not counted. */
  rows: number;
  /** The file's size in bytes (BOM and header included). */
  bytes: number;
  encoding: CsvEncoding;
}

/** A batch of rows, as many at a time as the source likes (pages of a query). */
export type CsvRows = AsyncIterable<readonly unknown[][]> | Iterable<readonly unknown[][]>;

/**
 * Writes a CSV to a temporary file beside the target and renames it into place only when complete:
 * the target is never half-written, and on any failure (or a cancel) the temporary file is removed
 * and an existing target keeps its bytes. The system's failures come as keyed errors
 * (saveFolderNotFound, saveFolderReadOnly, diskFull, writeFailed: see saveErrors.ts); an error of the
 * rows' source passes through as it is.
 *
 * Without options (the original form): UTF-8 with BOM, an existing file is replaced, and the number
 * of rows comes back. With options: overwriting must be asked for, and the result says what was written.
 */
export async function writeCsvAtomic(path: string, header: readonly string[], rows: CsvRows): Promise<number>;
export async function writeCsvAtomic(path: string, header: readonly string[], rows: CsvRows, options: CsvWriteOptions): Promise<CsvWriteResult>;
export async function writeCsvAtomic(path: string, header: readonly string[], rows: CsvRows, options?: CsvWriteOptions): Promise<number | CsvWriteResult> {
  if (!options) return (await writeCsv(path, header, rows, { overwrite: true })).rows;
  return writeCsv(path, header, rows, options);
}

async function writeCsv(target: string, header: readonly string[], rows: CsvRows, options: CsvWriteOptions): Promise<CsvWriteResult> {
  const path = resolve(target);
  const { encoding = 'utf8bom', overwrite = false, signal, openStream = openExclusive } = options;
  if (signal?.aborted) throw cancelled(path);
  const temp = prepareTarget(path, overwrite);
  const encode = (text: string, firstRow: number, batch: readonly (readonly unknown[])[]): Buffer => {
    if (encoding === 'utf8bom') return Buffer.from(text, 'utf8');
    const bytes = encodeCp949(text);
    if (bytes) return bytes;
    throw firstUnencodableValue(header, batch, firstRow);
  };
  let sink: StreamSink | null = null;
  let count = 0;
  try {
    sink = new StreamSink(await systemStep(() => openStream(temp), path));
    const headerLine = csvLine(header);
    await systemStep(() => sink!.write(encode(encoding === 'utf8bom' ? BOM + headerLine : headerLine, 0, [])), path);
    for await (const batch of rows) {
      if (signal?.aborted) throw cancelled(path);
      let chunk = '';
      for (const row of batch) chunk += csvLine(row);
      const bytes = encode(chunk, count + 1, batch);
      count += batch.length;
      await systemStep(() => sink!.write(bytes), path);
    }
    if (signal?.aborted) throw cancelled(path);
    await systemStep(() => sink!.end(), path);
    if (signal?.aborted) throw cancelled(path);
    commitTemp(temp, path, overwrite);
    return { path, rows: count, bytes: sink.bytes, encoding };
  } catch (error) {
    await sink?.destroy();
    discardTemp(temp);
    // A source stopped by the same signal (an interrupted query) reads as the cancel it is.
    if (signal?.aborted && !(error instanceof AppError && error.code === 'CANCELLED')) throw cancelled(path);
    throw error;
  }
}

/** Runs one step of the file system's; its failure becomes the keyed error it means. */
async function systemStep<T>(step: () => T | Promise<T>, path: string): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw saveError(error, path);
  }
}

async function openExclusive(temp: string): Promise<Writable> {
  const handle = await open(temp, 'wx');
  return handle.createWriteStream();
}

/** The refusal naming the first value of the header (row 0) or the batch (rows from firstRow) that CP949 cannot hold. */
function firstUnencodableValue(header: readonly string[], batch: readonly (readonly unknown[])[], firstRow: number): AppError {
  const lines: [number, readonly unknown[]][] = firstRow === 0 ? [[0, header]] : batch.map((row, i) => [firstRow + i, row]);
  for (const [row, values] of lines) {
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (value === null || value === undefined) continue;
      const text = typeof value === 'string' ? value : String(value);
      const char = firstUnencodable(text);
      if (char !== null) return unencodableError(char, text, header[c] ?? String(c + 1), row);
    }
  }
  // Not reached: the chunk is made of these values and the CSV's own ASCII punctuation.
  return unencodableError('?', '', '', firstRow);
}
