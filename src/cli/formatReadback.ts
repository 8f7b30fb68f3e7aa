import type { ReadbackReport } from '../shared/readback';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(100 * v).toFixed(1)} %`);
const pts = (v: number) => `${v >= 0 ? '+' : ''}${(100 * v).toFixed(2)} pts`;
const num = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
const n = (v: number) => v.toLocaleString('en-US');

const NAMES: Record<string, string> = {
  bought: 'bought at all',
  receipts: 'receipts',
  amount: 'amount',
  boughtRecommended: 'bought a recommended product',
  boughtCategory: 'bought in a recommended category',
};

/** The read-back as marketing asks it: did the contacted buy more than the control, by how much, and is it more than chance? */
export function formatReadback(r: ReadbackReport): string {
  const g = r.groups;
  const lines = [
    `Read-back ${r.run.id} of ${r.list.file} (${n(r.list.rows)} listed; export ${r.list.exportRun}): contacts ${r.contacts.from} – ${r.contacts.to}, ${r.window.days}-day window to ${r.window.lastDay}`,
    `${n(g.treatment)} contacted (treatment), ${n(g.control)} control` +
      (g.notContacted ? `; ${n(g.notContacted)} listed for contact but not reached (left out)` : '') +
      (g.controlContacted ? `; ${n(g.controlContacted)} control customers contacted by mistake (left out)` : ''),
    '',
    'outcome                            treatment   control     uplift        95 % interval              p',
  ];
  for (const o of r.outcomes) {
    const f = o.kind === 'rate' ? pct : num;
    const u = o.kind === 'rate' ? pts(o.uplift) : num(o.uplift);
    const ci = o.kind === 'rate' ? `[${pts(o.ciLow)}, ${pts(o.ciHigh)}]` : `[${num(o.ciLow)}, ${num(o.ciHigh)}]`;
    lines.push(`${NAMES[o.outcome].padEnd(34)} ${f(o.treatment).padStart(9)}  ${f(o.control).padStart(9)}  ${u.padStart(12)}  ${ci.padStart(26)}  ${o.pValue === null ? '–' : o.pValue.toFixed(4)}${o.significant ? '  significant' : ''}`);
  }
  const bought = r.outcomes.find((o) => o.outcome === 'bought');
  if (bought && !bought.significant) {
    lines.push(
      '',
      `The difference in the purchase rate is not significant at 95 %${bought.required ? `: at these rates a conclusive test (80 % power) needs about ${n(bought.required.treatment)} contacted and ${n(bought.required.control)} control customers` : ''}.`,
    );
  }
  for (const s of r.segments) {
    lines.push('', `Purchase rate by ${s.by}:`);
    for (const row of s.rows) {
      const t = row.treatment.n ? row.treatment.bought / row.treatment.n : null;
      const c = row.control.n ? row.control.bought / row.control.n : null;
      lines.push(`  ${row.key.padEnd(14)} ${pct(t).padStart(8)} (${n(row.treatment.n)})  vs ${pct(c).padStart(8)} (${n(row.control.n)})  ${row.uplift === null ? '' : pts(row.uplift)}${row.significant ? '  significant' : ''}`);
    }
  }
  if (r.recommendedAmongBuyers.treatment !== null) {
    lines.push('', `Among the buyers, bought a product recommended to them: contacted ${pct(r.recommendedAmongBuyers.treatment)}, control ${pct(r.recommendedAmongBuyers.control)}`);
  }
  return lines.join('\n');
}
