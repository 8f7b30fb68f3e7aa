import { join, resolve } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors';
import type { RejectReason } from '../../../shared/reports';
import { REASON_LABELS, REJECT_CSV_HEADINGS, REJECT_CSV_LABELS, type Lang } from '../../../shared/i18n';
import { writeCsvAtomic } from '../files/atomicCsv';
import type { Project } from '../project/projectStore';

export const REJECT_COLUMNS = ['import_id', 'file', 'line', 'reason', 'detail', 'raw'] as const;

/**
 * Every rejected row (or those of one reason, as the page filters them) with file, line, reason and
 * raw text, as CSV (UTF-8 with BOM), written atomically. With `lang` the headings and reasons are
 * written in that language (the app); without, as codes (scripts).
 */
export async function exportRejects(project: Project, out: string | undefined, reason?: RejectReason, lang?: Lang): Promise<{ path: string; rows: number }> {
  const path = resolve(out ?? join(project.dir, 'exports', `rejects-${timestamp(new Date())}.csv`));
  const result = await project.db.connection.stream(
    `SELECT ${REJECT_COLUMNS.join(', ')} FROM rejects ${reason ? 'WHERE reason = $1' : ''} ORDER BY import_id, line`,
    reason ? [reason] : [],
  );
  async function* batches(): AsyncGenerator<unknown[][]> {
    const reasonAt = REJECT_COLUMNS.indexOf('reason');
    for await (const rows of result.yieldRowsJs()) {
      yield rows.map((r) =>
        r.map((v, i) => (typeof v === 'bigint' ? Number(v) : lang && i === reasonAt ? (REASON_LABELS[v as RejectReason]?.[lang] ?? v) : v)),
      );
    }
  }
  try {
    const rows = await writeCsvAtomic(path, REJECT_COLUMNS.map((c) => (lang ? REJECT_CSV_LABELS[c][lang] : REJECT_CSV_HEADINGS[c])), batches());
    return { path, rows };
  } catch (error) {
    if (error instanceof AppError) throw error;
    // The system's own reason (no space left, no permission …) stays as it is.
    const reason = (error as Error).message;
    throw keyedError('IO', `Could not write ${path}: ${reason}`, 'writeFailed', { file: path, reason });
  }
}

/** 20261125-142501: sortable, safe in file names. */
export function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
