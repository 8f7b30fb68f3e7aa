import { useState } from 'react';
import { checkedModels, modelLabel, recommendModelLabel } from '../../../../shared/charts';
import type { RunInfo } from '../../../../shared/runs';
import type { ValidationReport } from '../../../../shared/validation';
import { formatDate } from '../../format';
import { t, type Lang } from '../../i18n';

interface Props {
  runs: RunInfo[];
  /** The run whose report is shown (its row is marked). */
  openId: string | null;
  lang: Lang;
  onOpen: (runId: string) => void;
  onDelete: (runId: string) => void;
}

/** Past validation runs: open one's report, delete one (asked twice). */
export function ValidationRuns({ runs, openId, lang, onOpen, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="card" data-testid="validation-history">
      <h3>{t('validation.pastRuns', lang)}</h3>
      <table className="grid" data-testid="validation-runs">
        <thead>
          <tr>
            <th>{t('validation.startedAt', lang)}</th>
            <th>{t('validation.window', lang)}</th>
            <th>{t('validation.bestHit', lang)}</th>
            <th>{t('validation.bestAuc', lang)}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const report = r.metrics as unknown as ValidationReport | null;
            const hit = report ? checkedModels(report).reduce<ReturnType<typeof checkedModels>[number] | null>((b, m) => (!b || m.hitRate > b.hitRate ? m : b), null) : null;
            const auc = report?.churn.models.find((m) => m.model === report.churn.best);
            return (
              <tr key={r.runId} data-run={r.runId} className={r.runId === openId ? 'selected' : undefined}>
                <td>{r.startedAt.replace('T', ' ').slice(0, 19)}</td>
                <td>
                  {report
                    ? `${formatDate(report.learn.from, lang)} ~ ${formatDate(report.learn.to, lang)} / ${formatDate(report.observe.from, lang)} ~ ${formatDate(report.observe.to, lang)}`
                    : '–'}
                </td>
                <td>{hit ? `${recommendModelLabel(hit.model, lang)} ${hit.hitRate.toFixed(3)}` : '–'}</td>
                <td>{auc ? `${modelLabel(auc.model, lang)} ${auc.rocAuc?.toFixed(3) ?? '–'}` : '–'}</td>
                <td>
                  <button onClick={() => onOpen(r.runId)} data-testid="validation-run-open">
                    {t('validation.open', lang)}
                  </button>{' '}
                  {confirming === r.runId ? (
                    <button
                      className="danger"
                      data-testid="validation-run-delete-confirm"
                      onClick={() => {
                        setConfirming(null);
                        onDelete(r.runId);
                      }}
                    >
                      {t('validation.deleteConfirm', lang)}
                    </button>
                  ) : (
                    <button onClick={() => setConfirming(r.runId)} data-testid="validation-run-delete">
                      {t('validation.delete', lang)}
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
