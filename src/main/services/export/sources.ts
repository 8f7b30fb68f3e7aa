import { keyedError } from '../../../shared/errors';
import type { ExportSources, TargetListArgs } from '../../../shared/export';
import type { RecommendRunReport } from '../../../shared/recommend';
import type { Sql } from '../db/database';
import { savedSegmentSpec } from '../analytics/segments';
import { getRun, latestDoneRun } from '../runs/runs';

/**
 * The runs a target list is built from: the saved segments (required), the latest churn scoring (or
 * the asked run's), the latest recommendation run (or the asked one) and its best model, the latest
 * clustering. A filter that needs a source the project lacks is refused with what to do first.
 */
export async function exportSources(db: Sql, args: TargetListArgs): Promise<ExportSources & { recommendWindow: { from: string; to: string } | null; recommendChains: boolean }> {
  const hasSegments = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'segments'`);
  if (!hasSegments?.n) throw keyedError('BAD_ARGUMENT', 'No segments computed yet: compute the RFM segments first (Segments page or `workbench segment`).', 'exportNoSegments');
  const { computedAt } = await savedSegmentSpec(db);

  const scoring = await db.one<{ run_id: string; model: string; from: string; to: string }>(
    `SELECT run_id, model, strftime(window_from, '%Y-%m-%d') AS "from", strftime(window_to, '%Y-%m-%d') AS "to"
     FROM churn_scores ${args.churnRun ? 'WHERE run_id = $1' : ''} ORDER BY scored_at DESC, run_id LIMIT 1`,
    args.churnRun ? [args.churnRun] : [],
  );
  if (!scoring && (args.churnRun || args.minRisk !== undefined || args.topN !== undefined)) {
    throw keyedError(
      'BAD_ARGUMENT',
      args.churnRun ? `Run ${args.churnRun} has no churn scores: score it first (Churn page or \`workbench score churn\`).` : 'No churn scores yet: train and score a churn model first (Churn page or `workbench score churn`).',
      'exportNoChurnScores',
      { run: args.churnRun ?? '' },
    );
  }

  const wantsLists = args.columns.includes('recommendations') || args.recommend.runId !== undefined;
  const recommendRun = args.recommend.runId ?? (wantsLists ? await latestDoneRun(db, 'recommend') : null);
  let recommend: ExportSources['recommend'] = null;
  let recommendWindow: { from: string; to: string } | null = null;
  let recommendChains = false;
  if (recommendRun) {
    const run = await getRun(db, recommendRun);
    if (run.kind !== 'recommend' || run.status !== 'done') throw keyedError('BAD_ARGUMENT', `Run ${recommendRun} is not a finished recommendation run.`, 'exportNotRecommendRun', { run: recommendRun });
    const report = run.metrics as unknown as RecommendRunReport;
    const model = args.recommend.model ?? report.best;
    if (!report.models[model]) {
      throw keyedError('BAD_ARGUMENT', `Run ${recommendRun} did not train ${model} (it trained ${Object.keys(report.models).join(', ')}).`, 'runMissingModel', {
        run: recommendRun,
        model,
        trained: Object.keys(report.models).join(', '),
      });
    }
    recommend = { runId: recommendRun, model, k: Math.min(args.recommend.k, report.k) };
    recommendWindow = report.window;
    recommendChains = report.chainMode !== 'pooled';
  }

  const clusterRun = args.clusters?.runId ?? (args.clusters || args.columns.includes('cluster') ? await latestDoneRun(db, 'clusters') : null);
  if (args.clusters && !clusterRun) throw keyedError('BAD_ARGUMENT', 'No clustering yet: run the customer clusters first (Clusters page or `workbench cluster`).', 'exportNoClusters');
  return {
    segmentsComputedAt: computedAt,
    churn: scoring ? { runId: scoring.run_id, model: scoring.model, window: { from: scoring.from, to: scoring.to } } : null,
    recommend,
    clusters: clusterRun ? { runId: clusterRun } : null,
    recommendWindow,
    recommendChains,
  };
}
