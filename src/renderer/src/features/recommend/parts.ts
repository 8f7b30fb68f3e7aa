import { describeIssue } from '../../../../shared/issueText';
import { chainLabel, reportModels } from '../../../../shared/charts';
import type { ClusterRunReport } from '../../../../shared/clusters';
import type { RecommendModelName, RecommendRunReport } from '../../../../shared/recommend';
import type { RunInfo } from '../../../../shared/runs';
import { fill, t, type Lang } from '../../i18n';

/** A clustering a run can learn from: its run and its clusters (number, name in the page's language, size). */
export interface Clustering {
  runId: string;
  startedAt: string;
  clusters: { id: number; name: string; customers: number }[];
}

/** A finished clustering run as the settings offer it (null: not a finished clustering with clusters). */
export function clusteringOf(run: RunInfo, lang: Lang): Clustering | null {
  const report = run.metrics as unknown as Partial<ClusterRunReport> | null;
  if (run.status !== 'done' || !report?.profiles?.length) return null;
  return { runId: run.runId, startedAt: run.startedAt, clusters: report.profiles.map((p) => ({ id: p.cluster, name: p.name[lang], customers: p.size })) };
}

/** The newest finished clustering (runs newest first, as runs.list answers): the one the service defaults to. */
export function latestClustering(runs: readonly RunInfo[], lang: Lang): Clustering | null {
  const latest = runs.find((r) => r.status === 'done');
  return latest ? clusteringOf(latest, lang) : null;
}

/** What the run's models learnt from, by chain: all chains, one chain, or one of the per-chain modes. */
export function chainScope(report: Pick<RecommendRunReport, 'chain' | 'chainMode'>, lang: Lang): string {
  if (report.chainMode === 'perChain') return t('recommend.chainPerChain', lang);
  if (report.chainMode === 'ownChain') return t('recommend.chainOwn', lang);
  return report.chain ? chainLabel(report.chain, lang) : t('recommend.chainAll', lang);
}

/**
 * The clusters a run learnt from: the one cluster (its name from the clustering when still listed,
 * else its number) or "a model per cluster"; null for a run on all customers.
 */
export function clusterChoice(report: Pick<RecommendRunReport, 'clusters'>, clusterings: readonly RunInfo[], lang: Lang): string | null {
  if (!report.clusters) return null;
  const { runId, cluster } = report.clusters;
  if (cluster === null) return t('recommend.clusterPerCluster', lang);
  const info = clusterings.find((r) => r.runId === runId);
  const named = info ? clusteringOf(info, lang)?.clusters.find((c) => c.id === cluster) : undefined;
  return named?.name ?? fill(t('recommend.clusterNumbered', lang), { id: cluster });
}

/** The clustering a run learnt from, for its summary: the clustering's run (and start, when still listed) and clusterChoice; null without. */
export function clusterScope(report: Pick<RecommendRunReport, 'clusters'>, clusterings: readonly RunInfo[], lang: Lang): string | null {
  const choice = clusterChoice(report, clusterings, lang);
  if (!report.clusters || choice === null) return null;
  const { runId } = report.clusters;
  const info = clusterings.find((r) => r.runId === runId);
  return fill(t('recommend.clusterScope', lang), { run: info ? `${runId} (${info.startedAt.replace('T', ' ')})` : runId, cluster: choice });
}

/** One model's figures in one part: HR@10 among 1 + N and the customers it evaluated, the time split's recall. */
export interface PartCell {
  model: RecommendModelName;
  hr10: number | null;
  evaluated: number;
  recall: number | null;
  best: boolean;
}

/** One row of the per-part table: a chain's or a cluster's own models. */
export interface PartRow {
  key: string;
  label: string;
  customers: number;
  best: RecommendModelName;
  cells: (PartCell | null)[];
}

/** Whether the parts of a run are chains or clusters (null: a run of one model scope). */
export const partKind = (report: Pick<RecommendRunReport, 'chains' | 'clusters'>): 'chains' | 'clusters' | null =>
  report.chains ? (report.clusters ? 'clusters' : 'chains') : null;

const finite = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);

/**
 * The per-part table of a per-chain or per-cluster run: one row per part in the report's order,
 * named by its cluster or its chain; a cell per model of the run (null where the part lacks it).
 */
export function partRows(report: Pick<RecommendRunReport, 'chains' | 'models'>, lang: Lang): PartRow[] {
  const models = reportModels(report).map(([m]) => m);
  return (report.chains ?? []).map((part) => ({
    key: part.cluster ? `cluster-${part.cluster.id}` : `chain-${part.chain}`,
    label: part.cluster ? part.cluster.name : part.chain ? chainLabel(part.chain, lang) : t('recommend.chainAll', lang),
    customers: part.data.customers,
    best: part.best,
    cells: models.map((model) => {
      const r = part.models[model];
      return r ? { model, hr10: finite(r.sampled.hr[9]), evaluated: r.sampled.users, recall: finite(r.timeSplit.recall), best: model === part.best } : null;
    }),
  }));
}

/** The parts the run could not train, named like the table's rows (a per-cluster run names them by cluster already). */
export function skippedParts(report: Pick<RecommendRunReport, 'skippedChains' | 'clusters'>, lang: Lang): { label: string; reason: string }[] {
  return (report.skippedChains ?? []).map((s) => ({
    label: report.clusters || !s.chain ? s.chain || t('recommend.chainAll', lang) : chainLabel(s.chain, lang),
    // Worded in the page's language where the run kept the issue; older runs have the English sentence only.
    reason: s.issue ? describeIssue(s.issue, lang) : s.reason,
  }));
}
