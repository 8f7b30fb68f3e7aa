import { basename } from 'node:path';
import { overviewFilterSchema, tierNames, type SegmentSummary } from '../../../shared/analytics';
import { AppError } from '../../../shared/errors';
import type { Lang } from '../../../shared/i18n';
import type { ChurnRunReport } from '../../../shared/models';
import type { ReadbackReport } from '../../../shared/readback';
import type { RecommendRunReport } from '../../../shared/recommend';
import type { ValidationReport } from '../../../shared/validation';
import { loadSegments, overview } from '../analytics';
import type { Sql } from '../db/database';
import { dataFingerprint, getRun, latestDoneRun, listRuns } from '../runs/runs';
import { listCounts } from './listCounts';
import { listSection, type ExportRunMetrics } from './listSection';
import { modelsSection } from './modelsSection';
import { overviewSection } from './overviewSection';
import { readbackSection } from './readbackSection';
import type { ReportContent } from './reportTypes';
import { rt } from './reportText';
import { segmentsSection } from './segmentsSection';
import { validationSection } from './validationSection';

export interface ContentOptions {
  /** The project folder (its name heads the report). */
  project: string;
  now?: Date;
}

/**
 * Everything the report shows, gathered from the project: the Overview's figures, the saved
 * segments, the latest finished churn, recommendation, validation, export and read-back runs. Each section
 * holds its charts (the pages' own option builders, with a one-line takeaway computed from the same
 * numbers) and tables; a part not made yet is a plain note, never a failure. Reads only; the caller
 * makes sure receipt_facts is up to date (the Overview reads it).
 */
export async function reportContent(db: Sql, lang: Lang, options: ContentOptions): Promise<ReportContent> {
  const data = await overview(db, overviewFilterSchema.parse({}));
  const segments = await savedSegments(db);
  const names = segments ? tierNames(segments.spec.tierNames, segments.tierCount, lang) : null;
  const validation = await latestMetrics<ValidationReport>(db, 'validation');
  const churn = await analystChurnRun(db);
  const recommend = await latestMetrics<RecommendRunReport>(db, 'recommend');
  const list = await latestMetrics<ExportRunMetrics>(db, 'export');
  const counts = list ? await listCounts(db, list, list.path) : null;
  const readback = await latestMetrics<ReadbackReport>(db, 'readback');
  return {
    lang,
    title: rt('title', lang),
    createdAt: (options.now ?? new Date()).toISOString(),
    project: options.project,
    projectName: basename(options.project),
    dataFingerprint: await dataFingerprint(db),
    period: data.kpis.window,
    sections: [
      overviewSection(data, lang),
      segmentsSection(segments, lang),
      modelsSection(churn, recommend, lang),
      validationSection(validation, lang),
      listSection(list, counts, names, lang),
      readbackSection(readback, lang),
    ],
  };
}

async function savedSegments(db: Sql): Promise<SegmentSummary | null> {
  try {
    return await loadSegments(db);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

async function latestMetrics<T>(db: Sql, kind: string): Promise<T | null> {
  const runId = await latestDoneRun(db, kind);
  if (!runId) return null;
  return ((await getRun(db, runId)).metrics as T | null) ?? null;
}

/**
 * The analyst's latest churn run: a validation trains a churn run of its own on the months before its
 * cut-off, which is not the model the campaign uses, so those are passed over.
 */
async function analystChurnRun(db: Sql): Promise<ChurnRunReport | null> {
  const forValidation = new Set(
    (await listRuns(db, 'validation')).map((r) => (r.metrics as Partial<ValidationReport> | null)?.churn?.trainRun).filter((id): id is string => typeof id === 'string'),
  );
  const run = (await listRuns(db, 'churn')).find((r) => r.status === 'done' && !forValidation.has(r.runId) && r.metrics);
  return (run?.metrics as ChurnRunReport | undefined) ?? null;
}
