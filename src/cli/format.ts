import type { FileQuality, GenerateSummary, ImportReport, ProjectInfo } from '../shared/reports';

const nf = new Intl.NumberFormat('ko-KR');
const TRANSACTIONS = ['purchases', 'services', 'payments'];
const n = (v: number) => nf.format(v);

function reasons(byReason: Record<string, number | undefined>): string {
  const parts = Object.entries(byReason).map(([reason, count]) => `${reason} ${n(count ?? 0)}`);
  return parts.length ? parts.join(', ') : 'none';
}

export function formatQuality(q: FileQuality): string {
  return [
    `${q.file} (${q.kind}, import #${q.importId})`,
    `  rows read ${n(q.rowsRead)}, loaded ${n(q.rowsLoaded)}, rejected ${n(q.rowsRejected)} (${reasons(q.rejectsByReason)})`,
    q.linesUnaccounted
      ? `  WARNING: ${n(q.linesUnaccounted)} data lines are neither loaded nor rejected (a quoted field spanning lines or an unterminated quote)`
      : '',
    TRANSACTIONS.includes(q.kind)
      ? `  returns (amount <= 0, kept and flagged) ${n(q.returns)}; exact duplicate lines ${n(q.duplicates)}` +
        (q.duplicatesDropped ? `, dropped ${n(q.duplicatesDropped)}` : ' (kept)')
      : '',
    q.dateMin ? `  dates ${q.dateMin} .. ${q.dateMax}${q.dateFormat ? ` (read as ${q.dateFormat})` : ''}` : '',
    ...(q.dateWarnings ?? []).map((w) => `  WARNING, imported anyway: ${w}`),
    `  ${q.seconds.toFixed(2)} s`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function formatImport(r: ImportReport): string {
  const lines = r.files.map(formatQuality);
  if (r.missing.length) lines.push(`Not in the folder (not imported): ${r.missing.join(', ')}`);
  for (const s of r.skipped) lines.push(`Skipped ${s.file}: ${s.reason}`);
  return lines.join('\n');
}

export function formatInfo(info: ProjectInfo): string {
  const width = Math.max(...info.tables.map((t) => t.table.length));
  return [
    `Project ${info.project}`,
    ...info.tables.map((t) => `  ${t.table.padEnd(width)}  ${n(t.rows).padStart(12)}`),
    `Purchase dates: ${info.dateMin ?? '-'} .. ${info.dateMax ?? '-'}`,
    `Buyers ${n(info.buyers)}, receipts ${n(info.receipts)}, total amount ${n(Math.round(info.totalAmount))}`,
    `Customers without purchases: ${n(info.customersWithoutPurchases)}`,
    `Purchase lines of customers absent from the customer file: ${
      info.tables.find((t) => t.table === 'customers')?.rows ? n(info.purchasesOfUnknownCustomers) : 'n/a (no customer file imported)'
    }`,
    `Rejects per reason: ${reasons(info.rejectsByReason)}`,
    ...(info.imports.length ? ['Imports:', ...info.imports.map(formatQuality)] : ['No imports yet.']),
  ].join('\n');
}

export function formatGenerate(g: GenerateSummary): string {
  return [
    `Wrote ${g.out} (seed ${g.seed}, year ${g.year}, ${n(g.customers)} customers) in ${g.seconds.toFixed(1)} s`,
    ...g.files.map((f) => `  ${f.file.padEnd(32)} ${n(f.rows).padStart(12)} rows`),
    `  exact duplicate purchase lines ${n(g.duplicates)}; planted bad lines ${n(g.defects)}`,
  ].join('\n');
}
