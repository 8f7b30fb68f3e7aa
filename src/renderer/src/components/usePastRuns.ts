import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RunInfo } from '../../../shared/runs';
import { workbench } from '../api/client';
import { pastRuns } from './pastRuns';

/**
 * A page's past runs of one kind: the finished runs of the open project (listed again when the
 * project changes), `refresh` after a new run, `open` a run's report (null on a failure, which goes
 * to onError), `remove` a run (false on a failure).
 */
export function usePastRuns<R>(project: string | null, kind: string, onError: (e: unknown) => void) {
  const core = useMemo(() => pastRuns(workbench, kind), [kind]);
  const [runs, setRuns] = useState<RunInfo[]>([]);
  const refresh = useCallback(async () => {
    if (!project) return;
    const list = await core.list(project);
    if (list) setRuns(list);
  }, [core, project]);
  useEffect(() => {
    setRuns([]);
    refresh().catch(onError);
    return () => core.cancel();
  }, [core, refresh, onError]);
  const open = useCallback(
    async (runId: string): Promise<R | null> => {
      if (!project) return null;
      try {
        return await core.report<R>(project, runId);
      } catch (e) {
        onError(e);
        return null;
      }
    },
    [core, project, onError],
  );
  const remove = useCallback(
    async (runId: string): Promise<boolean> => {
      if (!project) return false;
      try {
        const list = await core.remove(project, runId);
        if (list) setRuns(list);
        return true;
      } catch (e) {
        onError(e);
        return false;
      }
    },
    [core, project, onError],
  );
  return { runs, refresh, open, remove };
}
