import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, openSync, readSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { Encoding } from '../../../shared/mapping';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function readHead(path: string, bytes = 256 * 1024): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * BOM → UTF-8 with BOM; valid UTF-8 → UTF-8; otherwise CP949 where it decodes (Korean Excel's
 * "CSV" is CP949). Judged on the file's head cut at a line end; the import checks the whole file.
 */
export function detectEncoding(head: Buffer): Encoding | null {
  if (head.subarray(0, 3).equals(BOM)) return 'utf-8-bom';
  const cut = head.lastIndexOf(0x0a);
  const sample = cut > 0 ? head.subarray(0, cut + 1) : head;
  if (isUtf8(sample)) return 'utf-8';
  try {
    new TextDecoder('euc-kr', { fatal: true }).decode(sample);
    return 'cp949';
  } catch {
    return null;
  }
}

export function decodeHead(head: Buffer, encoding: Encoding): string {
  const cut = head.lastIndexOf(0x0a);
  const sample = cut > 0 ? head.subarray(0, cut + 1) : head;
  if (encoding === 'cp949') return new TextDecoder('euc-kr').decode(sample);
  return new TextDecoder('utf-8').decode(sample).replace(/^\uFEFF/, '');
}

/**
 * Writes a UTF-8 copy of a CP949 file, streaming (DuckDB reads UTF-8 only; its other encodings
 * are an extension downloaded at run time). Bytes that are not CP949 stop it with the line number.
 */
export async function transcodeCp949(path: string, out: string): Promise<void> {
  const decoder = new TextDecoder('euc-kr', { fatal: true });
  const sink = createWriteStream(out);
  await once(sink, 'open');
  let line = 1;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      let text: string;
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw new AppError('BAD_FILE', `The file is not CP949 either (after line ${line}); save it as UTF-8 or CP949 and try again.`);
      }
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
      if (!sink.write(text)) await once(sink, 'drain');
    }
    sink.write(decoder.decode());
    sink.end();
    await once(sink, 'finish');
  } catch (error) {
    sink.destroy();
    throw error;
  }
}

/** The most consistent of , tab ; | over the first lines (outside quotes). */
export function detectDelimiter(text: string): ',' | '\t' | ';' | '|' {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0).slice(0, 20);
  let best: ',' | '\t' | ';' | '|' = ',';
  let bestScore = 0;
  for (const d of [',', '\t', ';', '|'] as const) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 10 + Math.min(first, 9) / 10;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}
