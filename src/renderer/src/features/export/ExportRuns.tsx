import { useState } from 'react';
import type { ExportManifest } from '../../../../shared/export';
import type { RunInfo } from '../../../../shared/runs';
import { formatNumber } from '../../format';
import { t, type Lang } from '../../i18n';

/** What an export run records: its manifest, with where the list and the manifest were written. */
type ExportRecord = ExportManifest & { path: string; manifestPath: string };

interface Props {
  runs: RunInfo[];
  lang: Lang;
  onDelete: (runId: string) => void;
}

/** Past exports (runs of kind 'export'): when, where, how many, the control group, the format; a record deletes (asked twice; the file stays). */
export function ExportRuns({ runs, lang, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="card" data-testid="export-history">
      <h3>{t('export.pastExports', lang)}</h3>
      <table className="grid" data-testid="export-runs">
        <thead>
          <tr>
            <th>{t('export.createdAt', lang)}</th>
            <th>{t('export.path', lang)}</th>
            <th className="num">{t('export.rows', lang)}</th>
            <th className="num">{t('export.control', lang)}</th>
            <th>{t('export.format', lang)}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const m = r.metrics as unknown as ExportRecord | null;
            return (
              <tr key={r.runId} data-run={r.runId} data-path={m?.path ?? ''}>
                <td>{(m?.createdAt ?? r.startedAt).replace('T', ' ').slice(0, 19)}</td>
                <td className="raw">{m?.path ?? '–'}</td>
                <td className="num">{m ? formatNumber(m.rows, lang) : '–'}</td>
                <td className="num">{m ? formatNumber(m.control, lang) : '–'}</td>
                <td>{m ? [m.format.toUpperCase(), m.encoding === 'cp949' ? 'CP949' : m.encoding === 'utf8bom' ? 'UTF-8 BOM' : null, m.lang].filter(Boolean).join(' · ') : '–'}</td>
                <td>
                  {confirming === r.runId ? (
                    <button
                      className="danger"
                      data-testid="export-run-delete-confirm"
                      onClick={() => {
                        setConfirming(null);
                        onDelete(r.runId);
                      }}
                    >
                      {t('export.deleteConfirm', lang)}
                    </button>
                  ) : (
                    <button onClick={() => setConfirming(r.runId)} data-testid="export-run-delete">
                      {t('export.delete', lang)}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
