import { recommendModelLabel, reportModels, sampledNegatives } from '../../../../shared/charts';
import type { RecommendRunReport } from '../../../../shared/recommend';
import type { RunInfo } from '../../../../shared/runs';
import { PastRunsTable, type PastRunsColumn, type PastRunsProps } from '../../components/PastRunsTable';
import { t } from '../../i18n';
import { chainScope, clusterChoice } from './parts';

interface Props extends Required<PastRunsProps> {
  /** The project's clusterings (to name the cluster a run learnt from). */
  clusterings: RunInfo[];
}

/** Past recommendation runs: open one's report, delete one (asked twice). */
export function RecommendRuns({ clusterings, lang, ...table }: Props) {
  const columns: PastRunsColumn<RecommendRunReport>[] = [
    { heading: t('recommend.startedAt', lang), cell: (_, r) => r.startedAt.replace('T', ' ') },
    {
      heading: t('recommend.chain', lang),
      cell: (report) => (report ? [chainScope(report, lang), clusterChoice(report, clusterings, lang)].filter((x) => x !== null).join(' · ') : '–'),
    },
    { heading: 'N', className: 'num', cell: (report) => (report ? (sampledNegatives(report) ?? '–') : '–') },
    { heading: t('recommend.models', lang), cell: (report) => (report ? reportModels(report).map(([m]) => recommendModelLabel(m, lang)).join(', ') : '–') },
    {
      heading: `${t('recommend.best', lang)} (HR@10)`,
      cell: (report) => {
        const best = report?.models[report.best];
        return report && best ? `${recommendModelLabel(report.best, lang)} ${best.sampled.hr[9]?.toFixed(3) ?? '–'}` : '–';
      },
    },
  ];
  return (
    <PastRunsTable
      {...table}
      lang={lang}
      columns={columns}
      strings={{ title: 'recommend.pastRuns', open: 'recommend.open', delete: 'recommend.delete', deleteConfirm: 'recommend.deleteConfirm' }}
      testId="recommend"
    />
  );
}
