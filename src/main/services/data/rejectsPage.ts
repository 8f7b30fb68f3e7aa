import type { RejectPage, RejectReason, RejectRow } from '../../../shared/reports';
import type { Project } from '../project/projectStore';

/** One page of the rejects table, optionally for one reason, in file and line order. */
export async function rejectsPage(project: Project, reason: RejectReason | undefined, offset: number, limit: number): Promise<RejectPage> {
  const where = reason ? 'WHERE reason = $1' : '';
  const params = reason ? [reason] : [];
  const total = await project.db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM rejects ${where}`, params);
  const rows = await project.db.all<{ import_id: number; file: string; line: number | null; reason: RejectReason; detail: string | null; raw: string | null }>(
    `SELECT import_id, file, line, reason, detail, raw FROM rejects ${where} ORDER BY import_id, line LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return {
    total: total?.n ?? 0,
    offset,
    rows: rows.map(
      (r): RejectRow => ({ importId: r.import_id, file: r.file, line: r.line, reason: r.reason, detail: r.detail, raw: r.raw }),
    ),
  };
}
