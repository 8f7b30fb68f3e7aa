import type { ClusterRunReport } from '../../../../shared/clusters';
import { badArgument } from '../../../../shared/errors';
import type { Sql } from '../../db/database';
import { finishedClusterRun } from './finishedRun';

/** The analyst's name for one cluster of a finished clustering run (both languages: it is their word). */
export async function renameCluster(db: Sql, runId: string, cluster: number, name: string): Promise<ClusterRunReport> {
  const { report } = await finishedClusterRun(db, runId);
  const profile = report.profiles.find((p) => p.cluster === cluster);
  if (!profile) throw badArgument(`Run ${runId} has clusters 0 to ${report.k - 1}; there is no cluster ${cluster}.`, ['cluster'], 'clusterMissing', { cluster, max: report.k - 1 });
  if (report.profiles.some((p) => p.cluster !== cluster && (p.name.ko === name || p.name.en === name))) {
    throw badArgument(`Another cluster of run ${runId} is already called "${name}".`, ['name'], 'clusterNameTaken', { name });
  }
  profile.name = { ko: name, en: name };
  await db.run(`UPDATE runs SET metrics = $2 WHERE run_id = $1`, [runId, JSON.stringify(report)]);
  // The filters read the current names.
  await db.run(`UPDATE customer_clusters SET name = $3 WHERE run_id = $1 AND cluster = $2`, [runId, cluster, name]);
  return report;
}
