import { featureLabel } from '../shared/featureNames';
import type { ClassificationReport, ClassScores } from '../shared/metrics';
import type { BgnbdFitResult, ChurnRunReport, FeatureImportanceSummary } from '../shared/models';

const n4 = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(1) : v.toPrecision(4));

/** BG/NBD parameters as the papers print them. */
export function formatBgnbd(fit: BgnbdFitResult): string {
  return [
    `BG/NBD on repeat purchase days up to ${fit.calibrationEnd} (${fit.customers.toLocaleString('en-US')} customers, time in ${fit.unit}s)`,
    `  r = ${n4(fit.r)}   alpha = ${n4(fit.alpha)}   a = ${n4(fit.a)}   b = ${n4(fit.b)}`,
    `  log-likelihood = ${fit.logLikelihood.toFixed(2)}`,
  ].join('\n');
}

const f3 = (v: number | null) => (v === null ? '  –  ' : v.toFixed(3));

/** The churn run as the seed's comparison table: one line per model, test customers only. */
export function formatChurn(report: ChurnRunReport): string {
  const [p1, p2] = report.periods;
  const lines = [
    `Churn run ${report.run.id} (${report.label}${report.population === 'lastTier' ? ', last tier only' : ''}; features ${p1.from} – ${p1.to}, labels ${p2.from} – ${p2.to}; seed ${report.run.seed}; ${report.run.seconds.toFixed(1)} s, ${report.run.backend})`,
    `Customers: train ${report.train.customers}, validation ${report.valid.customers}, test ${report.test.customers}` +
      (report.test.positives !== undefined ? ` (${report.test.positives} churned)` : ''),
    '',
    'model        ROC-AUC  PR-AUC  accuracy  macro-F1  weighted-F1  seconds',
  ];
  for (const [name, r] of Object.entries(report.models)) {
    if (!r) continue;
    if (!r.applies) lines.push(`${name.padEnd(12)} ${r.reason}`);
    else lines.push(`${name.padEnd(12)} ${f3(r.rocAuc).padStart(7)}  ${f3(r.prAuc).padStart(6)}  ${f3(r.accuracy).padStart(8)}  ${f3(r.macroF1).padStart(8)}  ${f3(r.weightedF1).padStart(11)}  ${r.seconds.toFixed(1).padStart(7)}`);
  }
  if (report.best) {
    lines.push('', `Best on the test customers: ${report.best}`);
    const best = report.models[report.best];
    const classReport = best?.applies ? (best.details.report as ClassificationReport | undefined) : undefined;
    if (classReport) lines.push('', ...formatClassReport(classReport, report.classLabels?.en ?? report.classes));
    const importance = best?.applies ? (best.details.importance as FeatureImportanceSummary | null | undefined) : null;
    if (importance) {
      lines.push(`Its most important features (drop in ${importance.metric} when shuffled, ${importance.repeats} shuffles, ${importance.rows} test customers):`);
      for (const f of importance.features.slice(0, 8)) lines.push(`  ${f.mean.toFixed(4).padStart(8)} ± ${f.std.toFixed(4)}  ${f.feature} (${featureLabel(f.feature, 'en')})`);
    }
  }
  return lines.join('\n');
}

/** scikit-learn's classification_report layout: per class, accuracy, macro and weighted averages. */
export function formatClassReport(report: ClassificationReport, classes: readonly string[]): string[] {
  const width = Math.max(12, ...classes.map((c) => c.length)) + 2;
  const row = (name: string, s: ClassScores) =>
    `${name.padStart(width)}  ${s.precision.toFixed(2).padStart(9)}  ${s.recall.toFixed(2).padStart(6)}  ${s.f1.toFixed(2).padStart(8)}  ${String(s.support).padStart(7)}`;
  return [
    `${''.padStart(width)}  precision  recall  f1-score  support`,
    ...report.perClass.map((s, c) => row(classes[c] ?? String(c), s)),
    '',
    `${'accuracy'.padStart(width)}  ${''.padStart(9)}  ${''.padStart(6)}  ${report.accuracy.toFixed(2).padStart(8)}  ${String(report.weighted.support).padStart(7)}`,
    row('macro avg', report.macro),
    row('weighted avg', report.weighted),
  ];
}
