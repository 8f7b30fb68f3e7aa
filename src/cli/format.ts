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
    q.noAmount ? '  no amounts: monetary is the number of lines (or the quantity: segment --monetary quantity)' : '',
    TRANSACTIONS.includes(q.kind) && !q.noAmount
      ? `  returns (negative amount, kept and flagged) ${n(q.returns)}` + (q.zeroAmount !== undefined ? `; zero-amount lines (kept) ${n(q.zeroAmount)}` : '')
      : '',
    TRANSACTIONS.includes(q.kind) ? duplicatesLine(q) : '',
    q.attributes?.length ? `  kept as named attributes: ${q.attributes.join(', ')}` : '',
    ...(q.derived ?? []).map(
      (d) =>
        `  ${d.table} taken from this file: ${n(d.rows)}` +
        (d.conflicts.length
          ? `; conflicting values (the most frequent kept): ${d.conflicts.map((c) => `${c.column} in ${n(c.keys)} ${d.table}`).join(', ')}`
          : ''),
    ),
    q.dateMin ? `  dates ${q.dateMin} .. ${q.dateMax}${q.dateFormat ? ` (read as ${q.dateFormat})` : ''}` : '',
    ...(q.dateWarnings ?? []).map((w) => `  WARNING, imported anyway: ${w}`),
    `  ${q.seconds.toFixed(2)} s`,
  ]
    .filter(Boolean)
    .join('\n');
}

function duplicatesLine(q: FileQuality): string {
  if (!q.duplicates) return '  exact duplicate lines 0';
  if (q.duplicatesDropped) {
    const amount = q.duplicatesAmountDropped !== undefined && !q.noAmount ? ` and an amount of ${n(q.duplicatesAmountDropped)}` : '';
    return `  exact duplicate lines ${n(q.duplicates)}: dropped ${n(q.duplicatesDropped)} lines${amount} (--drop-duplicates)`;
  }
  return `  exact duplicate lines ${n(q.duplicates)}, kept: they may be real (the same item twice in a basket); --drop-duplicates removes them`;
}

export function formatImport(r: ImportReport): string {
  const lines = r.files.map(formatQuality);
  if (r.currency) {
    lines.push(
      r.currency.detected
        ? `Amounts in ${r.currency.code} (read from the amount cells; set "currency" in the mapping file to choose another)`
        : `Amounts in ${r.currency.code}`,
    );
  }
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
    `Buyers ${n(info.buyers)}, receipts ${n(info.receipts)}, ` +
      (info.amounts === 'none' ? 'no amounts (monetary is lines or quantity)' : `total amount ${n(info.totalAmount)} ${info.currency}${info.amounts === 'some' ? ' (some lines have no amount)' : ''}`),
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
