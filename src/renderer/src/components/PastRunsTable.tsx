import { useState, type ReactNode } from 'react';
import type { RunInfo } from '../../../shared/runs';
import { t, type Lang, type StringKey } from '../i18n';

/** One column of the table: its heading and what a run's cell shows, given the run's report (null when it has none). */
export interface PastRunsColumn<R> {
  heading: ReactNode;
  /** The heading cell's class (e.g. 'num'). */
  headClassName?: string;
  /** The body cell's class (e.g. 'num', 'raw'). */
  className?: string;
  cell: (report: R | null, run: RunInfo) => ReactNode;
}

/** The words of the table, as keys of the word table. Without `open` the rows have no open button. */
export interface PastRunsStrings {
  title: StringKey;
  open?: StringKey;
  delete: StringKey;
  deleteConfirm: StringKey;
}

/** What a page hands its past-runs table: the runs, the open one, what opening and deleting do. */
export interface PastRunsProps {
  runs: RunInfo[];
  lang: Lang;
  /** The run whose report is shown (its row is marked). */
  openId?: string | null;
  onOpen?: (runId: string) => void;
  onDelete: (runId: string) => void | Promise<void>;
}

interface Props<R> extends PastRunsProps {
  columns: PastRunsColumn<R>[];
  strings: PastRunsStrings;
  /**
   * Prefix of the test ids: `${p}-history` (card), `${p}-runs` (table),
   * `${p}-run-open`, `${p}-run-delete`, `${p}-run-delete-confirm` (buttons).
   */
  testId: string;
  /** Extra data-* attributes of a run's row (beside data-run). */
  rowData?: (report: R | null, run: RunInfo) => Record<`data-${string}`, string>;
}

/** Past runs of one kind: a row per run with its report's figures, open one, delete one (asked twice). */
export function PastRunsTable<R>({ runs, columns, strings, testId, lang, openId, onOpen, onDelete, rowData }: Props<R>) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="card" data-testid={`${testId}-history`}>
      <h3>{t(strings.title, lang)}</h3>
      <table className="grid" data-testid={`${testId}-runs`}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} className={c.headClassName}>
                {c.heading}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const report = r.metrics as unknown as R | null;
            return (
              <tr key={r.runId} data-run={r.runId} {...rowData?.(report, r)} className={openId != null && r.runId === openId ? 'selected' : undefined}>
                {columns.map((c, i) => (
                  <td key={i} className={c.className}>
                    {c.cell(report, r)}
                  </td>
                ))}
                <td>
                  {onOpen && strings.open && (
                    <>
                      <button onClick={() => onOpen(r.runId)} data-testid={`${testId}-run-open`}>
                        {t(strings.open, lang)}
                      </button>{' '}
                    </>
                  )}
                  {confirming === r.runId ? (
                    <button
                      className="danger"
                      data-testid={`${testId}-run-delete-confirm`}
                      onClick={() => {
                        setConfirming(null);
                        void onDelete(r.runId);
                      }}
                    >
                      {t(strings.deleteConfirm, lang)}
                    </button>
                  ) : (
                    <button onClick={() => setConfirming(r.runId)} data-testid={`${testId}-run-delete`}>
                      {t(strings.delete, lang)}
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
