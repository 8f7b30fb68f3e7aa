import { useState } from 'react';
import { pointsText } from '../../../../shared/charts';
import type { ReadbackReport } from '../../../../shared/readback';
import type { RunInfo } from '../../../../shared/runs';
import { t, type Lang } from '../../i18n';

interface Props {
  runs: RunInfo[];
  /** The run whose report is shown (its row is marked). */
  openId: string | null;
  lang: Lang;
  onOpen: (runId: string) => void;
  onDelete: (runId: string) => void;
}

/** Past read-backs: open one's report, delete one (asked twice). */
export function ReadbackRuns({ runs, openId, lang, onOpen, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="card" data-testid="readback-history">
      <h3>{t('readback.pastRuns', lang)}</h3>
      <table className="grid" data-testid="readback-runs">
        <thead>
          <tr>
            <th>{t('readback.startedAt', lang)}</th>
            <th>{t('readback.listFile', lang)}</th>
            <th>{t('readback.window', lang)}</th>
            <th>{t('readback.boughtUplift', lang)}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const report = r.metrics as unknown as ReadbackReport | null;
            const bought = report?.outcomes.find((o) => o.outcome === 'bought');
            return (
              <tr key={r.runId} data-run={r.runId} className={r.runId === openId ? 'selected' : undefined}>
                <td>{r.startedAt.replace('T', ' ').slice(0, 19)}</td>
                <td className="raw">{report?.list.file ?? '–'}</td>
                <td>{report ? report.window.days : '–'}</td>
                <td>{bought ? `${pointsText(bought.uplift, lang)}${bought.significant ? ' *' : ''}` : '–'}</td>
                <td>
                  <button onClick={() => onOpen(r.runId)} data-testid="readback-run-open">
                    {t('readback.open', lang)}
                  </button>{' '}
                  {confirming === r.runId ? (
                    <button
                      className="danger"
                      data-testid="readback-run-delete-confirm"
                      onClick={() => {
                        setConfirming(null);
                        onDelete(r.runId);
                      }}
                    >
                      {t('readback.deleteConfirm', lang)}
                    </button>
                  ) : (
                    <button onClick={() => setConfirming(r.runId)} data-testid="readback-run-delete">
                      {t('readback.delete', lang)}
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
