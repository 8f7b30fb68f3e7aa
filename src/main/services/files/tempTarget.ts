import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileExists, folderNotFound, saveError } from './saveErrors';

/**
 * Checks a save's target before any work: its folder must exist, and the file must not unless
 * overwriting is allowed (the UI asks, then calls again with overwrite). Returns the temporary
 * file's path beside it (same folder, so same disk: the final rename is atomic).
 */
export function prepareTarget(path: string, overwrite: boolean): string {
  const folder = dirname(path);
  if (!isFolder(folder)) throw folderNotFound(folder);
  if (!overwrite && existsSync(path)) throw fileExists(path);
  return tempPathFor(path);
}

/** `.name.ext.<random>.tmp` beside the target: hidden on Unix, and every saver's leftovers end in .tmp. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Puts the finished temporary file in the target's place. Without overwrite a hard link claims the
 * name only if it is still free (a file made there meanwhile is never replaced); where the file
 * system has no hard links (FAT, some shares) the check and the rename are separate steps.
 */
export function commitTemp(temp: string, path: string, overwrite: boolean): void {
  try {
    if (overwrite) {
      renameSync(temp, path);
      return;
    }
    try {
      linkSync(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw fileExists(path);
      if (existsSync(path)) throw fileExists(path);
      renameSync(temp, path);
      return;
    }
  } catch (error) {
    throw saveError(error, path);
  }
  // The target is in place; the temporary name is only a second link to it.
  discardTemp(temp);
}

/** Removes a temporary file; never throws (the error being reported matters more). */
export function discardTemp(temp: string): void {
  try {
    rmSync(temp, { force: true });
  } catch {
    // Left behind: it is hidden and named .tmp; nothing reads it.
  }
}

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
