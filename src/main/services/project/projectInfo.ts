import type { FileQuality, ProjectInfo, RejectReason } from '../../../shared/reports';
import { receiptFactsState } from '../analytics/receiptFacts';
import { RECEIPT_KEY } from '../analytics/sqlParams';
import type { Project } from './projectStore';
import { amountCoverage, projectCurrency } from './projectSettings';
import { roundAmount } from '../../../shared/money';
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
  // Over receipt_facts (a third of the lines, one row per receipt) when it is up to date: the
  // same counts, about four times faster on a full-scale project.
  const facts = (await receiptFactsState(db)).fresh;
  const perCustomer = facts
    ? 'SELECT customer_id, sum(lines)::BIGINT AS n FROM receipt_facts GROUP BY 1'
    : 'SELECT customer_id, count(*)::BIGINT AS n FROM purchases GROUP BY 1';
  const orphans = await db.one<{ without: number; unknown: number }>(`
    WITH buyers AS (${perCustomer}), known AS (SELECT DISTINCT customer_id FROM customers)
    SELECT
      (SELECT count(*) FROM known k ANTI JOIN buyers b USING (customer_id))::BIGINT AS without,
      (SELECT CASE WHEN (SELECT count(*) FROM known) = 0 THEN 0 ELSE coalesce(sum(b.n), 0) END
         FROM buyers b ANTI JOIN known k USING (customer_id))::BIGINT AS unknown`);
  const totals = await db.one<{ buyers: number; receipts: number; amount: number | null }>(
    facts
      ? 'SELECT count(DISTINCT customer_id)::BIGINT AS buyers, count(*)::BIGINT AS receipts, sum(amount)::DOUBLE AS amount FROM receipt_facts'
      : `SELECT count(DISTINCT customer_id)::BIGINT AS buyers, count(DISTINCT (customer_id, ${RECEIPT_KEY}))::BIGINT AS receipts, sum(amount)::DOUBLE AS amount FROM purchases`,
  );
  const currency = await projectCurrency(db);
  return {
    project: project.dir,
    buyers: totals?.buyers ?? 0,
    receipts: totals?.receipts ?? 0,
    totalAmount: roundAmount(totals?.amount ?? 0, currency),
    currency,
    amounts: await amountCoverage(db),
    tables,
    dateMin: range?.lo ?? null,
    dateMax: range?.hi ?? null,
    imports,
    rejectsByReason,
    customersWithoutPurchases: orphans?.without ?? 0,
    purchasesOfUnknownCustomers: orphans?.unknown ?? 0,
  };
}
