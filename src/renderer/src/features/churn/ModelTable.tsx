import { modelLabel } from '../../../../shared/charts';
import type { ChurnModelName, ChurnRunReport } from '../../../../shared/models';
import { t, type Lang } from '../../i18n';

const f3 = (v: number | null) => (v === null ? '–' : v.toFixed(3));

/** The models side by side on the same test customers (the seed's comparison table); a click picks the model the charts below show. */
export function ModelTable({ report, focus, onFocus, lang }: { report: ChurnRunReport; focus: ChurnModelName | null; onFocus: (m: ChurnModelName) => void; lang: Lang }) {
  const rows = Object.entries(report.models) as [ChurnModelName, NonNullable<ChurnRunReport['models'][ChurnModelName]>][];
  return (
    <table className="grid numbers" data-testid="churn-models">
      <thead>
        <tr>
          <th>{t('churn.model', lang)}</th>
          <th>ROC-AUC</th>
          <th>PR-AUC</th>
          <th>{t('churn.accuracy', lang)}</th>
          <th>macro-F1</th>
          <th>weighted-F1</th>
          <th>{t('churn.seconds', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, r]) => (
          <tr key={name} data-model={name} className={`${name === focus ? 'selected' : ''}${r.applies ? ' cell' : ''}`} onClick={() => r.applies && onFocus(name)}>
            <th>
              {modelLabel(name, lang)}
              {name === report.best ? ` ★ ${t('churn.best', lang)}` : ''}
            </th>
            {r.applies ? (
              <>
                <td>{f3(r.rocAuc)}</td>
                <td>{f3(r.prAuc)}</td>
                <td>{f3(r.accuracy)}</td>
                <td>{f3(r.macroF1)}</td>
                <td>{f3(r.weightedF1)}</td>
                <td>{r.seconds.toFixed(1)}</td>
              </>
            ) : (
              <td colSpan={6} className="reason">
                {t('churn.notApplicable', lang)}: {name === 'bgnbd' ? t('churn.bgnbdOnlyBinary', lang) : r.reason}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
