import { AppError } from '../../../shared/errors';
import { IMPORT_ORDER, type LpointKind } from '../../../shared/lpointFiles';
import type { ImportReport } from '../../../shared/reports';
import type { Job } from '../jobs/jobs';
import type { Project } from '../project/projectStore';
import { displayName, scanFileBytes, scanLpointFolder, type FileBytes, type FoundFile } from './fileScan';
import { dropStaged, stageFile, writeStaged, type StagedFile, type StageSource } from './loadFile';
import { MAPPINGS } from './lpointMapping';

export interface ImportOptions {
  folder: string;
  dropDuplicates: boolean;
  replace: boolean;
}

/**
 * Imports the L.POINT files found in a folder as one transaction: a failure or a cancel
 * anywhere leaves the project exactly as it was. A file whose content was imported before
 * is refused unless `replace` is set, in which case the earlier import of it is removed first.
 */
export async function importLpoint(project: Project, options: ImportOptions, job: Job): Promise<ImportReport> {
  const { db } = project;
  const scan = scanLpointFolder(options.folder);
  if (scan.found.length === 0) {
    throw new AppError('NO_LPOINT_FILES', `No L.POINT files (LPOINT_BIG_COMP_0N_….csv) were found in ${options.folder}.`);
  }
  const files = [...scan.found].sort((a, b) => IMPORT_ORDER.indexOf(a.spec.kind) - IMPORT_ORDER.indexOf(b.spec.kind));

  const bytes = new Map<FoundFile, FileBytes>();
  for (const file of files) {
    job.throwIfCancelled();
    job.progress({ step: `check ${displayName(file.path)}`, rowsDone: 0, fraction: null }, true);
    const scanned = await scanFileBytes(file.path);
    if (scanned.invalidUtf8Line !== null) {
      throw new AppError(
        'BAD_FILE',
        `${displayName(file.path)} is not UTF-8 (line ${scanned.invalidUtf8Line}); L.POINT files are UTF-8. Nothing was imported.`,
      );
    }
    bytes.set(file, scanned);
  }
  const earlier = new Map<string, { import_id: number; imported_at: string; file: string }>();
  for (const row of await db.all<{ import_id: number; imported_at: string; file: string; sha256: string }>(
    `SELECT import_id, strftime(imported_at, '%Y-%m-%d %H:%M') AS imported_at, file, sha256 FROM imports`,
  )) {
    earlier.set(row.sha256, row);
  }
  if (!options.replace) {
    for (const file of files) {
      const before = earlier.get(bytes.get(file)!.sha256);
      if (before) {
        throw new AppError(
          'ALREADY_IMPORTED',
          `${displayName(file.path)} has the same content as ${before.file}, imported on ${before.imported_at} (import #${before.import_id}); use --replace to import it again.`,
        );
      }
    }
  }

  job.onCancel(() => db.interrupt());
  const replacing = files.map((f) => earlier.get(bytes.get(f)!.sha256)?.import_id).filter((id): id is number => id !== undefined);
  const firstId = ((await db.one<{ id: number }>(`SELECT coalesce(max(import_id), 0) + 1 AS id FROM imports`))?.id ?? 1);
  const staged: StagedFile[] = [];
  let current = '';
  let phase = 0; // files staged so far, then files written
  const poll = setInterval(() => {
    const p = db.progress();
    const done = phase + (p ? p.percentage / 100 : 0);
    job.progress({ step: current, rowsDone: p?.rowsProcessed ?? 0, fraction: Math.min(1, done / (2 * files.length)) });
  }, 100);
  try {
    // 1. Read and check every file into temporary tables: the project is not touched yet.
    for (const [i, file] of files.entries()) {
      job.throwIfCancelled();
      current = displayName(file.path);
      const { sha256, lines } = bytes.get(file)!;
      const catalog = await catalogSql(project, staged, replacing);
      const source: StageSource = {
        kind: file.spec.kind,
        path: file.path,
        displayName: current,
        format: 'csv',
        delimiter: ',',
        columns: file.header,
        mapping: MAPPINGS[file.spec.kind],
      };
      staged.push(
        await stageFile(db, source, { importId: firstId + i, sha256, lines, dropDuplicates: options.dropDuplicates, replacing }, catalog),
      );
      phase += 1;
      job.progress({ step: current, rowsDone: staged[i].quality.rowsRead, fraction: phase / (2 * files.length) }, true);
    }
    // 2. Write them in one transaction: all or nothing.
    await db.transaction(async () => {
      for (const id of replacing) await removeImport(project, id);
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
        job.progress({ step: current, rowsDone: s.quality.rowsLoaded, fraction: phase / (2 * files.length) }, true);
      }
      job.throwIfCancelled();
    });
  } catch (error) {
    if (job.cancelled) throw new AppError('CANCELLED', 'The import was cancelled; the project is unchanged.');
    if (error instanceof AppError) throw error;
    const reason = String((error as Error).message ?? error).split('\n')[0];
    throw new AppError('IMPORT_FAILED', `The import failed while loading ${current || 'the first file'} and was rolled back; the project is unchanged. ${reason}`);
  } finally {
    clearInterval(poll);
    await dropStaged(db, staged).catch(() => undefined);
  }
  const results = staged.map((s) => s.quality);
  return { project: project.dir, files: results, missing: scan.missing, skipped: scan.skipped };
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
  await project.db.run(`DELETE FROM ${MAPPINGS[row.kind].table} WHERE import_id = $1`, [importId]);
  await project.db.run(`DELETE FROM rejects WHERE import_id = $1`, [importId]);
  await project.db.run(`DELETE FROM imports WHERE import_id = $1`, [importId]);
}
