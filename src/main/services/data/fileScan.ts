import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';
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
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    names = readdirSync(folder).sort();
  } catch {
    throw new AppError('NOT_FOUND', `The folder ${folder} does not exist or cannot be read.`);
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

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function displayName(path: string): string {
  return basename(path);
}
