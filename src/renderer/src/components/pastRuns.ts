import type { WorkbenchApi } from '../../../shared/api';
import type { RunInfo } from '../../../shared/runs';
import { latestOnly } from '../api/latest';

/** What the past-runs list needs of the client (the real one, or a fake in a unit test). */
export type RunsClient = { runs: Pick<WorkbenchApi['runs'], 'list' | 'get' | 'delete'> };

/**
 * The past runs of one kind (churn, clusters, recommend…), without React: `list` answers a
 * project's finished runs — or null when a newer list was asked for meanwhile (another project
 * opened), so an old answer never replaces a newer one; `report` a run's report (its metrics);
 * `remove` deletes a run and answers the list after it.
 */
export function pastRuns(client: RunsClient, kind: string) {
  const listing = latestOnly((_signal: AbortSignal, project: string) => client.runs.list({ project, kind }));
  const list = async (project: string): Promise<RunInfo[] | null> => {
    const answer = await listing(project);
    return answer.stale ? null : answer.value.filter((r) => r.status === 'done');
  };
  return {
    list,
    async report<R>(project: string, runId: string): Promise<R> {
      return (await client.runs.get({ project, runId })).metrics as unknown as R;
    },
    async remove(project: string, runId: string): Promise<RunInfo[] | null> {
      await client.runs.delete({ project, runId });
      return list(project);
    },
    /** Drops a list still on its way (the page went away). */
    cancel: () => listing.cancel(),
  };
}
