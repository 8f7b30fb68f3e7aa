import { rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { DuckDBValue } from '@duckdb/node-api';
import type { ExportManifest, ExportResult, ExportWriteArgs, TargetListArgs, TargetListPreview } from '../../../shared/export';
import { APP_VERSION } from '../../../shared/version';
import { writeCsvAtomic } from '../files/atomicCsv';
import { copyParquetAtomic } from '../files/atomicParquet';
import { writeManifestAtomic } from '../files/exportManifest';
import type { Job } from '../jobs/jobs';
import type { Project } from '../project/projectStore';
import { dataFingerprint, finishRun, startRun } from '../runs/runs';
import { ensureReceiptFacts } from '../analytics/receiptFacts';
import { exportSources } from './sources';
import { buildTargetList, type BuiltList } from './targetList';

const PREVIEW_ROWS = 20;

/** The list as it would be written: counts per risk decile, the control group, the first rows. Nothing is written. */
export async function previewTargetList(project: Project, args: TargetListArgs): Promise<TargetListPreview> {
  const { db } = project;
  await project.commit(() => ensureReceiptFacts(db));
  const sources = await exportSources(db, args);
  const list = await buildTargetList(db, args, sources);
  try {
    const rows = await db.all(`SELECT * FROM (${list.select}) LIMIT ${PREVIEW_ROWS}`, list.values);
    return {
      customers: list.customers,
      control: list.control,
      strata: list.strata,
      header: list.header,
      rows: rows.map((r) => Object.values(r).map(cell)),
      sources: publicSources(sources),
    };
  } finally {
    await list.drop();
  }
}

/**
 * Writes the list (CSV in UTF-8 with BOM or CP949, or Parquet) through a temporary file and a rename,
 * then its manifest beside it. A cancel, a full disk, a read-only or missing folder, an existing file
 * not to be replaced: a clear error, no partial file, an earlier file of that name untouched.
 */
export async function writeTargetList(project: Project, args: ExportWriteArgs, job: Job): Promise<ExportResult> {
  const { db } = project;
  const path = resolve(args.out);
  job.progress({ step: 'select', rowsDone: 0, fraction: 0.05 }, true);
  await project.commit(() => ensureReceiptFacts(db));
  const sources = await exportSources(db, args);
  const list = await buildTargetList(db, args, sources);
  const abort = new AbortController();
  job.onCancel(() => abort.abort());
  try {
    job.throwIfCancelled();
    job.progress({ step: 'write', rowsDone: 0, fraction: 0.2 }, true);
    let bytes: number | null = null;
    if (args.format === 'parquet') {
      await copyParquetAtomic(db, list.select, list.values, path, { overwrite: args.overwrite, signal: abort.signal });
    } else {
      const written = await writeCsvAtomic(path, list.header, batches(project, list, job), { encoding: args.encoding, overwrite: args.overwrite, signal: abort.signal });
      bytes = written.bytes;
    }
    const manifest: ExportManifest = {
      kind: 'campaign-target-list',
      appVersion: APP_VERSION,
      createdAt: new Date().toISOString(),
      file: basename(path),
      format: args.format,
      encoding: args.format === 'csv' ? args.encoding : null,
      project: project.dir,
      dataFingerprint: await dataFingerprint(db),
      rows: list.customers,
      control: list.control,
      controlShare: args.controlShare,
      seed: args.seed,
      stratifiedBy: list.stratified ? 'riskDecile' : null,
      filters: filtersOf(args),
      columns: args.columns,
      lang: args.lang,
      sources: publicSources(sources),
    };
    let manifestPath: string;
    try {
      manifestPath = writeManifestAtomic(path, manifest);
    } catch (error) {
      // A list without its manifest cannot be read back: neither is kept.
      rmSync(path, { force: true });
      throw error;
    }
    // Recorded as a run, so the report and the read-back find the list and its control group.
    await project.commit(async () => {
      const run = await startRun(db, project.dir, { kind: 'export', settings: { ...args }, seed: args.seed });
      rmSync(run.dir, { recursive: true, force: true });
      await finishRun(db, run.runId, { status: 'done', metrics: { ...manifest, path, manifestPath } as unknown as Record<string, unknown> });
    });
    job.progress({ step: 'done', rowsDone: list.customers, fraction: 1 }, true);
    return { path, manifest: manifestPath, rows: list.customers, control: list.control, bytes };
  } finally {
    await list.drop();
  }
}

async function* batches(project: Project, list: BuiltList, job: Job): AsyncIterable<unknown[][]> {
  const result = await project.db.connection.stream(list.select, list.values as DuckDBValue[]);
  let done = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const rows = chunk.getRows().map((r) => r.map(cell));
    done += rows.length;
    job.progress({ step: 'write', rowsDone: done, fraction: 0.2 + (0.75 * done) / list.customers });
    yield rows;
  }
}

function cell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return String(v);
}

function publicSources(s: Awaited<ReturnType<typeof exportSources>>): TargetListPreview['sources'] {
  return { segmentsComputedAt: s.segmentsComputedAt, churn: s.churn, recommend: s.recommend, clusters: s.clusters };
}

/** The filters as asked (what selects the customers), for the manifest. */
function filtersOf(args: TargetListArgs): ExportManifest['filters'] {
  const keys = ['tiers', 'transitions', 'churnRun', 'minRisk', 'topN', 'chain', 'channel', 'genders', 'ageBands', 'clusters', 'recommend'] as const;
  return Object.fromEntries(keys.filter((key) => args[key] !== undefined).map((key) => [key, args[key]])) as ExportManifest['filters'];
}
