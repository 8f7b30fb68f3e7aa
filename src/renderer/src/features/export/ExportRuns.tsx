import type { ExportManifest } from '../../../../shared/export';
import { PastRunsTable, type PastRunsColumn, type PastRunsProps } from '../../components/PastRunsTable';
import { formatNumber } from '../../format';
import { t } from '../../i18n';

/** What an export run records: its manifest, with where the list and the manifest were written. */
type ExportRecord = ExportManifest & { path: string; manifestPath: string };

/** Exports do not open: a page passes the runs, the language and what deleting does. */
type Props = Omit<PastRunsProps, 'openId' | 'onOpen'>;

const encodingName = (m: ExportRecord) => (m.encoding === 'cp949' ? 'CP949' : m.encoding === 'utf8bom' ? 'UTF-8 BOM' : null);

/** Past exports (runs of kind 'export'): when, where, how many, the control group, the format; a record deletes (asked twice; the file stays). */
export function ExportRuns({ lang, ...table }: Props) {
  const columns: PastRunsColumn<ExportRecord>[] = [
    { heading: t('export.createdAt', lang), cell: (m, r) => (m?.createdAt ?? r.startedAt).replace('T', ' ').slice(0, 19) },
    { heading: t('export.path', lang), className: 'raw', cell: (m) => m?.path ?? '–' },
    { heading: t('export.rows', lang), headClassName: 'num', className: 'num', cell: (m) => (m ? formatNumber(m.rows, lang) : '–') },
    { heading: t('export.control', lang), headClassName: 'num', className: 'num', cell: (m) => (m ? formatNumber(m.control, lang) : '–') },
    { heading: t('export.format', lang), cell: (m) => (m ? [m.format.toUpperCase(), encodingName(m), m.lang].filter(Boolean).join(' · ') : '–') },
  ];
  return (
    <PastRunsTable
      {...table}
      lang={lang}
      columns={columns}
      strings={{ title: 'export.pastExports', delete: 'export.delete', deleteConfirm: 'export.deleteConfirm' }}
      testId="export"
      rowData={(m) => ({ 'data-path': m?.path ?? '' })}
    />
  );
}
