import { closeSync, openSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { saveError } from './saveErrors';
import { commitTemp, discardTemp, prepareTarget } from './tempTarget';

/**
 * The manifest's name beside an export: list.csv → list.csv.manifest.json. The export's own name is
 * kept whole, so list.csv and list.parquet in one folder each keep their manifest.
 */
export function manifestPathFor(exportPath: string): string {
  const path = resolve(exportPath);
  return join(dirname(path), `${basename(path)}.manifest.json`);
}

/**
 * Writes `manifest` as pretty JSON (2 spaces, a final newline; BIGINT as a number where exact, else
 * as text) beside the export at `exportPath`, atomically (temporary file, then rename). A manifest
 * already there is replaced: it describes the export of the same name, which was just written.
 * Failures are the keyed errors of saveErrors.ts. Returns the manifest's path.
 */
export function writeManifestAtomic(exportPath: string, manifest: object): string {
  const path = manifestPathFor(exportPath);
  const text = JSON.stringify(manifest, (_key, value: unknown) => (typeof value === 'bigint' ? bigintValue(value) : value), 2) + '\n';
  const temp = prepareTarget(path, true);
  try {
    let fd: number | null = null;
    try {
      fd = openSync(temp, 'wx');
      writeFileSync(fd, text, 'utf8');
      const open = fd;
      fd = null;
      closeSync(open);
    } catch (error) {
      if (fd !== null) closeQuietly(fd);
      throw saveError(error, path);
    }
    commitTemp(temp, path, true);
    return path;
  } catch (error) {
    discardTemp(temp);
    throw error;
  }
}

function bigintValue(value: bigint): number | string {
  return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The write's error is the one to report.
  }
}
