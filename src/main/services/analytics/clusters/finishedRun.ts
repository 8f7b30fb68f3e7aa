import type { ClusterRunReport } from '../../../../shared/clusters';
import { keyedError } from '../../../../shared/errors';
import type { RunInfo } from '../../../../shared/runs';
import type { Sql } from '../../db/database';
import { getRun } from '../../runs/runs';

/** A finished clustering run and its report, or BAD_ARGUMENT naming the run. */
export async function finishedClusterRun(db: Sql, runId: string): Promise<{ run: RunInfo; report: ClusterRunReport }> {
  const run = await getRun(db, runId);
  if (run.kind !== 'clusters' || run.status !== 'done' || !run.metrics) {
    throw keyedError('BAD_ARGUMENT', `Run ${runId} is not a finished clustering run.`, 'notClusterRun', { run: runId });
  }
  return { run, report: run.metrics as unknown as ClusterRunReport };
}
