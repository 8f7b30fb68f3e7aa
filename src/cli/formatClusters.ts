import type { ClusterRunReport } from '../shared/clusters';
import { featureLabel } from '../shared/featureNames';

const f3 = (v: number | null) => (v === null ? '–' : v.toFixed(3));

/** The clustering as the analyst reads it: the scan, then one block per cluster with its top traits. */
export function formatClusters(report: ClusterRunReport, extra: { ari?: number; csv?: { path: string; rows: number } } = {}): string {
  const lines = [
    `Clustering run ${report.run.id} (${report.featureGroup} features, ${report.window.from} – ${report.window.to}; seed ${report.run.seed}; ${report.run.seconds.toFixed(1)} s)`,
    `${report.customers.toLocaleString('en-US')} customers in ${report.k} clusters; silhouette ${f3(report.silhouette)}` +
      (report.constantFeatures.length ? `; constant (ignored): ${report.constantFeatures.join(', ')}` : ''),
  ];
  if (report.scan.length) {
    lines.push('', '  k   inertia      silhouette');
    for (const r of report.scan) lines.push(`${String(r.k).padStart(3)}   ${r.inertia.toFixed(0).padStart(10)}   ${f3(r.silhouette).padStart(10)}${r.k === report.suggestedK ? '  ← suggested (best silhouette)' : ''}${r.k === report.elbowK ? '  ← elbow' : ''}`);
  }
  for (const p of report.profiles) {
    lines.push('', `Cluster ${p.cluster + 1}: ${p.name.en} / ${p.name.ko} — ${p.size.toLocaleString('en-US')} customers (${(100 * p.share).toFixed(1)} %)`);
    for (const t of p.traits) lines.push(`  ${t.z >= 0 ? '+' : '−'}${Math.abs(t.z).toFixed(2)} sd  ${featureLabel(t.feature, 'en')}: ${t.mean.toFixed(3)} vs ${t.overall.toFixed(3)}`);
  }
  if (extra.ari !== undefined) lines.push('', `Adjusted Rand index against the planted archetypes: ${extra.ari.toFixed(3)}`);
  if (extra.csv) lines.push('', `Wrote ${extra.csv.rows.toLocaleString('en-US')} customers to ${extra.csv.path}`);
  return lines.join('\n');
}
