import { useState } from 'react';
import { REJECT_REASONS, type ProjectInfo, type RejectPage, type RejectReason } from '../../../../shared/reports';
import { workbench } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatNumber } from '../../format';
import { REASON_LABELS, t, type Lang } from '../../i18n';
import { ExportedFile } from '../../components/ExportedFile';

const PAGE = 20;

/** Rejected rows, paged, filtered by reason, exportable as CSV (UTF-8 with BOM). */
export function RejectsViewer({ lang, project, info, onError }: { lang: Lang; project: string; info: ProjectInfo; onError: (e: unknown) => void }) {
  const [reason, setReason] = useState<RejectReason | ''>('');
  const [offset, setOffset] = useState(0);
  const [saved, setSaved] = useState<{ path: string; rows: number } | null>(null);
  // Asked again when the project's info changes (an import); a quick filter or page change never shows an older page.
  const { data: page = null } = useQuery(
    { project, reason, offset, rejects: info.rejectsByReason, imports: info.imports.length },
    (a): Promise<RejectPage> => workbench.data.rejects({ project: a.project, reason: a.reason || undefined, offset: a.offset, limit: PAGE }),
    { onError },
  );

  const exportCsv = async () => {
    try {
      const written = await workbench.data.exportRejects({ project, reason: reason || undefined, lang });
      setSaved(written);
    } catch (e) {
      onError(e);
    }
  };
  const present = REJECT_REASONS.filter((r) => info.rejectsByReason[r]);
  return (
    <div className="card" data-testid="rejects">
      <h3>{t('rejects.title', lang)}</h3>
      <div className="row">
        <select value={reason} onChange={(e) => { setReason(e.target.value as RejectReason | ''); setOffset(0); }} data-testid="reject-reason">
          <option value="">{t('rejects.all', lang)}</option>
          {present.map((r) => (
            <option key={r} value={r}>
              {REASON_LABELS[r][lang]} ({formatNumber(info.rejectsByReason[r] ?? 0, lang)})
            </option>
          ))}
        </select>
        <button onClick={() => void exportCsv()}>{t('rejects.export', lang)}</button>
        {saved && <ExportedFile project={project} written={saved} lang={lang} savedText="rejects.exportedRows" />}
      </div>
      {page && page.total === 0 ? (
        <p>{t('rejects.empty', lang)}</p>
      ) : (
        page && (
          <>
            <table className="grid">
              <thead>
                <tr>
                  <th>{t('quality.file', lang)}</th>
                  <th>{t('rejects.line', lang)}</th>
                  <th>{t('rejects.reason', lang)}</th>
                  <th>{t('rejects.detail', lang)}</th>
                  <th>{t('rejects.raw', lang)}</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r, i) => (
                  <tr key={`${r.importId}-${r.line}-${i}`}>
                    <td>{r.file}</td>
                    <td className="num">{r.line === null ? '–' : formatNumber(r.line, lang)}</td>
                    <td>{REASON_LABELS[r.reason][lang]}</td>
                    <td>{r.detail}</td>
                    <td className="raw">{r.raw}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="row">
              <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('rejects.prev', lang)}</button>
              <span>
                {formatNumber(offset + 1, lang)}–{formatNumber(Math.min(offset + PAGE, page.total), lang)} / {formatNumber(page.total, lang)}
              </span>
              <button disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>{t('rejects.next', lang)}</button>
            </div>
          </>
        )
      )}
    </div>
  );
}
