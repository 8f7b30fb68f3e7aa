import { once } from 'node:events';
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { keyedError } from '../../../shared/errors';
import { randomBytes } from 'node:crypto';

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

/**
 * Writes a CSV in UTF-8 with BOM (Korean Excel opens it correctly) to a temporary file beside
 * the target and renames it into place only when complete: the target is never half-written.
 */
export async function writeCsvAtomic(
  path: string,
  header: readonly string[],
  rows: AsyncIterable<readonly unknown[][]> | Iterable<readonly unknown[][]>,
): Promise<number> {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw keyedError('NOT_FOUND', `The folder ${folder} does not exist; create it or choose another file.`, 'saveFolderNotFound', { folder });
  }
  const tmp = join(folder, `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const out = createWriteStream(tmp, { encoding: 'utf8' });
  await once(out, 'open');
  let count = 0;
  try {
    await write(out, BOM + csvLine(header));
    for await (const batch of rows) {
      let chunk = '';
      for (const row of batch) chunk += csvLine(row);
      count += batch.length;
      await write(out, chunk);
    }
    out.end();
    await once(out, 'finish');
    renameSync(tmp, path);
    return count;
  } catch (error) {
    if (!out.closed) {
      out.destroy();
      await once(out, 'close').catch(() => undefined);
    }
    rmSync(tmp, { force: true });
    throw error;
  }
}

async function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
