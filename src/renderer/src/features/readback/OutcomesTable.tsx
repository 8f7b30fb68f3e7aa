import { formatValue, money, outcomeLabel, pointsText } from '../../../../shared/charts';
import type { ReadbackOutcome, ReadbackReport } from '../../../../shared/readback';
import { formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';

/** An outcome's figure: rates in %, receipts with two decimals, amounts in the project's currency. */
function figure(o: ReadbackOutcome, v: number, lang: Lang, currency: string, signed = false): string {
  if (o.kind === 'rate') return signed ? pointsText(v, lang) : formatValue(100 * v, 'percent', lang);
  const sign = signed && v > 0 ? '+' : '';
  return o.outcome === 'amount' ? sign + formatValue(v, money(currency), lang) : sign + formatValue(v, 'plain', lang);
}

const pText = (p: number | null) => (p === null || !Number.isFinite(p) ? '–' : p < 0.0001 ? '< 0.0001' : p.toFixed(4));

/**
 * Each outcome, contacted against control: the two figures, the uplift (rates in points), its 95 %
 * interval, p and the verdict; under it, when the purchase rate's difference is not significant, how
 * many customers a conclusive test would need at these rates.
 */
export function OutcomesTable({ report, lang, currency }: { report: ReadbackReport; lang: Lang; currency: string }) {
  const bought = report.outcomes.find((o) => o.outcome === 'bought');
  return (
    <>
      <div className="scroll">
        <table className="grid numbers" data-testid="readback-outcomes">
          <thead>
            <tr>
              <th>{t('readback.outcome', lang)}</th>
              <th>{t('readback.treatment', lang)}</th>
              <th>{t('readback.control', lang)}</th>
              <th>{t('readback.uplift', lang)}</th>
              <th>{t('readback.interval', lang)}</th>
              <th>{t('readback.p', lang)}</th>
              <th>{t('readback.significant', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {report.outcomes.map((o) => (
              <tr key={o.outcome} data-outcome={o.outcome} data-significant={o.significant}>
                <th>{outcomeLabel(o.outcome, lang)}</th>
                <td data-metric="treatment">{figure(o, o.treatment, lang, currency)}</td>
                <td data-metric="control">{figure(o, o.control, lang, currency)}</td>
                <td data-metric="uplift">{figure(o, o.uplift, lang, currency, true)}</td>
                <td data-metric="interval">{`${figure(o, o.ciLow, lang, currency, true)} ~ ${figure(o, o.ciHigh, lang, currency, true)}`}</td>
                <td data-metric="p">{pText(o.pValue)}</td>
                <td data-metric="significant">{o.significant ? t('readback.yes', lang) : t('readback.no', lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {bought && !bought.significant && (
        <p className="notice" data-testid="readback-not-significant">
          {bought.required
            ? fill(t('readback.required', lang), { treatment: formatNumber(bought.required.treatment, lang), control: formatNumber(bought.required.control, lang) })
            : t('readback.notSignificant', lang)}
        </p>
      )}
    </>
  );
}
