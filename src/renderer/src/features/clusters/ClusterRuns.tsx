import { useState } from 'react';
import type { ClusterRunReport } from '../../../../shared/clusters';
import type { RunInfo } from '../../../../shared/runs';
import { t, type Lang } from '../../i18n';

interface Props {
  runs: RunInfo[];
  /** The run whose report is shown (its row is marked). */
  openId: string | null;
  lang: Lang;
  onOpen: (runId: string) => void;
  onDelete: (runId: string) => Promise<void>;
}

/** Past clustering runs: open one's report, delete one (asked twice). */
export function ClusterRuns({ runs, openId, lang, onOpen, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="card" data-testid="cluster-history">
      <h3>{t('clusters.pastRuns', lang)}</h3>
      <table className="grid" data-testid="cluster-runs">
        <thead>
          <tr>
            <th>{t('clusters.startedAt', lang)}</th>
            <th>{t('clusters.features', lang)}</th>
            <th>{t('clusters.k', lang)}</th>
            <th>{t('clusters.silhouette', lang)}</th>
            <th>{t('clusters.customers', lang)}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const report = r.metrics as unknown as ClusterRunReport | null;
            return (
              <tr key={r.runId} data-run={r.runId} className={r.runId === openId ? 'selected' : undefined}>
                <td>{r.startedAt.replace('T', ' ')}</td>
                <td>{report ? t(`clusters.features.${report.featureGroup}`, lang) : '–'}</td>
                <td className="num">{report?.k ?? '–'}</td>
                <td className="num">{report?.silhouette == null ? '–' : report.silhouette.toFixed(3)}</td>
                <td className="num">{report ? report.customers.toLocaleString('ko-KR') : '–'}</td>
                <td>
                  <button onClick={() => onOpen(r.runId)} data-testid="cluster-run-open">
                    {t('clusters.open', lang)}
                  </button>{' '}
                  {confirming === r.runId ? (
                    <button
                      className="danger"
                      data-testid="cluster-run-delete-confirm"
                      onClick={() => {
                        setConfirming(null);
                        void onDelete(r.runId);
                      }}
                    >
                      {t('clusters.deleteConfirm', lang)}
                    </button>
                  ) : (
                    <button onClick={() => setConfirming(r.runId)} data-testid="cluster-run-delete">
                      {t('clusters.delete', lang)}
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
