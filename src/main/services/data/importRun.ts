import { AppError, keyedError } from '../../../shared/errors';
import { IMPORT_ORDER, type LpointKind } from '../../../shared/lpointFiles';
import type { FileQuality, ImportReport } from '../../../shared/reports';
import type { Job } from '../jobs/jobs';
import type { Project } from '../project/projectStore';
import type { FileBytes } from './fileScan';
import { oneThreadPast, passesFor } from '../db/slices';
import { dropStaged, stageFile, writeStaged, type StagedFile, type StageSource } from './loadFile';
import { dateOverlaps, deleteOverlap, overlapRefused, replacedRows } from './appendDates';

export interface PreparedSource {
  source: StageSource;
  /** Hash and line count of the user's file as given (before any transcoding). */
  bytes: FileBytes;
  /**
   * The content hash while it is still being computed (bytes.sha256 is '' until then): the L.POINT
   * import hashes its files on the main thread while DuckDB's threads stage them. A plain import checks
   * for files imported before once they are staged (staging leaves the project untouched); a replace or
   * an append waits for the hashes first (they decide what is replaced or skipped).
   */
  sha256?: Promise<string>;
}

export interface RunOptions {
  dropDuplicates: boolean;
  replace: boolean;
  /**
   * Refuse the import (nothing written) when a file loads no row, or rejects more than this share
   * of its rows (0..1). Absent: every file is imported with its rejects kept (the app shows them).
   */
  maxRejectShare?: number;
  /**
   * New data for the project (docs/import.md, "Appending"): a transaction file whose dates cover rows
   * the project has is refused (nothing written) unless `replaceDates`; master rows with a known key
   * are skipped, and a master file imported before is skipped with a note.
   */
  append?: boolean;
  /** With an append (implies it): the project's rows dated within a new file's range are deleted first, in the same transaction. */
  replaceDates?: boolean;
}

/** What an import did: per file its quality, the files skipped, and (appends) the rows replaced. */
export type RunResult = Pick<ImportReport, 'files' | 'skipped' | 'replacedRows'>;

const MASTERS: readonly LpointKind[] = ['customers', 'products', 'branches'];

const TABLE_OF: Record<LpointKind, string> = {
  customers: 'customers',
  products: 'products',
  branches: 'branches',
  purchases: 'purchases',
  services: 'services',
  payments: 'payments',
};

/**
 * The import every format shares. A file whose content was imported before is refused unless
 * `replace`, in which case the earlier import of it is removed. Files are first read and checked
 * into temporary tables (the project untouched), then written in one transaction: a failure or a
 * cancel anywhere leaves the project exactly as it was.
 */
export async function runImport(project: Project, inputs: PreparedSource[], options: RunOptions, job: Job): Promise<RunResult> {
  const { db } = project;
  const append = Boolean(options.append || options.replaceDates);
  let files = [...inputs].sort((a, b) => IMPORT_ORDER.indexOf(a.source.kind) - IMPORT_ORDER.indexOf(b.source.kind));
  const earlier = new Map<string, EarlierImport>();
  for (const row of await db.all<EarlierImport & { sha256: string }>(
    `SELECT import_id, strftime(imported_at, '%Y-%m-%d %H:%M') AS imported_at, file, sha256 FROM imports`,
  )) {
    earlier.set(row.sha256, row);
  }
  // In big-data mode (one DuckDB thread, memory at its limit) the hashes are awaited before staging: hashed
  // while 100 M lines were staged, the import peaked at 1,033 MiB (977–983 MiB otherwise; one run each).
  const bigData = passesFor(files.reduce((n, f) => n + f.bytes.lines, 0)) > 1;
  const deferHashes = !options.replace && !append && !bigData && files.some((f) => f.sha256);
  if (!deferHashes) await settleHashes(files);
  const { known, skipped } = options.replace || deferHashes ? { known: new Set<PreparedSource>(), skipped: [] } : checkEarlier(files, earlier, append);

  files = files.filter((f) => !known.has(f));
  if (files.length === 0) return { files: [], skipped, ...(append ? { replacedRows: [] } : {}) };

  job.onCancel(() => db.interrupt());
  // The earlier imports and the import ids above stay valid until the commit: imports of one
  // project run one at a time (ProjectStore.staged), and only imports write these tables.
  const replacing = files.map((f) => earlier.get(f.bytes.sha256)?.import_id).filter((id): id is number => id !== undefined);
  const firstId = (await db.one<{ id: number }>(`SELECT coalesce(max(import_id), 0) + 1 AS id FROM imports`))?.id ?? 1;
  // 100 M lines fit the memory limit only on one DuckDB thread (see slices.ts).
  const lines = files.reduce((n, f) => n + f.bytes.lines, 0);
  const afterStaging = deferHashes
    ? async () => {
        await settleHashes(files);
        checkEarlier(files, earlier, false);
      }
    : null;
  const run = await oneThreadPast(db, lines, () => stageAndWrite(project, files, { ...options, append }, job, { replacing, firstId, afterStaging }));
  return { ...run, skipped };
}

type EarlierImport = { import_id: number; imported_at: string; file: string };

async function settleHashes(files: PreparedSource[]): Promise<void> {
  for (const f of files) if (f.sha256) f.bytes.sha256 = await f.sha256;
}

/**
 * Files whose content was imported before: refused (ALREADY_IMPORTED), except master files of an
 * append, which are skipped with a note (an append folder may carry them unchanged).
 */
function checkEarlier(files: PreparedSource[], earlier: Map<string, EarlierImport>, append: boolean): { known: Set<PreparedSource>; skipped: RunResult['skipped'] } {
  const known = new Set<PreparedSource>();
  const skipped: RunResult['skipped'] = [];
  for (const file of files) {
    const { source, bytes } = file;
    const before = earlier.get(bytes.sha256);
    if (before && append && MASTERS.includes(source.kind)) {
      known.add(file);
      skipped.push({ file: source.displayName, reason: `its content was imported on ${before.imported_at} (import #${before.import_id}); nothing new to append` });
    } else if (before) {
      const sameName = before.file === source.displayName;
      const same = sameName ? 'was imported' : `has the same content as ${before.file}, imported`;
      throw keyedError(
        'ALREADY_IMPORTED',
        `${source.displayName} ${same} on ${before.imported_at} (import #${before.import_id}), so nothing was imported; use --replace to import it again.`,
        sameName ? 'alreadyImported' : 'alreadyImportedAs',
        { file: source.displayName, other: before.file, date: before.imported_at, id: before.import_id },
      );
    }
  }
  return { known, skipped };
}

/** Stages every file, then writes them all in one transaction (see runImport). */
async function stageAndWrite(
  project: Project,
  files: PreparedSource[],
  options: RunOptions,
  job: Job,
  { replacing, firstId, afterStaging }: { replacing: number[]; firstId: number; afterStaging: (() => Promise<void>) | null },
): Promise<Omit<RunResult, 'skipped'>> {
  const { db } = project;
  const staged: StagedFile[] = [];
  let overlaps: Awaited<ReturnType<typeof dateOverlaps>> = [];
  let current = '';
  let phase = 0; // files staged so far, then files written
  const steps = 2 * files.length;
  const poll = setInterval(() => {
    const p = db.progress();
    const done = phase + (p ? p.percentage / 100 : 0);
    job.progress({ step: current, rowsDone: p?.rowsProcessed ?? 0, fraction: Math.min(1, done / steps) });
  }, 100);
  try {
    // 1. Read and check every file into temporary tables: the project is not touched yet.
    for (const [i, { source, bytes }] of files.entries()) {
      job.throwIfCancelled();
      current = source.displayName;
      const catalog = await catalogSql(project, staged, replacing);
      const opts = { importId: firstId + i, sha256: bytes.sha256, lines: bytes.lines, blankLines: bytes.blankLines, dropDuplicates: options.dropDuplicates, replacing, skipExistingKeys: options.append };
      staged.push(await stageFile(db, source, opts, catalog));
      phase += 1;
      job.progress({ step: current, rowsDone: staged[i].quality.rowsRead, fraction: phase / steps }, true);
    }
    if (afterStaging) {
      await afterStaging();
      for (const [i, s] of staged.entries()) s.quality.sha256 = files[i].bytes.sha256;
    }
    const headerOnly = staged.find((s) => s.quality.rowsRead === 0 && s.quality.linesUnaccounted === 0);
    if (headerOnly) {
      const file = headerOnly.quality.file;
      throw keyedError('BAD_FILE', `${file} has a header but no data rows, so nothing was imported.`, 'headerNoRows', { file });
    }
    if (options.maxRejectShare !== undefined) refuseTooManyRejects(staged.map((s) => s.quality), options.maxRejectShare);
    // An append never counts a day twice: overlapping dates are refused here, or replaced in the write.
    overlaps = options.append ? await dateOverlaps(db, staged, replacing) : [];
    if (overlaps.length > 0 && !options.replaceDates) throw overlapRefused(overlaps[0]);
    // 2. Write them in one transaction, in the project's write turn: all or nothing.
    await project.commit(() => db.transaction(async () => {
      for (const id of replacing) await removeImport(project, id);
      for (const o of overlaps) await deleteOverlap(db, o);
      for (const s of staged) {
        job.throwIfCancelled();
        current = s.quality.file;
        await writeStaged(db, s);
        await db.run(`INSERT INTO imports VALUES ($1, $2, $3, $4, now()::TIMESTAMP, $5)`, [
          s.quality.importId,
          s.quality.kind,
          s.quality.file,
          s.quality.sha256,
          JSON.stringify(s.quality),
        ]);
        phase += 1;
        job.progress({ step: current, rowsDone: s.quality.rowsLoaded, fraction: phase / steps }, true);
      }
      job.throwIfCancelled();
    }));
  } catch (error) {
    if (job.cancelled) throw new AppError('CANCELLED', 'The import was cancelled; the project is unchanged.');
    if (error instanceof AppError) throw error;
    // DuckDB's own reason stays as it is (a value of the sentence): it names the column or value at fault.
    const reason = String((error as Error).message ?? error).split('\n')[0];
    throw keyedError(
      'IMPORT_FAILED',
      `The import failed while loading ${current || 'the first file'} and was rolled back; the project is unchanged. ${reason}`,
      'importFailed',
      { file: current || (files[0]?.source.displayName ?? ''), reason },
    );
  } finally {
    clearInterval(poll);
    await dropStaged(db, staged).catch(() => undefined);
  }
  const qualities = staged.map((s) => s.quality);
  return options.append ? { files: qualities, replacedRows: replacedRows(overlaps) } : { files: qualities };
}

/** An import whose files load nothing or reject too much is refused before anything is written. */
function refuseTooManyRejects(files: FileQuality[], maxShare: number): void {
  const bad = files.filter((q) => q.rowsRead > 0 && (q.rowsLoaded === 0 || q.rowsRejected / q.rowsRead > maxShare));
  if (bad.length === 0) return;
  const describe = (q: FileQuality) => {
    const top = Object.entries(q.rejectsByReason)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .slice(0, 3)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ');
    const share = ((100 * q.rowsRejected) / q.rowsRead).toFixed(1);
    return `${q.file}: ${q.rowsLoaded === 0 ? 'no row loads' : `${share} % of ${q.rowsRead} rows rejected`} (${top || 'no rejects'})`;
  };
  // The same in every language: the file, its share of rejected rows, rejected of read.
  const counts = (q: FileQuality) => `${q.file} ${((100 * q.rowsRejected) / q.rowsRead).toFixed(1)}% (${q.rowsRejected}/${q.rowsRead})`;
  const limit = +(maxShare * 100).toFixed(2);
  throw keyedError(
    'TOO_MANY_REJECTS',
    `Nothing was imported: ${bad.map(describe).join('; ')}. The limit is ${limit} % rejected rows per file; ` +
      `check the mapping (columns, date format, delimiter), or raise the limit (--max-reject-share).`,
    'tooManyRejects',
    { files: bad.map(counts).join(', '), limit },
  );
}

/** The product codes purchases are checked against: the catalog already loaded plus the one staged now. */
async function catalogSql(project: Project, staged: StagedFile[], replacing: number[]): Promise<string | null> {
  const notReplaced = replacing.length ? `WHERE import_id NOT IN (${replacing.join(', ')})` : '';
  const parts = [];
  const existing = await project.db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM products ${notReplaced}`);
  if (existing?.n) parts.push(`SELECT product_id AS catalog_id FROM products ${notReplaced}`);
  const products = staged.find((s) => s.file.kind === 'products');
  if (products && products.quality.rowsLoaded > 0) parts.push(`SELECT product_id AS catalog_id FROM ${products.checked} WHERE reason IS NULL`);
  return parts.length ? parts.join(' UNION ') : null;
}

async function removeImport(project: Project, importId: number): Promise<void> {
  const row = await project.db.one<{ kind: LpointKind }>(`SELECT kind FROM imports WHERE import_id = $1`, [importId]);
  if (!row) return;
  await project.db.run(`DELETE FROM ${TABLE_OF[row.kind]} WHERE import_id = $1`, [importId]);
  await project.db.run(`DELETE FROM rejects WHERE import_id = $1`, [importId]);
  await project.db.run(`DELETE FROM imports WHERE import_id = $1`, [importId]);
}
