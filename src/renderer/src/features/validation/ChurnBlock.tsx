import { useMemo, useState } from 'react';
import { buildGainsChart, modelLabel } from '../../../../shared/charts';
import type { ChurnModelName } from '../../../../shared/models';
import type { ValidationReport } from '../../../../shared/validation';
import { Chart } from '../../components/Chart';
import { formatDate, formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';

const f3 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));
const pct = (v: number | null | undefined, lang: Lang) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : `${new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(100 * v)}%`;

interface Props {
  report: ValidationReport;
  lang: Lang;
  /** The chart's period line and file name. */
  period: string;
  name: string;
}

/**
 * The churn check: ROC-AUC per model with the top deciles' lift and reach, one model's decile table
 * (the best by default), the cumulative gains of every model, and what contacting the top decile
 * of the best model's risk reaches.
 */
export function ChurnBlock({ report, lang, period, name }: Props) {
  const ch = report.churn;
  const [picked, setPicked] = useState<ChurnModelName | null>(null);
  const shown = ch.models.find((m) => m.model === picked) ?? ch.models.find((m) => m.model === ch.best) ?? ch.models[0];
  const best = ch.models.find((m) => m.model === ch.best) ?? null;
  const gains = useMemo(() => buildGainsChart(report, lang), [report, lang]);
  const range = (w: { from: string; to: string }) => `${formatDate(w.from, lang)} ~ ${formatDate(w.to, lang)}`;
  const top = best?.deciles[0];
  return (
    <div className="card" data-testid="validation-churn">
      <h3>{t('validation.churn', lang)}</h3>
      <p className="note">
        {fill(t('validation.churnHelp', lang), {
          p1: range(ch.periods[0]),
          p2: range(ch.periods[1]),
          scored: range(ch.scored),
          customers: formatNumber(ch.customers, lang),
          churners: formatNumber(ch.churners, lang),
          share: pct(ch.customers ? ch.churners / ch.customers : null, lang),
        })}
      </p>
      <table className="grid numbers" data-testid="validation-churn-models">
        <thead>
          <tr>
            <th>{t('validation.model', lang)}</th>
            <th>{t('validation.rocAuc', lang)}</th>
            <th>{t('validation.liftTop', lang)}</th>
            <th>{t('validation.gainTop', lang)}</th>
            <th>{t('validation.gainTop3', lang)}</th>
          </tr>
        </thead>
        <tbody>
          {ch.models.map((m) => (
            <tr key={m.model} data-model={m.model} className={m.model === ch.best ? 'selected' : undefined}>
              <th>
                {modelLabel(m.model, lang)}
                {m.model === ch.best ? ` ★ ${t('validation.best', lang)}` : ''}
              </th>
              <td data-metric="rocAuc">{f3(m.rocAuc)}</td>
              <td data-metric="lift">{m.deciles[0] ? m.deciles[0].lift.toFixed(2) : '–'}</td>
              <td data-metric="gain1">{pct(m.deciles[0]?.gain, lang)}</td>
              <td data-metric="gain3">{pct(m.deciles[2]?.gain, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {best && top && (
        <p data-testid="validation-reach">
          <strong>
            {fill(t('validation.reach', lang), { model: modelLabel(best.model, lang), n: formatNumber(top.customers, lang), share: pct(top.gain, lang) })}
          </strong>
        </p>
      )}
      {shown && (
        <>
          <div className="row">
            <label>
              {t('validation.decileOf', lang)}{' '}
              <select value={shown.model} onChange={(e) => setPicked(e.target.value as ChurnModelName)} data-testid="validation-decile-model">
                {ch.models.map((m) => (
                  <option key={m.model} value={m.model}>
                    {modelLabel(m.model, lang)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <table className="grid numbers" data-testid="validation-deciles" data-model={shown.model}>
            <thead>
              <tr>
                <th>{t('validation.decile', lang)}</th>
                <th>{t('validation.decileCustomers', lang)}</th>
                <th>{t('validation.churners', lang)}</th>
                <th>{t('validation.rate', lang)}</th>
                <th>{t('validation.decileLift', lang)}</th>
                <th>{t('validation.gain', lang)}</th>
              </tr>
            </thead>
            <tbody>
              {shown.deciles.map((d) => (
                <tr key={d.decile} data-decile={d.decile}>
                  <th>{d.decile}</th>
                  <td>{formatNumber(d.customers, lang)}</td>
                  <td>{formatNumber(d.churners, lang)}</td>
                  <td>{pct(d.rate, lang)}</td>
                  <td data-metric="lift">{d.lift.toFixed(2)}</td>
                  <td data-metric="gain">{pct(d.gain, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="chart-grid">
        <Chart period={period} option={gains} lang={lang} name={`${name}-gains`} testId="validation-gains-chart" />
      </div>
    </div>
  );
}
