import { checkedModels, modelLabel, recommendModelLabel } from '../../../../shared/charts';
import type { ValidationReport } from '../../../../shared/validation';
import { PastRunsTable, type PastRunsColumn, type PastRunsProps } from '../../components/PastRunsTable';
import { formatDate } from '../../format';
import { t } from '../../i18n';

type Props = Required<PastRunsProps>;

type Checked = ReturnType<typeof checkedModels>[number];

/** Past validation runs: open one's report, delete one (asked twice). */
export function ValidationRuns({ lang, ...table }: Props) {
  const columns: PastRunsColumn<ValidationReport>[] = [
    { heading: t('validation.startedAt', lang), cell: (_, r) => r.startedAt.replace('T', ' ').slice(0, 19) },
    {
      heading: t('validation.window', lang),
      cell: (report) =>
        report
          ? `${formatDate(report.learn.from, lang)} ~ ${formatDate(report.learn.to, lang)} / ${formatDate(report.observe.from, lang)} ~ ${formatDate(report.observe.to, lang)}`
          : '–',
    },
    {
      heading: t('validation.bestHit', lang),
      cell: (report) => {
        const hit = report ? checkedModels(report).reduce<Checked | null>((b, m) => (!b || m.hitRate > b.hitRate ? m : b), null) : null;
        return hit ? `${recommendModelLabel(hit.model, lang)} ${hit.hitRate.toFixed(3)}` : '–';
      },
    },
    {
      heading: t('validation.bestAuc', lang),
      cell: (report) => {
        const auc = report?.churn.models.find((m) => m.model === report.churn.best);
        return auc ? `${modelLabel(auc.model, lang)} ${auc.rocAuc?.toFixed(3) ?? '–'}` : '–';
      },
    },
  ];
  return (
    <PastRunsTable
      {...table}
      lang={lang}
      columns={columns}
      strings={{ title: 'validation.pastRuns', open: 'validation.open', delete: 'validation.delete', deleteConfirm: 'validation.deleteConfirm' }}
      testId="validation"
    />
  );
}
