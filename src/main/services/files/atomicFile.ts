import { renameSync, rmSync, writeFileSync } from 'node:fs';

/** Writes a whole file through a temporary file beside it and a rename: readers see the old file or the new one, never half of one. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
