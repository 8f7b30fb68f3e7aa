import { clusterNameSchema, clusterRunSchema, type ClusterRunReport } from './clusters';
import { recommendListsSchema, recommendTrainSchema, type RecommendListPage, type RecommendRunReport } from './recommend';
import { z } from 'zod';
import {
  dateWindowSchema,
  type CustomerAttributeInfo,
  overviewFilterSchema,
  segmentSelectorSchema,
  segmentSpecSchema,
  type Overview,
  type SegmentProfile,
  type SegmentSummary,
} from './analytics';
import { delimiterSchema, ENCODINGS, importMapSchema, type ImportMap } from './mapping';
import { REJECT_REASONS, type CalibrationFact, type DateColumnCheck, type FilePreview, type GenerateSummary, type ImportReport, type ProjectInfo, type RejectPage } from './reports';

export interface SavedMapping {
  name: string;
  map: ImportMap;
  savedAt: string;
}
import { MIN_MEMORY_LIMIT_MB, TRAINING_BACKENDS, type Settings } from './settings';
import { currencySchema } from './money';
import type { WireError } from './errors';
import type { RunInfo } from './runs';
import { exportWriteSchema, targetListSchema, type ExportResult, type TargetListPreview } from './export';
import { campaignSimulateSchema, type CampaignSimulateResult } from './campaignSimulation';
import { readbackSchema, type ReadbackReport } from './readback';
import { validationSchema, type ValidationReport } from './validation';
import { bgnbdFitSchema, churnScoreSchema, churnTrainSchema, type BgnbdFitResult, type ChurnRunReport, type ChurnScoreSummary } from './models';

/**
 * The one contract every transport serves: method → argument schema → result type,
 * event → payload. A capability is one entry here, one service method and one line in
 * the handler table (src/main/handlers.ts); the preload and the renderer types follow.
 */

/** A phantom carrying the result type of a method; never called at run time. */
function returns<T>(): T {
  return undefined as T;
}

const projectDir = z.string().trim().min(1, 'project folder is required');
/** The methods that are long work: run as jobs, startable with jobs.start. */
export const JOB_METHODS = ['data.importLpoint', 'data.importMapped', 'data.generateSample', 'project.openSample', 'models.trainChurn', 'models.trainRecommend', 'clusters.run', 'validation.run', 'export.write'] as const;
export type JobMethod = (typeof JOB_METHODS)[number];

/** Refuse an import whose files load nothing or reject more than this share of their rows (0..1); absent: no limit. */
const maxRejectShare = z.number().min(0, 'the reject share is 0 to 1').max(1, 'the reject share is 0 to 1').optional();

/** A file name without folders (the report's HTML and deck go in the folder named beside it). */
const reportFileName = z.string().trim().min(1).max(200).regex(/^[^/\\]+$/, 'a file name without folders').refine((n) => n !== '.' && n !== '..', 'a file name without folders');

const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'job id: letters, digits, - and _ only').optional();

export const contract = {
  'project.create': { args: z.object({ project: projectDir }), result: returns<ProjectInfo>() },
  'project.open': { args: z.object({ project: projectDir }), result: returns<ProjectInfo>() },
  'project.close': { args: z.object({ project: projectDir }), result: returns<{ closed: boolean }>() },
  'project.info': { args: z.object({ project: projectDir }), result: returns<ProjectInfo>() },
  /** The customer fields and named attributes with values (the most common ones): what a customer filter can use. */
  'data.customerAttributes': { args: z.object({ project: projectDir }), result: returns<CustomerAttributeInfo[]>() },
  /** The currency the project's amounts are in (ISO 4217): every label, CSV header and axis names it. */
  'project.setCurrency': { args: z.object({ project: projectDir, currency: currencySchema }), result: returns<ProjectInfo>() },
  'data.importLpoint': {
    args: z.object({
      project: projectDir,
      folder: z.string().trim().min(1, 'folder with the L.POINT files is required'),
      dropDuplicates: z.boolean().default(false),
      replace: z.boolean().default(false),
      maxRejectShare,
      /** New data: dates the project has are refused, or replaced with replaceDates (which implies append). */
      append: z.boolean().optional(),
      replaceDates: z.boolean().optional(),
      jobId,
    }),
    result: returns<ImportReport>(),
  },
  'data.previewFile': {
    args: z.object({
      file: z.string().trim().min(1, 'file is required'),
      encoding: z.enum(['auto', ...ENCODINGS]).default('auto'),
      delimiter: delimiterSchema.optional(),
    }),
    result: returns<FilePreview>(),
  },
  'data.importMapped': {
    args: importMapSchema.extend({
      project: projectDir,
      dropDuplicates: z.boolean().default(false),
      replace: z.boolean().default(false),
      saveAs: z.string().trim().min(1).max(80).optional(),
      maxRejectShare,
      /** New data: dates the project has are refused, or replaced with replaceDates (which implies append). */
      append: z.boolean().optional(),
      replaceDates: z.boolean().optional(),
      /** Import even when the dates look wrong (refused by default, with the reason). */
      acceptDateWarnings: z.boolean().default(false),
      jobId,
    }),
    result: returns<ImportReport>(),
  },
  /** The date column of a purchase file as the import would read it (inferred or checked on the whole file); nothing is imported. */
  'data.checkDates': {
    args: z.object({
      file: z.string().trim().min(1, 'file is required'),
      encoding: z.enum(['auto', ...ENCODINGS]).default('auto'),
      delimiter: delimiterSchema.optional(),
      column: z.string().min(1, 'the date column is required'),
      dateFormat: z.string().trim().min(1).default('auto'),
    }),
    result: returns<DateColumnCheck>(),
  },
  'data.mappings': { args: z.object({ project: projectDir }), result: returns<SavedMapping[]>() },
  'data.generateSample': {
    args: z.object({
      out: z.string().trim().min(1, 'output folder is required'),
      customers: z.number().int().min(10).max(1_000_000).default(3000),
      seed: z.number().int().min(0).max(2 ** 31 - 1).default(20210101),
      year: z.number().int().min(2000).max(2100).default(2021),
      defects: z.boolean().default(true),
      jobId,
    }),
    result: returns<GenerateSummary>(),
  },
  'data.calibrate': { args: z.object({ folder: z.string().trim().min(1) }), result: returns<CalibrationFact[]>() },
  'project.openSample': { args: z.object({ jobId }), result: returns<ProjectInfo>() },
  'data.rejects': {
    args: z.object({
      project: projectDir,
      reason: z.enum(REJECT_REASONS).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    result: returns<RejectPage>(),
  },
  'data.exportRejects': {
    args: z.object({
      project: projectDir,
      /** Where to write; by default exports/rejects-<time>.csv inside the project. */
      out: z.string().trim().min(1).optional(),
      /** Only the rows of this reason (the page's filter); all when absent. */
      reason: z.enum(REJECT_REASONS).optional(),
      /** Headings and reasons in this language (the app); codes when absent (scripts). */
      lang: z.enum(['ko', 'en']).optional(),
    }),
    result: returns<{ path: string; rows: number }>(),
  },
  'analytics.overview': { args: overviewFilterSchema.extend({ project: projectDir }), result: returns<Overview>() },
  'segments.compute': { args: segmentSpecSchema.extend({ project: projectDir }), result: returns<SegmentSummary>() },
  'segments.load': { args: z.object({ project: projectDir }), result: returns<SegmentSummary>() },
  'segments.profile': { args: z.object({ project: projectDir, selector: segmentSelectorSchema }), result: returns<SegmentProfile>() },
  'segments.exportCsv': {
    args: z.object({
      project: projectDir,
      /** Where to write; by default exports/segments-<what>-<time>.csv inside the project. */
      out: z.string().trim().min(1).optional(),
      lang: z.enum(['ko', 'en']).default('ko'),
      /** Only this tier's or transition's customers (the selected segment); all when absent. */
      selector: segmentSelectorSchema.optional(),
    }),
    result: returns<{ path: string; rows: number }>(),
  },
  /** A churn training run (a job): every chosen model on the same split, the report recorded on the run. */
  'models.trainChurn': { args: churnTrainSchema.extend({ project: projectDir, jobId }), result: returns<ChurnRunReport>() },
  /** Every customer's current churn risk from a run's model, saved in churn_scores. */
  'models.scoreChurn': { args: churnScoreSchema.extend({ project: projectDir }), result: returns<ChurnScoreSummary>() },
  /** A recommendation run (a job): every chosen model on the same leave-one-out negatives and time split, each customer's top K saved. */
  'models.trainRecommend': { args: recommendTrainSchema.extend({ project: projectDir, jobId }), result: returns<RecommendRunReport>() },
  /** A page of a recommendation run's saved lists for one model (or one customer's list), with product names and categories. */
  'recommend.lists': { args: recommendListsSchema.extend({ project: projectDir }), result: returns<RecommendListPage>() },
  /** A validation run (a job): learn before the cut-off, check on the observed months (repurchase table per chain, recommenders' lists, churn risk). */
  'validation.run': { args: validationSchema.extend({ project: projectDir, jobId }), result: returns<ValidationReport>() },
  /** The campaign target list as it would be written (counts per risk decile, control group, first rows); nothing written. */
  'export.preview': { args: targetListSchema.extend({ project: projectDir }), result: returns<TargetListPreview>() },
  /** The target list written (a job): CSV (UTF-8 with BOM or CP949) or Parquet through a temporary file, and its manifest beside it. */
  'export.write': { args: exportWriteSchema.extend({ project: projectDir, jobId }), result: returns<ExportResult>() },
  /** A campaign simulated on an exported list: contacts.csv, the purchases of the following days (L.POINT 02_PDDE) and the truth (simulation.manifest.json) in out. */
  'campaign.simulate': { args: campaignSimulateSchema.extend({ project: projectDir }), result: returns<CampaignSimulateResult>() },
  /** The meeting report: one self-contained HTML file and a PowerPoint deck of the same charts (a slide per chart), written atomically in outDir. */
  'report.write': {
    args: z.object({
      project: projectDir,
      outDir: z.string().trim().min(1, 'the folder to write the report to is required'),
      lang: z.enum(['ko', 'en']).default('ko'),
      /** File names in outDir (default campaign-report-<time>.html / .pptx); names only, no folders. */
      names: z.object({ html: reportFileName.optional(), deck: reportFileName.optional() }).optional(),
      overwrite: z.boolean().default(false),
    }),
    result: returns<{
      html: string;
      deck: string;
      sections: { id: string; title: string; charts: number; missing: boolean }[];
      slides: number;
      timingsMs: { content: number; charts: number; files: number };
    }>(),
  },
  /** A campaign read back: the contacted customers of an exported list against its control group, on the purchases after the contact. */
  'readback.run': { args: readbackSchema.extend({ project: projectDir }), result: returns<ReadbackReport>() },
  /** BG/NBD fitted on the project's purchase days: the P(alive) baseline of the churn models. */
  'models.fitBgnbd': { args: bgnbdFitSchema.extend({ project: projectDir }), result: returns<BgnbdFitResult>() },
  /** Customer clusters (a job): features, the k scan, the fit, profiles and names, saved as a run with every customer's cluster. */
  'clusters.run': { args: clusterRunSchema.extend({ project: projectDir, jobId }), result: returns<ClusterRunReport>() },
  /** Renames one cluster of a run (the analyst's name replaces the suggested one). */
  'clusters.rename': { args: clusterNameSchema.extend({ project: projectDir }), result: returns<ClusterRunReport>() },
  /** Places the customers of a window (default: all the data now) with a run's saved scaling and centroids (nearest centroid); replaces the run's assignments. */
  'clusters.assign': {
    args: z.object({ project: projectDir, runId: z.string().min(1), window: dateWindowSchema.optional() }),
    result: returns<{ runId: string; window: { from: string; to: string }; customers: number; sizes: number[]; moved: number; added: number }>(),
  },
  /** One row per clustered customer of a run (UTF-8 with BOM; headings in ko or en). */
  'clusters.exportCsv': {
    args: z.object({ project: projectDir, runId: z.string().min(1), out: z.string().min(1), lang: z.enum(['ko', 'en']).default('ko') }),
    result: returns<{ path: string; rows: number }>(),
  },
  /** A run against the archetypes the sample generator planted (its manifest): the adjusted Rand index. */
  'clusters.compareTruth': {
    args: z.object({ project: projectDir, runId: z.string().min(1), truth: z.string().min(1) }),
    result: returns<{ ari: number; customers: number; archetypes: string[]; crossTab: number[][] }>(),
  },
  'jobs.cancel': { args: z.object({ jobId: z.string().min(1) }), result: returns<{ cancelled: boolean }>() },
  /**
   * Starts one of the long methods as a job and answers at once with the id the server gave it;
   * progress and the end arrive as events, and the result (or error) is fetched with jobs.get,
   * also after a page reload (jobs.list re-attaches).
   */
  'jobs.start': {
    args: z.object({ method: z.enum(JOB_METHODS), args: z.record(z.string(), z.unknown()).default({}) }),
    result: returns<{ jobId: string }>(),
  },
  'runs.list': { args: z.object({ project: projectDir, kind: z.string().min(1).optional() }), result: returns<RunInfo[]>() },
  'runs.get': { args: z.object({ project: projectDir, runId: z.string().min(1) }), result: returns<RunInfo>() },
  /** Deletes a finished run with its tables, scores and model files; returns what it was. A running run is BUSY. */
  'runs.delete': { args: z.object({ project: projectDir, runId: z.string().min(1) }), result: returns<RunInfo>() },
  'jobs.get': { args: z.object({ jobId: z.string().min(1) }), result: returns<JobState>() },
  'jobs.list': { args: z.object({}), result: returns<JobState[]>() },
  'settings.get': { args: z.object({}), result: returns<Settings>() },
  'settings.setLanguage': { args: z.object({ language: z.enum(['ko', 'en']) }), result: returns<Settings>() },
  'settings.addRecentProject': { args: z.object({ project: projectDir }), result: returns<Settings>() },
  /** DuckDB's memory limit per project (MiB) and where it spills past it: 'project', 'system' or an absolute folder. Applies at once. */
  'settings.setStorage': {
    args: z.object({
      memoryLimitMb: z.number().int().min(MIN_MEMORY_LIMIT_MB, `the memory limit is at least ${MIN_MEMORY_LIMIT_MB} MiB`).optional(),
      spillFolder: z.string().trim().min(1).optional(),
    }),
    result: returns<Settings>(),
  },
  /** The TensorFlow.js backend for training (auto, tensorflow, wasm, cpu); the run records the one it got. */
  'settings.setTraining': { args: z.object({ trainingBackend: z.enum(TRAINING_BACKENDS) }), result: returns<Settings>() },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** Arguments as the caller writes them (defaults optional). */
export type ArgsIn<M extends Method> = z.input<Contract[M]['args']>;
/** Arguments as the service receives them (validated, defaults filled). */
export type Args<M extends Method> = z.output<Contract[M]['args']>;
export type Result<M extends Method> = Contract[M]['result'];

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What a job reports while it runs; `detail` says what kind of work it is. */
export type JobDetail =
  | { type: 'rows'; rowsDone: number; rowsPerSecond: number }
  | {
      type: 'training';
      /** 'batch': within an epoch (throttled), 'epoch': an epoch (boosting round) finished, with its validation metrics. */
      phase: 'batch' | 'epoch';
      epoch: number;
      epochs: number;
      batch: number;
      batches: number;
      loss: number;
      metrics: Record<string, number>;
      samplesPerSecond: number;
    };

/** Push events: name → payload. */
export interface JobProgress {
  jobId: string;
  kind: string;
  /** What the job is doing now, e.g. the file being read. */
  step: string;
  /** 0..1 where known. */
  fraction: number | null;
  detail: JobDetail;
}

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** A job as the server keeps it: running, or ended with its result or error (kept for a while after). */
export interface JobState {
  jobId: string;
  kind: string;
  method: string;
  /** The project folder the job works on, where it has one. */
  project: string | null;
  status: JobStatus;
  startedAt: string;
  finishedAt: string | null;
  seconds: number;
  progress: JobProgress | null;
  result: unknown;
  error: WireError | null;
}

export interface Events {
  'job.progress': JobProgress;
  'job.finished': { jobId: string; kind: string; ok: boolean; cancelled: boolean; seconds: number; status: JobStatus };
}
export type EventName = keyof Events;
