import { useMemo } from 'react';
import { buildRecommendCheckChart, buildRepurchaseChart } from '../../../../shared/charts';
import type { ValidationReport as Report } from '../../../../shared/validation';
import { Chart } from '../../components/Chart';
import { formatDate, formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';
import { ChurnBlock } from './ChurnBlock';
import { RecommendTable } from './RecommendTable';
import { RepurchaseTable } from './RepurchaseTable';

/** Series names of an option as handed to the chart (for the page's data attributes). */
const seriesNames = (option: { series?: unknown }) => (Array.isArray(option.series) ? option.series.map((s: { name?: string }) => s.name ?? '') : []);

/**
 * A validation run's report: the windows, then its three blocks — the repurchase table per chain
 * and its chart, the recommenders' lists against popularity, the churn risk against who went inactive.
 */
export function ValidationReport({ report, lang }: { report: Report; lang: Lang }) {
  const repurchase = useMemo(() => buildRepurchaseChart(report, lang), [report, lang]);
  const recommend = useMemo(() => buildRecommendCheckChart(report, lang), [report, lang]);
  const period = `${formatDate(report.learn.from, lang)} ~ ${formatDate(report.learn.to, lang)} → ${formatDate(report.observe.from, lang)} ~ ${formatDate(report.observe.to, lang)}`;
  const name = `validation-${report.run.id}`;
  const rec = report.recommend;
  return (
    <div data-testid="validation-report" data-run={report.run.id}>
      <div className="card">
        <h3>{t('validation.report', lang)}</h3>
        <p data-testid="validation-summary">
          {fill(t('validation.summary', lang), {
            learnFrom: formatDate(report.learn.from, lang),
            learnTo: formatDate(report.learn.to, lang),
            from: formatDate(report.observe.from, lang),
            to: formatDate(report.observe.to, lang),
            seed: report.run.seed,
            seconds: report.run.seconds.toFixed(1),
          })}
        </p>
      </div>
      <div className="card" data-testid="validation-repurchase">
        <h3>{t('validation.repurchase', lang)}</h3>
        <p className="note">{t('validation.repurchaseHelp', lang)}</p>
        <RepurchaseTable report={report} lang={lang} />
        <div className="chart-grid" data-testid="validation-repurchase-series" data-series={JSON.stringify(seriesNames(repurchase))}>
          <Chart period={period} option={repurchase} lang={lang} name={`${name}-repurchase`} testId="validation-repurchase-chart" />
        </div>
      </div>
      <div className="card" data-testid="validation-recommend">
        <h3>{t('validation.recommend', lang)}</h3>
        <p className="note">{fill(t('validation.recommendHelp', lang), { k: rec.k, customers: formatNumber(rec.customers, lang), buyers: formatNumber(rec.buyers, lang) })}</p>
        <RecommendTable report={report} lang={lang} />
        <div className="chart-grid" data-testid="validation-recommend-series" data-series={JSON.stringify(seriesNames(recommend))}>
          <Chart period={period} option={recommend} lang={lang} name={`${name}-recommend`} testId="validation-recommend-chart" />
        </div>
      </div>
      <ChurnBlock key={report.run.id} report={report} lang={lang} period={period} name={name} />
    </div>
  );
}
