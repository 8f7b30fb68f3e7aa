import type { ValidationReport } from '../shared/validation';

const f3 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v.toFixed(3));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(100 * v).toFixed(1)} %`);
const n = (v: number) => v.toLocaleString('en-US');

/** The three blocks of a validation run: repurchase table per chain, recommenders' lists, churn risk. */
export function formatValidation(report: ValidationReport): string {
  const lines = [
    `Validation run ${report.run.id}: learned from ${report.learn.from} – ${report.learn.to}, observed ${report.observe.from} – ${report.observe.to} (seed ${report.run.seed}; ${report.run.seconds.toFixed(1)} s)`,
    '',
    'Repurchase table (seed 001): pairs bought before the cut-off with preference score ≥ t, share bought again in the observed months (pairs)',
    `chain  ${report.repurchase.chains[0]?.rows.map((r) => `t≥${r.threshold.toFixed(1)}`.padStart(15)).join('') ?? ''}`,
  ];
  for (const c of report.repurchase.chains) {
    lines.push(`${c.chain.padEnd(6)} ${c.rows.map((r) => `${f3(r.share)} (${n(r.pairs)})`.padStart(15)).join('')}`);
  }
  const rec = report.recommend;
  lines.push(
    '',
    `Recommendations: each customer's top ${rec.k} new-to-you products as of ${report.learn.to}, checked on what they bought from ${report.observe.from} on`,
    `${n(rec.customers)} customers with a list; ${n(rec.buyers)} of them bought a product new to them (recall's customers)`,
    'model        hit rate  precision  recall   lift (hit)  lift (precision)  seconds',
  );
  for (const m of rec.models) {
    lines.push(
      `${m.model.padEnd(11)}  ${f3(m.hitRate).padStart(8)}  ${f3(m.precision).padStart(9)}  ${f3(m.recall).padStart(6)}   ${f3(m.lift).padStart(9)}  ${f3(m.precisionLift).padStart(16)}  ${m.seconds.toFixed(1).padStart(7)}`,
    );
  }
  const ch = report.churn;
  lines.push(
    '',
    `Churn: trained on ${ch.periods[0].from} – ${ch.periods[0].to} → ${ch.periods[1].from} – ${ch.periods[1].to} (run ${ch.trainRun}), scored on the buyers of ${ch.scored.from} – ${ch.scored.to}`,
    `${n(ch.customers)} customers; ${n(ch.churners)} (${pct(ch.customers ? ch.churners / ch.customers : null)}) bought nothing in the observed months`,
    'model      ROC-AUC  lift@10%  top 10 % reach  top 30 % reach',
  );
  for (const m of ch.models) {
    const d1 = m.deciles[0];
    const d3 = m.deciles[2];
    lines.push(`${m.model.padEnd(9)}  ${f3(m.rocAuc).padStart(7)}  ${f3(d1?.lift).padStart(8)}  ${pct(d1?.gain).padStart(14)}  ${pct(d3?.gain).padStart(14)}${m.model === ch.best ? '  ← best' : ''}`);
  }
  const best = ch.models.find((m) => m.model === ch.best);
  if (best?.deciles.length) {
    lines.push(`Contacting the top 10 % of customers by ${best.model} risk reaches ${pct(best.deciles[0].gain)} of the churners; the top 30 % reaches ${pct(best.deciles[2].gain)}.`);
  }
  return lines.join('\n');
}
