import { closeSync, openSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DuckDBValue } from '@duckdb/node-api';
import { AppError } from '../../../shared/errors';
import { Database } from '../db/database';
import { Session, type Sql } from '../db/session';
import { cancelled, engineSaveError, saveError } from './saveErrors';
import { commitTemp, discardTemp, prepareTarget } from './tempTarget';

export interface ParquetWriteOptions {
  /** Default false: an existing target refuses with the keyed error fileExists ({file}). */
  overwrite?: boolean;
  /** Aborting interrupts the COPY (on a Database or a Session), removes the temporary file and throws CANCELLED (key exportCancelled). */
  signal?: AbortSignal;
}

export interface ParquetWriteResult {
  /** The written file, absolute. */
  path: string;
}

/** A path as an SQL string literal: single quotes doubled. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Writes the rows of `selectSql` (with its $1… `params`) as Parquet: DuckDB's COPY to a temporary
 * file beside the target, then a rename, so the target is never half-written. On any failure or a
 * cancel the temporary file is removed and an existing target keeps its bytes; the failures are the
 * keyed errors of saveErrors.ts (DuckDB's IO errors read by their system message).
 *
 * On a Database the COPY runs on a session of its own (a read, beside other work); on a Session,
 * on that session. Either way the signal interrupts it. Any other Sql is checked before and after only.
 */
export async function copyParquetAtomic(
  db: Sql,
  selectSql: string,
  params: readonly DuckDBValue[],
  target: string,
  options: ParquetWriteOptions = {},
): Promise<ParquetWriteResult> {
  const path = resolve(target);
  const { overwrite = false, signal } = options;
  if (signal?.aborted) throw cancelled(path);
  const temp = prepareTarget(path, overwrite);
  try {
    // Made here first, so a read-only or vanished folder is told by its errno, not DuckDB's words.
    try {
      closeSync(openSync(temp, 'wx'));
    } catch (error) {
      throw saveError(error, path);
    }
    // The temporary file is already the one to fill: DuckDB's own temporary file is not wanted.
    const copy = `COPY (${selectSql}) TO ${sqlString(temp)} (FORMAT parquet, USE_TMP_FILE false)`;
    try {
      if (db instanceof Database) await db.read((session) => interruptible(session, copy, params, signal));
      else if (db instanceof Session) await interruptible(db, copy, params, signal);
      else await db.run(copy, [...params]);
    } catch (error) {
      if (signal?.aborted) throw cancelled(path);
      throw engineSaveError(error, path);
    }
    if (signal?.aborted) throw cancelled(path);
    commitTemp(temp, path, overwrite);
    return { path };
  } catch (error) {
    discardTemp(temp);
    if (signal?.aborted && !(error instanceof AppError && error.code === 'CANCELLED')) throw cancelled(path);
    throw error;
  }
}

async function interruptible(session: Session, sql: string, params: readonly DuckDBValue[], signal: AbortSignal | undefined): Promise<void> {
  const stop = () => session.interrupt();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    // An abort before the listener was there (while the session was being opened) stops it here.
    if (signal?.aborted) return;
    await session.run(sql, [...params]);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
