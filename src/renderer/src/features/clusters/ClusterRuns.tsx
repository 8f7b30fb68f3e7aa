import type { ClusterRunReport } from '../../../../shared/clusters';
import { PastRunsTable, type PastRunsColumn, type PastRunsProps } from '../../components/PastRunsTable';
import { t } from '../../i18n';

type Props = Required<PastRunsProps>;

/** Past clustering runs: open one's report, delete one (asked twice). */
export function ClusterRuns({ lang, ...table }: Props) {
  const columns: PastRunsColumn<ClusterRunReport>[] = [
    { heading: t('clusters.startedAt', lang), cell: (_, r) => r.startedAt.replace('T', ' ') },
    { heading: t('clusters.features', lang), cell: (report) => (report ? t(`clusters.features.${report.featureGroup}`, lang) : '–') },
    { heading: t('clusters.k', lang), className: 'num', cell: (report) => report?.k ?? '–' },
    { heading: t('clusters.silhouette', lang), className: 'num', cell: (report) => (report?.silhouette == null ? '–' : report.silhouette.toFixed(3)) },
    { heading: t('clusters.customers', lang), className: 'num', cell: (report) => (report ? report.customers.toLocaleString('ko-KR') : '–') },
  ];
  return (
    <PastRunsTable
      {...table}
      lang={lang}
      columns={columns}
      strings={{ title: 'clusters.pastRuns', open: 'clusters.open', delete: 'clusters.delete', deleteConfirm: 'clusters.deleteConfirm' }}
      testId="cluster"
    />
  );
}
