import type { TargetListPreview } from '../shared/export';

const n = (v: number) => v.toLocaleString('en-US');

/** The list before it is written: how many, the control group per risk decile, the first rows. */
export function formatExportPreview(p: TargetListPreview): string {
  const lines = [
    `${n(p.customers)} customers selected; ${n(p.control)} in the control group (${p.customers ? ((100 * p.control) / p.customers).toFixed(1) : '0'} %)`,
    `Sources: segments of ${p.sources.segmentsComputedAt}` +
      (p.sources.churn ? `; churn risk ${p.sources.churn.model} (run ${p.sources.churn.runId}, ${p.sources.churn.window.from} – ${p.sources.churn.window.to})` : '; no churn scores') +
      (p.sources.recommend ? `; top ${p.sources.recommend.k} of ${p.sources.recommend.model} (run ${p.sources.recommend.runId})` : '; no recommendations') +
      (p.sources.clusters ? `; clusters of run ${p.sources.clusters.runId}` : ''),
    '',
    'risk decile  customers  control',
    ...p.strata.map((s) => `${String(s.decile ?? '–').padStart(11)}  ${n(s.customers).padStart(9)}  ${n(s.control).padStart(7)}`),
    '',
    p.header.join(' | '),
    ...p.rows.slice(0, 5).map((r) => r.map((v) => (v === null ? '' : String(v))).join(' | ')),
  ];
  return lines.join('\n');
}
