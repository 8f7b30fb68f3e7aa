import { pointsText } from '../../../../shared/charts';
import type { ReadbackReport } from '../../../../shared/readback';
import { PastRunsTable, type PastRunsColumn, type PastRunsProps } from '../../components/PastRunsTable';
import { t } from '../../i18n';

type Props = Required<PastRunsProps>;

/** Past read-backs: open one's report, delete one (asked twice). */
export function ReadbackRuns({ lang, ...table }: Props) {
  const columns: PastRunsColumn<ReadbackReport>[] = [
    { heading: t('readback.startedAt', lang), cell: (_, r) => r.startedAt.replace('T', ' ').slice(0, 19) },
    { heading: t('readback.listFile', lang), className: 'raw', cell: (report) => report?.list.file ?? '–' },
    { heading: t('readback.window', lang), cell: (report) => (report ? report.window.days : '–') },
    {
      heading: t('readback.boughtUplift', lang),
      cell: (report) => {
        const bought = report?.outcomes.find((o) => o.outcome === 'bought');
        return bought ? `${pointsText(bought.uplift, lang)}${bought.significant ? ' *' : ''}` : '–';
      },
    },
  ];
  return (
    <PastRunsTable
      {...table}
      lang={lang}
      columns={columns}
      strings={{ title: 'readback.pastRuns', open: 'readback.open', delete: 'readback.delete', deleteConfirm: 'readback.deleteConfirm' }}
      testId="readback"
    />
  );
}
