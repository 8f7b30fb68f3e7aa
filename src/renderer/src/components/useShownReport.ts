import { useCallback, useEffect, useState } from 'react';

interface PastRunsLike<R> {
  open(runId: string): Promise<R | null>;
  remove(runId: string): Promise<boolean>;
}

/**
 * The report a page shows beside its past runs: cleared when the project changes, `reopen` shows a
 * past run's, `remove` deletes a run and clears the report when it was that run's.
 */
export function useShownReport<R extends { run: { id: string } }>(project: string | null, past: PastRunsLike<R>) {
  const [report, setReport] = useState<R | null>(null);
  useEffect(() => setReport(null), [project]);
  const { open, remove: removeRun } = past;
  const reopen = useCallback(
    async (runId: string) => {
      const r = await open(runId);
      if (r) setReport(r);
    },
    [open],
  );
  const remove = useCallback(
    async (runId: string) => {
      if (await removeRun(runId)) setReport((shown) => (shown?.run.id === runId ? null : shown));
    },
    [removeRun],
  );
  return { report, setReport, reopen, remove };
}
