import { quotedIdentifier } from '@duckdb/node-api';
import { keyedError } from '../../../shared/errors';
import type { ReplacedRows } from '../../../shared/reports';
import type { Session } from '../db/database';
import type { StagedFile } from './loadFile';

/** A new transaction file whose dates cover rows already in the project (an append). */
export interface DateOverlap extends ReplacedRows {
  /** The project's range for the table, and the dates of its rows that fall in the file's range. */
  projectFrom: string;
  projectTo: string;
  overlapFrom: string;
  overlapTo: string;
  /** The table's date column. */
  column: string;
}

const day = (col: string) => `strftime(min(${col}), '%Y-%m-%d') AS lo, strftime(max(${col}), '%Y-%m-%d') AS hi`;

/**
 * For each staged transaction file, the project's rows of its table dated within the file's
 * [first, last] day (rows of imports being replaced do not count). Files with no such rows append.
 */
export async function dateOverlaps(db: Session, staged: StagedFile[], replacing: number[]): Promise<DateOverlap[]> {
  const out: DateOverlap[] = [];
  const notReplaced = replacing.length ? `AND import_id NOT IN (${replacing.join(', ')})` : '';
  for (const s of staged) {
    const { table, date } = s.file.mapping;
    const { dateMin: from, dateMax: to, file } = s.quality;
    if (!date || !from || !to) continue;
    const col = quotedIdentifier(date);
    const inRange = await db.one<{ n: number; lo: string | null; hi: string | null }>(
      `SELECT count(*)::BIGINT AS n, ${day(col)} FROM ${table} WHERE ${col} BETWEEN $1::DATE AND $2::DATE ${notReplaced}`,
      [from, to],
    );
    if (!inRange?.n) continue;
    const all = await db.one<{ lo: string; hi: string }>(`SELECT ${day(col)} FROM ${table} WHERE true ${notReplaced}`);
    out.push({
      table,
      file,
      from,
      to,
      rows: inRange.n,
      projectFrom: all!.lo,
      projectTo: all!.hi,
      overlapFrom: inRange.lo!,
      overlapTo: inRange.hi!,
      column: date,
    });
  }
  return out;
}

/** The refusal of an append whose file covers dates already in the project (nothing written). */
export function overlapRefused(o: DateOverlap): Error {
  return keyedError(
    'ALREADY_IMPORTED',
    `${o.file} covers ${o.from} to ${o.to}, but the project's ${o.table} (${o.projectFrom} to ${o.projectTo}) already has ${o.rows} rows ` +
      `from ${o.overlapFrom} to ${o.overlapTo}, so nothing was imported (they would be counted twice); use --replace-dates to replace those rows with the file's.`,
    'appendDatesOverlap',
    {
      file: o.file,
      from: o.from,
      to: o.to,
      table: o.table,
      projectFrom: o.projectFrom,
      projectTo: o.projectTo,
      overlapFrom: o.overlapFrom,
      overlapTo: o.overlapTo,
      rows: o.rows,
    },
  );
}

/** Deletes the project's rows a new file replaces (--replace-dates); the caller holds the transaction. */
export async function deleteOverlap(db: Session, o: DateOverlap): Promise<void> {
  const col = quotedIdentifier(o.column);
  await db.run(`DELETE FROM ${o.table} WHERE ${col} BETWEEN $1::DATE AND $2::DATE`, [o.from, o.to]);
}

export const replacedRows = (overlaps: DateOverlap[]): ReplacedRows[] =>
  overlaps.map(({ table, file, from, to, rows }) => ({ table, file, from, to, rows }));
