import { useState } from 'react';
import { modelLabel } from '../../../../shared/charts';
import type { ChurnRunReport } from '../../../../shared/models';
import { compareChurnRuns, COMPARED_SCORES, type ComparedScore } from '../../../../shared/runCompare';
import type { RunInfo } from '../../../../shared/runs';
import { t, type Lang } from '../../i18n';

interface Props {
  runs: RunInfo[];
  lang: Lang;
  onOpen: (runId: string) => void;
  onDelete: (runId: string) => Promise<void>;
}

const f3 = (v: number | null) => (v === null ? '–' : v.toFixed(3));
const signed = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(3)}`);
const SCORE_NAMES: Record<ComparedScore, string> = { rocAuc: 'ROC-AUC', prAuc: 'PR-AUC', accuracy: 'accuracy', macroF1: 'macro-F1', weightedF1: 'weighted-F1' };

/** Past churn runs: open one's report, tick two to compare them, delete one (asked twice). */
export function RunHistory({ runs, lang, onOpen, onDelete }: Props) {
  const [picked, setPicked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  const pair = picked.map((id) => runs.find((r) => r.runId === id)).filter((r): r is RunInfo => !!r);
  return (
    <div className="card" data-testid="churn-history">
      <h3>{t('churn.pastRuns', lang)}</h3>
      <table className="grid" data-testid="churn-runs">
        <thead>
          <tr>
            <th>{t('churn.compare', lang)}</th>
            <th>{t('churn.startedAt', lang)}</th>
            <th>{t('churn.label', lang)}</th>
            <th>{t('churn.seed', lang)}</th>
            <th>{t('churn.backend', lang)}</th>
            <th>{t('churn.best', lang)}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const report = r.metrics as unknown as ChurnRunReport | null;
            const best = report?.best ? report.models[report.best] : undefined;
            const score = best?.applies ? (report!.label === 'binary' ? best.rocAuc : best.macroF1) : null;
            return (
              <tr key={r.runId} data-run={r.runId}>
                <td>
                  <input type="checkbox" checked={picked.includes(r.runId)} onChange={() => toggle(r.runId)} aria-label={t('churn.compare', lang)} />
                </td>
                <td>{r.startedAt.replace('T', ' ')}</td>
                <td>{report ? t(report.label === 'binary' ? 'churn.binaryShort' : 'churn.transitionShort', lang) : '–'}</td>
                <td>{r.seed ?? '–'}</td>
                <td>{r.backend ?? '–'}</td>
                <td>{report?.best ? `${modelLabel(report.best, lang)} ${f3(score ?? null)}` : '–'}</td>
                <td>
                  <button onClick={() => onOpen(r.runId)} data-testid="run-open">
                    {t('churn.open', lang)}
                  </button>{' '}
                  {confirming === r.runId ? (
                    <button
                      className="danger"
                      data-testid="run-delete-confirm"
                      onClick={() => {
                        setConfirming(null);
                        setPicked((p) => p.filter((x) => x !== r.runId));
                        void onDelete(r.runId);
                      }}
                    >
                      {t('churn.deleteConfirm', lang)}
                    </button>
                  ) : (
                    <button onClick={() => setConfirming(r.runId)} data-testid="run-delete">
                      {t('churn.delete', lang)}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pair.length === 2 ? <Comparison a={pair[0]} b={pair[1]} lang={lang} /> : <p className="note">{t('churn.compareHelp', lang)}</p>}
    </div>
  );
}

function Comparison({ a, b, lang }: { a: RunInfo; b: RunInfo; lang: Lang }) {
  const c = compareChurnRuns(a, b);
  return (
    <div data-testid="churn-compare">
      <p className={c.sameTestCustomers ? 'note' : 'reason'}>{t(c.sameTestCustomers ? 'churn.sameTest' : 'churn.otherTest', lang)}</p>
      {c.differences.length > 0 && (
        <ul className="note">
          {c.differences.map((d) => (
            <li key={d.setting}>
              {t(`churn.setting.${d.setting}`, lang)}: A {d.a} · B {d.b}
            </li>
          ))}
        </ul>
      )}
      <table className="grid numbers">
        <thead>
          <tr>
            <th>{t('churn.model', lang)}</th>
            {COMPARED_SCORES.map((k) => (
              <th key={k}>{SCORE_NAMES[k]} A / B (B−A)</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.models.map((row) => (
            <tr key={row.model} data-model={row.model}>
              <th>{modelLabel(row.model, lang)}</th>
              {COMPARED_SCORES.map((k) => (
                <td key={k} className={row.delta[k] !== null && Math.abs(row.delta[k]!) >= 0.005 ? (row.delta[k]! > 0 ? 'up' : 'down') : ''}>
                  {f3(row.a[k])} / {f3(row.b[k])} ({signed(row.delta[k])})
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
