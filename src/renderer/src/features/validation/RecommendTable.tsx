import { checkedModels, recommendModelLabel } from '../../../../shared/charts';
import type { ValidationReport } from '../../../../shared/validation';
import { formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';

const f3 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));
const times = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : `×${v.toFixed(2)}`);

/** A row per recommender (popularity first): hit rate, precision@K, recall@K, the lifts over popularity, customers. */
export function RecommendTable({ report, lang }: { report: ValidationReport; lang: Lang }) {
  const k = report.recommend.k;
  const models = checkedModels(report);
  const best = models.reduce<(typeof models)[number] | null>((b, m) => (!b || m.hitRate > b.hitRate ? m : b), null);
  return (
    <table className="grid numbers" data-testid="validation-recommend-table">
      <thead>
        <tr>
          <th>{t('validation.model', lang)}</th>
          <th>{t('validation.hitRate', lang)}</th>
          <th>{fill(t('validation.precision', lang), { k })}</th>
          <th>{fill(t('validation.recall', lang), { k })}</th>
          <th>{t('validation.lift', lang)}</th>
          <th>{t('validation.precisionLift', lang)}</th>
          <th>{t('validation.customers', lang)}</th>
          <th>{t('validation.hitCustomers', lang)}</th>
          <th>{t('validation.seconds', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.model} data-model={m.model} className={m === best ? 'selected' : undefined}>
            <th>
              {recommendModelLabel(m.model, lang)}
              {m === best ? ` ★ ${t('validation.best', lang)}` : ''}
            </th>
            <td data-metric="hitRate">{f3(m.hitRate)}</td>
            <td data-metric="precision">{f3(m.precision)}</td>
            <td data-metric="recall">{f3(m.recall)}</td>
            <td data-metric="lift">{m.model === 'popularity' ? '–' : times(m.lift)}</td>
            <td data-metric="precisionLift">{m.model === 'popularity' ? '–' : times(m.precisionLift)}</td>
            <td data-metric="customers">{formatNumber(m.customers, lang)}</td>
            <td data-metric="hitCustomers">{formatNumber(m.hitCustomers, lang)}</td>
            <td data-metric="seconds">{m.seconds.toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
