import { useMemo } from 'react';
import { buildClusterMapChart, buildClusterScanChart, buildClusterTierChart, clusterTierChartHeight } from '../../../../shared/charts';
import type { ClusterRunReport } from '../../../../shared/clusters';
import { featureLabel } from '../../../../shared/featureNames';
import { Chart } from '../../components/Chart';
import { formatDate } from '../../format';
import { fill, t, type Lang } from '../../i18n';
import { ClusterProfiles } from './ClusterProfiles';

interface Props {
  report: ClusterRunReport;
  lang: Lang;
  onRename: (cluster: number, name: string) => Promise<boolean>;
}

/** A clustering run's report: the summary line, the k scan, the map, a card per cluster, clusters × tiers. */
export function ClusterReport({ report, lang, onRename }: Props) {
  const period = `${formatDate(report.window.from, lang)} ~ ${formatDate(report.window.to, lang)}`;
  const scan = useMemo(() => buildClusterScanChart(report.scan, { suggestedK: report.suggestedK, elbowK: report.elbowK, chosenK: report.k }, lang), [report, lang]);
  const map = useMemo(() => buildClusterMapChart(report.map, report.profiles, lang), [report, lang]);
  const tiers = useMemo(() => buildClusterTierChart(report.tierCross, report.profiles, lang), [report, lang]);
  return (
    <div data-testid="cluster-report" data-run={report.run.id}>
      <div className="card">
        <h3>{t('clusters.report', lang)}</h3>
        <p data-testid="cluster-summary">
          {fill(t('clusters.summary', lang), {
            period,
            customers: report.customers.toLocaleString('ko-KR'),
            k: report.k,
            silhouette: report.silhouette === null ? '–' : report.silhouette.toFixed(3),
            seconds: report.run.seconds.toFixed(1),
            seed: report.run.seed,
          })}
        </p>
        {report.constantFeatures.length > 0 && (
          <p className="note">{fill(t('clusters.constant', lang), { features: report.constantFeatures.map((f) => featureLabel(f, lang)).join(', ') })}</p>
        )}
        <p className="note" data-testid="cluster-assign-note">
          {t('clusters.assignNote', lang)}
        </p>
      </div>
      <div className="chart-grid">
        <Chart period={period} option={scan} lang={lang} name={`clusters-${report.run.id}-scan`} testId="cluster-scan" />
        <Chart period={period} option={map} lang={lang} name={`clusters-${report.run.id}-map`} testId="cluster-map" height={420} />
      </div>
      <ClusterProfiles report={report} lang={lang} period={period} onRename={onRename} />
      <div className="chart-grid">
        <Chart period={period} option={tiers} lang={lang} name={`clusters-${report.run.id}-tiers`} testId="cluster-tiers" height={clusterTierChartHeight(report.tierCross.counts.length)} />
      </div>
    </div>
  );
}
