import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { keyedError } from '../../../shared/errors';
import { WHITESPACE_DELIMITER, type Delimiter, type Encoding } from '../../../shared/mapping';

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
        throw keyedError('BAD_FILE', `The file is not CP949 either (after line ${line}); save it as UTF-8 or CP949 and try again.`, 'notCp949Either', {
          file: basename(path),
          line,
        });
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

/** What detection tries, in order of preference on a tie; 'whitespace' is whitespace-aligned text. */
export const DELIMITER_CANDIDATES = [',', '\t', ';', '|', '^', '~', ':', WHITESPACE_DELIMITER] as const;
/** Lines detection reads (records, outside quotes). */
export const DETECT_LINES = 200;

/**
 * The delimiter that splits the first lines (up to 200 records, quote-aware) most consistently:
 * the share of records with the header's field count first, then more fields. Whitespace-aligned
 * text only wins over a single character that is at least as consistent when it is clearly more so.
 * When nothing splits the header, ',' (the preview then says the delimiter was probably not detected).
 */
export function detectDelimiter(text: string): Delimiter {
  const records = splitRecords(text, DETECT_LINES);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITER_CANDIDATES) {
    const counts = records.map((r) => (d === WHITESPACE_DELIMITER ? splitWhitespaceLine(r).length : countOutsideQuotes(r, d) + 1));
    const first = counts[0] ?? 0;
    if (first < 2) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 10 + Math.min(first, 9) / 10 - (d === WHITESPACE_DELIMITER ? 1 : 0);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Non-empty records of the text (newlines inside quotes do not end one), at most `max`. */
function splitRecords(text: string, max: number): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= text.length && records.length < max; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (i === text.length || (c === '\n' && !quoted)) {
      const record = text.slice(start, i).replace(/\r$/, '');
      if (record.trim().length > 0) records.push(record);
      start = i + 1;
    }
  }
  return records;
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

/**
 * The fields of one line of whitespace-aligned text: separated by runs of spaces or tabs, leading and
 * trailing ones ignored. A field may be quoted ("New York", "" for a quote inside); an unclosed quote
 * runs to the end of the line.
 */
export function splitWhitespaceLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  const blank = (c: string) => c === ' ' || c === '\t' || c === '\r';
  while (i < n) {
    while (i < n && blank(line[i])) i++;
    if (i >= n) break;
    let field = '';
    while (i < n && !blank(line[i])) {
      if (line[i] === '"') {
        i++;
        while (i < n) {
          if (line[i] === '"') {
            if (line[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field += line[i++];
        }
      } else field += line[i++];
    }
    fields.push(field);
  }
  return fields;
}

/** Delimiter of the copy normaliseWhitespace writes. */
export const NORMALISED_DELIMITER = '\t';

/** One line of whitespace-aligned text as a tab-delimited line (fields with a quote or tab quoted). */
export function whitespaceLineToDelimited(line: string): string {
  return splitWhitespaceLine(line)
    .map((f) => (/["\t]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f))
    .join(NORMALISED_DELIMITER);
}

/**
 * Writes a tab-delimited UTF-8 copy of a whitespace-aligned file (UTF-8 or CP949), streaming, one
 * output line per input line so that line numbers (rejects) stay those of the file as given.
 */
export async function normaliseWhitespace(path: string, out: string, encoding: Encoding): Promise<void> {
  const decoder = new TextDecoder(encoding === 'cp949' ? 'euc-kr' : 'utf-8', { fatal: true });
  const sink = createWriteStream(out);
  await once(sink, 'open');
  let line = 1;
  let rest = '';
  const fail = (): never => {
    const name = encoding === 'cp949' ? 'CP949' : 'UTF-8';
    throw keyedError('BAD_FILE', `The file is not ${name} (after line ${line}); save it as UTF-8 or CP949 and try again.`, 'notEncoding', {
      file: basename(path),
      encoding: name,
      line,
    });
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      let text = '';
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        fail();
      }
      const lines = (rest + text).split('\n');
      rest = lines.pop() ?? '';
      line += lines.length;
      const body = lines.map(whitespaceLineToDelimited).join('\n');
      if (lines.length && !sink.write(body + '\n')) await once(sink, 'drain');
    }
    try {
      rest += decoder.decode();
    } catch {
      fail();
    }
    if (rest.length) sink.write(whitespaceLineToDelimited(rest));
    sink.end();
    await once(sink, 'finish');
  } catch (error) {
    sink.destroy();
    throw error;
  }
}
