import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { createReadStream, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors';
import { recogniseLpointFile, splitHeader, LPOINT_FILES, type LpointFileSpec, type LpointKind } from '../../../shared/lpointFiles';

export interface FoundFile {
  spec: LpointFileSpec;
  path: string;
  /** Header columns as they stand in the file (lower case), in file order. */
  header: string[];
}

export interface FolderScan {
  found: FoundFile[];
  missing: LpointKind[];
  skipped: { file: string; reason: string }[];
}

/** First line of a file, without reading the rest. */
export function readHeaderLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const textHead = buf.subarray(0, n).toString('utf8');
    const end = textHead.search(/\r?\n/);
    return end >= 0 ? textHead.slice(0, end) : textHead;
  } finally {
    closeSync(fd);
  }
}

/** Finds the L.POINT files in a folder by name and header; anything else is listed as skipped with why. */
export function scanLpointFolder(folder: string): FolderScan {
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) {
      throw keyedError('BAD_ARGUMENT', `${folder} is a file; give the folder that holds the L.POINT files.`, 'folderIsFile', { folder });
    }
    names = readdirSync(folder).sort();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw keyedError('NOT_FOUND', `The folder ${folder} does not exist or cannot be read.`, 'folderNotFound', { folder });
  }
  const found: FoundFile[] = [];
  const skipped: FolderScan['skipped'] = [];
  for (const name of names) {
    const path = join(folder, name);
    if (!/\.csv$/i.test(name) || !statSync(path).isFile()) continue;
    const headerLine = readHeaderLine(path);
    const spec = recogniseLpointFile(name, headerLine);
    if (!spec) {
      const looksNamed = /LPOINT_BIG_COMP_0\d/i.test(name);
      skipped.push({
        file: name,
        reason: looksNamed
          ? `its header (${headerLine.slice(0, 120)}) does not match the L.POINT layout its name promises`
          : 'not an L.POINT file (name and header not recognised)',
      });
      continue;
    }
    if (found.some((f) => f.spec.kind === spec.kind)) {
      skipped.push({ file: name, reason: `a second ${spec.code} file; import it on its own` });
      continue;
    }
    found.push({ spec, path, header: splitHeader(headerLine) });
  }
  const missing = LPOINT_FILES.map((s) => s.kind).filter((k) => !found.some((f) => f.spec.kind === k));
  return { found, missing, skipped };
}

export interface FileBytes {
  sha256: string;
  /** Physical lines (LF count, plus a last line without LF). */
  lines: number;
  /** First line (1-based) that is not valid UTF-8, or null. */
  invalidUtf8Line: number | null;
  /**
   * Empty data lines (nothing, or a lone CR, between two line feeds), 1-based: DuckDB's CSV reader skips
   * them without counting, so the line numbers of the rows after them are shifted by these.
   */
  blankLines: number[];
}

/** More blank lines than this are counted but not listed (line numbers after them may then be low). */
const MAX_BLANK_LINES = 1_000_000;

/**
 * One pass over the bytes: the content hash (re-import detection), the line count (so no line can
 * go missing unnoticed) and strict UTF-8 validation (DuckDB must never see invalid UTF-8).
 * Validation runs on line-aligned pieces, so a multi-byte character split across chunks is fine.
 * `hash: false` leaves the hash out (sha256 is then ''): the caller hashes with hashFile meanwhile.
 */
export async function scanFileBytes(path: string, { hash: hashing = true }: { hash?: boolean } = {}): Promise<FileBytes> {
  const hash = hashing ? createHash('sha256') : null;
  let lines = 0;
  const blankLines: number[] = [];
  // The bytes of the current line seen so far (across chunks), and whether they are all CR.
  let lineBytes = 0;
  let lineOnlyCr = true;
  let invalidUtf8Line: number | null = null;
  let carry = Buffer.alloc(0);
  let lastByte = -1;
  const check = (piece: Buffer, firstLine: number) => {
    if (invalidUtf8Line !== null || isUtf8(piece)) return;
    let line = firstLine;
    let start = 0;
    for (let i = 0; i <= piece.length; i++) {
      if (i === piece.length || piece[i] === 0x0a) {
        if (!isUtf8(piece.subarray(start, i))) {
          invalidUtf8Line = line;
          return;
        }
        line++;
        start = i + 1;
      }
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    hash?.update(buf);
    if (buf.length) lastByte = buf[buf.length - 1];
    const cut = buf.lastIndexOf(0x0a);
    if (cut < 0) {
      carry = Buffer.concat([carry, buf]);
      lineOnlyCr = lineOnlyCr && lineBytes + buf.length <= 1 && (buf.length === 0 || buf[0] === 0x0d);
      lineBytes += buf.length;
      continue;
    }
    const piece = carry.length ? Buffer.concat([carry, buf.subarray(0, cut + 1)]) : buf.subarray(0, cut + 1);
    check(piece, lines + 1);
    // Line feeds: count them and note the data lines (after the header) that are empty or a lone CR.
    let prev = -1;
    for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, i + 1)) {
      const length = prev === -1 ? lineBytes + i : i - prev - 1;
      const onlyCr = length === 0 || (length === 1 && (prev === -1 ? (i > 0 ? buf[i - 1] === 0x0d : lineOnlyCr) : buf[i - 1] === 0x0d));
      lines++;
      if (onlyCr && lines > 1 && blankLines.length < MAX_BLANK_LINES) blankLines.push(lines);
      prev = i;
    }
    lineBytes = buf.length - cut - 1;
    lineOnlyCr = lineBytes === 0 || (lineBytes === 1 && buf[cut + 1] === 0x0d);
    carry = Buffer.from(buf.subarray(cut + 1));
  }
  if (carry.length) check(carry, lines + 1);
  if (lastByte !== -1 && lastByte !== 0x0a) {
    lines += 1;
    if (lineBytes === 1 && lineOnlyCr && lines > 1 && blankLines.length < MAX_BLANK_LINES) blankLines.push(lines);
  }
  return { sha256: hash?.digest('hex') ?? '', lines, invalidUtf8Line, blankLines };
}

/**
 * The file's SHA-256 on its own pass. It is the scan's slowest part (about 1 GB/s here), and it
 * runs on the main thread while DuckDB's threads read the files: see `PreparedSource.sha256`.
 */
export async function hashFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function displayName(path: string): string {
  return basename(path);
}
