import { dirname } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors';

/**
 * The keyed errors of saving a file (an export, its manifest), worded for the analyst. Every saver
 * in this folder throws these and only these for the system's failures; errors of the rows' source
 * pass through as they are.
 *
 * - saveFolderNotFound (NOT_FOUND): the folder is missing (or is not a folder).
 * - saveFolderReadOnly (IO): EACCES / EPERM / EROFS: read-only medium, or no permission.
 * - diskFull (IO): ENOSPC / EDQUOT: no space left (or the quota is used up).
 * - fileExists (BAD_ARGUMENT): the target exists and overwriting was not allowed; ask, then call again with overwrite.
 * - exportCancelled (CANCELLED): the signal was aborted.
 * - writeFailed (IO): any other system error, with the system's own message.
 */

const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);
const MISSING = new Set(['ENOENT', 'ENOTDIR']);

export function folderNotFound(folder: string): AppError {
  return keyedError('NOT_FOUND', `The folder ${folder} does not exist; create it or choose another file.`, 'saveFolderNotFound', { folder });
}

export function folderReadOnly(folder: string): AppError {
  return keyedError('IO', `The folder ${folder} cannot be written to (read-only or no permission); choose another folder.`, 'saveFolderReadOnly', { folder });
}

export function diskFull(file: string): AppError {
  return keyedError('IO', `There is not enough space on the disk to save ${file}; nothing was saved. Free some space or choose another drive.`, 'diskFull', { file });
}

export function fileExists(file: string): AppError {
  return keyedError('BAD_ARGUMENT', `The file ${file} already exists; confirm to replace it, or choose another name.`, 'fileExists', { file });
}

export function cancelled(file: string): AppError {
  return keyedError('CANCELLED', `Saving ${file} was cancelled; no file was written and an existing one is unchanged.`, 'exportCancelled', { file });
}

function writeFailed(file: string, reason: string): AppError {
  return keyedError('IO', `Could not write ${file}: ${reason}`, 'writeFailed', { file, reason });
}

/** A system error (errno code) met while saving `file` as its keyed error; an AppError as it is. */
export function saveError(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  if (MISSING.has(code)) return folderNotFound(dirname(file));
  if (READ_ONLY.has(code)) return folderReadOnly(dirname(file));
  if (FULL.has(code)) return diskFull(file);
  return writeFailed(file, error instanceof Error ? error.message : String(error));
}

/** DuckDB's IO errors carry no errno code, only the system's words (strerror): read them. */
export function engineSaveError(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/No space left on device|Disk quota exceeded/i.test(message)) return diskFull(file);
  if (/Permission denied|Read-only file system|Operation not permitted/i.test(message)) return folderReadOnly(dirname(file));
  if (/No such file or directory|Not a directory/i.test(message)) return folderNotFound(dirname(file));
  return writeFailed(file, message);
}
