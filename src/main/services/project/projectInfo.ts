import type { FileQuality, ProjectInfo, RejectReason } from '../../../shared/reports';
import type { Project } from './projectStore';
import { DATA_TABLES } from './schema';

/** Row counts, date range, the import quality reports and rejects per reason. */
export async function projectInfo(project: Project): Promise<ProjectInfo> {
  const { db } = project;
  const tables = [];
  for (const table of [...DATA_TABLES, 'rejects']) {
    const row = await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${table}`);
    tables.push({ table, rows: row?.n ?? 0 });
  }
  const range = await db.one<{ lo: string | null; hi: string | null }>(
    `SELECT strftime(min(date), '%Y-%m-%d') AS lo, strftime(max(date), '%Y-%m-%d') AS hi FROM purchases`,
  );
  const imports = (await db.all<{ report: string }>('SELECT report FROM imports ORDER BY import_id')).map(
    (r) => JSON.parse(r.report) as FileQuality,
  );
  const rejectsByReason: Partial<Record<RejectReason, number>> = {};
  for (const r of await db.all<{ reason: RejectReason; n: number }>(
    'SELECT reason, count(*)::BIGINT AS n FROM rejects GROUP BY reason ORDER BY reason',
  )) {
    rejectsByReason[r.reason] = r.n;
  }
  const orphans = await db.one<{ without: number; unknown: number }>(`
    SELECT
      (SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = c.customer_id))::BIGINT AS without,
      (SELECT count(*) FROM purchases p WHERE (SELECT count(*) FROM customers) > 0
         AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = p.customer_id))::BIGINT AS unknown`);
  return {
    project: project.dir,
    tables,
    dateMin: range?.lo ?? null,
    dateMax: range?.hi ?? null,
    imports,
    rejectsByReason,
    customersWithoutPurchases: orphans?.without ?? 0,
    purchasesOfUnknownCustomers: orphans?.unknown ?? 0,
  };
}
