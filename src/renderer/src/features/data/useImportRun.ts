import { useState } from 'react';
import type { ImportReport } from '../../../../shared/reports';

/**
 * Runs one import from a panel: busy while it runs, a one-line summary of what loaded when it
 * ends, the page refreshed after, and any failure (cancel included) handed to the error banner.
 * `start` is a job (api/jobs.ts runJob): the server issues its id and the tray shows its progress.
 */
export function useImportRun(onDone: () => Promise<void>, onError: (e: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const run = async (start: () => Promise<ImportReport>) => {
    setBusy(true);
    setDone(null);
    try {
      const report = await start();
      setDone(report.files.map((f) => `${f.file}: ${f.rowsLoaded.toLocaleString('ko-KR')}`).join(', '));
      await onDone();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, done, run };
}
