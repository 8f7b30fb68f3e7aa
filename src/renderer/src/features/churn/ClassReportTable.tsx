import { modelLabel } from '../../../../shared/charts';
import type { ClassificationReport, ClassScores } from '../../../../shared/metrics';
import type { ChurnModelName } from '../../../../shared/models';
import { fill, t, type Lang } from '../../i18n';

const f2 = (v: number) => v.toFixed(2);

/** The seed's classification report for one model on the test customers: per class, then the averages. */
export function ClassReportTable({ report, classes, model, lang }: { report: ClassificationReport; classes: readonly string[]; model: ChurnModelName; lang: Lang }) {
  const total = report.weighted.support;
  const row = (name: string, s: ClassScores, className = '') => (
    <tr key={name} className={className}>
      <th>{name}</th>
      <td>{f2(s.precision)}</td>
      <td>{f2(s.recall)}</td>
      <td>{f2(s.f1)}</td>
      <td>{s.support.toLocaleString('ko-KR')}</td>
    </tr>
  );
  return (
    <div className="card" data-testid="churn-class-report">
      <h3>{fill(t('churn.classReport', lang), { model: modelLabel(model, lang) })}</h3>
      <table className="grid numbers">
        <thead>
          <tr>
            <th>{t('churn.class', lang)}</th>
            <th>{t('churn.precision', lang)}</th>
            <th>{t('churn.recall', lang)}</th>
            <th>F1</th>
            <th>{t('churn.support', lang)}</th>
          </tr>
        </thead>
        <tbody>
          {report.perClass.map((s, c) => row(classes[c] ?? String(c), s))}
          <tr className="total">
            <th>{t('churn.accuracy', lang)}</th>
            <td />
            <td />
            <td>{f2(report.accuracy)}</td>
            <td>{total.toLocaleString('ko-KR')}</td>
          </tr>
          {row(t('churn.macroAvg', lang), report.macro, 'total')}
          {row(t('churn.weightedAvg', lang), report.weighted, 'total')}
        </tbody>
      </table>
    </div>
  );
}
