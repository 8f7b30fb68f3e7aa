import { useState } from 'react';
import { recommendModelLabel, reportModels, sampledNegatives } from '../../../../shared/charts';
import type { RecommendRunReport } from '../../../../shared/recommend';
import type { RunInfo } from '../../../../shared/runs';
import { t, type Lang } from '../../i18n';
import { chainScope, clusterChoice } from './parts';

interface Props {
  runs: RunInfo[];
  /** The project's clusterings (to name the cluster a run learnt from). */
  clusterings: RunInfo[];
  /** The run whose report is shown (its row is marked). */
  openId: string | null;
  lang: Lang;
  onOpen: (runId: string) => void;
  onDelete: (runId: string) => void;
}

/** Past recommendation runs: open one's report, delete one (asked twice). */
export function RecommendRuns({ runs, clusterings, openId, lang, onOpen, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="card" data-testid="recommend-history">
      <h3>{t('recommend.pastRuns', lang)}</h3>
      <table className="grid" data-testid="recommend-runs">
        <thead>
          <tr>
            <th>{t('recommend.startedAt', lang)}</th>
            <th>{t('recommend.chain', lang)}</th>
            <th>N</th>
            <th>{t('recommend.models', lang)}</th>
            <th>{t('recommend.best', lang)} (HR@10)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const report = r.metrics as unknown as RecommendRunReport | null;
            const best = report?.models[report.best];
            return (
              <tr key={r.runId} data-run={r.runId} className={r.runId === openId ? 'selected' : undefined}>
                <td>{r.startedAt.replace('T', ' ')}</td>
                <td>{report ? [chainScope(report, lang), clusterChoice(report, clusterings, lang)].filter((x) => x !== null).join(' · ') : '–'}</td>
                <td className="num">{report ? (sampledNegatives(report) ?? '–') : '–'}</td>
                <td>{report ? reportModels(report).map(([m]) => recommendModelLabel(m, lang)).join(', ') : '–'}</td>
                <td>{report && best ? `${recommendModelLabel(report.best, lang)} ${best.sampled.hr[9]?.toFixed(3) ?? '–'}` : '–'}</td>
                <td>
                  <button onClick={() => onOpen(r.runId)} data-testid="recommend-run-open">
                    {t('recommend.open', lang)}
                  </button>{' '}
                  {confirming === r.runId ? (
                    <button
                      className="danger"
                      data-testid="recommend-run-delete-confirm"
                      onClick={() => {
                        setConfirming(null);
                        onDelete(r.runId);
                      }}
                    >
                      {t('recommend.deleteConfirm', lang)}
                    </button>
                  ) : (
                    <button onClick={() => setConfirming(r.runId)} data-testid="recommend-run-delete">
                      {t('recommend.delete', lang)}
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
