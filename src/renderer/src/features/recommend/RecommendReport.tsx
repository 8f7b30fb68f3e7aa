import { useMemo } from 'react';
import { buildHitRateChart, buildNdcgChart, buildRecommendLossChart, buildTimeSplitChart, timeSplitChartHeight, lossCurvesOf, recommendModelLabel, sharePercent } from '../../../../shared/charts';
import type { RecommendRunReport } from '../../../../shared/recommend';
import type { RunInfo } from '../../../../shared/runs';
import { Chart } from '../../components/Chart';
import { formatDate, formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';
import { chainScope, clusterScope, partKind } from './parts';
import { PartsTable } from './PartsTable';
import { ScoreTable } from './ScoreTable';

/** Series names of an option as handed to the chart (for the page's data attributes). */
const seriesNames = (option: { series?: unknown }) => (Array.isArray(option.series) ? option.series.map((s: { name?: string }) => s.name ?? '') : []);

/**
 * A run's report: what it learnt from and under which rules, the models side by side, what the two
 * protocols mean, and the charts (HR@K and NDCG@K among 1 + N, the time split, the networks' loss).
 * A per-chain or per-cluster run says its headline figures are the parts' weighted means and shows
 * each part's own below; a run on a clustering's customers names the clustering and the cluster.
 */
export function RecommendReport({ report, lang, clusterings }: { report: RecommendRunReport; lang: Lang; clusterings: RunInfo[] }) {
  const period = `${formatDate(report.window.from, lang)} ~ ${formatDate(report.window.to, lang)}`;
  const hr = useMemo(() => buildHitRateChart(report, lang), [report, lang]);
  const ndcg = useMemo(() => buildNdcgChart(report, lang), [report, lang]);
  const time = useMemo(() => buildTimeSplitChart(report, lang), [report, lang]);
  const curves = useMemo(() => lossCurvesOf(report), [report]);
  const loss = useMemo(() => buildRecommendLossChart(curves, lang), [curves, lang]);
  const { rules } = report;
  const name = `recommend-${report.run.id}`;
  const parts = partKind(report);
  return (
    <div data-testid="recommend-report" data-run={report.run.id}>
      <div className="card">
        <h3>{t('recommend.report', lang)}</h3>
        <p data-testid="recommend-summary">
          {fill(t('recommend.reportLine', lang), {
            period,
            cutoff: formatDate(report.cutoff, lang),
            chain: [chainScope(report, lang), clusterScope(report, clusterings, lang)].filter((x) => x !== null).join(' · '),
            customers: formatNumber(report.data.customers, lang),
            products: formatNumber(report.data.products, lang),
            pairs: formatNumber(report.data.pairs, lang),
            k: report.k,
            seed: report.run.seed,
            seconds: report.run.seconds.toFixed(1),
          })}
        </p>
        <p className="note">
          {fill(t('recommend.rulesLine', lang), {
            newOnly: t(rules.newOnly ? 'recommend.newOnly' : 'recommend.allowRepurchase', lang),
            top: sharePercent(rules.excludeTopShare, lang),
            days: rules.excludeRecentDays,
            variety: rules.varietyPool > 0 ? fill(t('recommend.varietyOn', lang), { n: rules.varietyPool }) : t('recommend.varietyOff', lang),
          })}{' '}
          · {fill(t('recommend.saved', lang), { customers: formatNumber(report.saved.customers, lang), rows: formatNumber(report.saved.rows, lang) })} · {t('recommend.best', lang)}:{' '}
          {recommendModelLabel(report.best, lang)}
        </p>
        {parts && (
          <p className="note" data-testid="recommend-weighted">
            {t(`recommend.weighted.${parts}`, lang)}
          </p>
        )}
        <ScoreTable report={report} lang={lang} />
        <p className="note" data-testid="recommend-protocol-loo">
          {t('recommend.protocolLoo', lang)}
        </p>
        <p className="note" data-testid="recommend-protocol-time">
          {t('recommend.protocolTimeSplit', lang)}
        </p>
      </div>
      <PartsTable report={report} lang={lang} />
      <div className="chart-grid">
        <div data-testid="recommend-hr" data-series={JSON.stringify(seriesNames(hr))}>
          <Chart period={period} option={hr} lang={lang} name={`${name}-hr`} testId="recommend-hr-chart" />
        </div>
        <Chart period={period} option={ndcg} lang={lang} name={`${name}-ndcg`} testId="recommend-ndcg-chart" />
        <Chart period={period} option={time} lang={lang} name={`${name}-time-split`} testId="recommend-time-chart" height={timeSplitChartHeight(Object.keys(report.models).length)} />
        {curves.length > 0 && <Chart period={period} option={loss} lang={lang} name={`${name}-loss`} testId="recommend-loss-chart" />}
      </div>
    </div>
  );
}
