import { AppError } from '../../../shared/errors';
import { IMPORT_ORDER } from '../../../shared/lpointFiles';
import type { FileQuality, ImportReport } from '../../../shared/reports';
import type { Job } from '../jobs/jobs';
import type { Project } from '../project/projectStore';
import { displayName, scanFileBytes, scanLpointFolder, type FileBytes, type FoundFile } from './fileScan';
import { loadFile } from './loadFile';
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
  const results: FileQuality[] = [];
  let current = '';
  const poll = setInterval(() => {
    const p = db.progress();
    const done = results.length + (p ? p.percentage / 100 : 0);
    job.progress({ step: current, rowsDone: p?.rowsProcessed ?? 0, fraction: Math.min(1, done / files.length) });
  }, 100);
  try {
    await db.transaction(async () => {
      for (const file of files) {
        job.throwIfCancelled();
        const { sha256, lines } = bytes.get(file)!;
        const before = earlier.get(sha256);
        if (before) await removeImport(project, before.import_id, file);
        current = displayName(file.path);
        const next = await db.one<{ id: number }>(`SELECT coalesce(max(import_id), 0) + 1 AS id FROM imports`);
        const quality = await loadFile(db, file, {
          importId: next!.id,
          sha256,
          lines,
          dropDuplicates: options.dropDuplicates,
        });
        await db.run(`INSERT INTO imports VALUES ($1, $2, $3, $4, now()::TIMESTAMP, $5)`, [
          quality.importId,
          quality.kind,
          quality.file,
          sha256,
          JSON.stringify(quality),
        ]);
        results.push(quality);
        job.progress({ step: current, rowsDone: quality.rowsRead, fraction: results.length / files.length }, true);
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
  }
  return { project: project.dir, files: results, missing: scan.missing, skipped: scan.skipped };
}

async function removeImport(project: Project, importId: number, file: FoundFile): Promise<void> {
  const table = MAPPINGS[file.spec.kind].table;
  await project.db.run(`DELETE FROM ${table} WHERE import_id = $1`, [importId]);
  await project.db.run(`DELETE FROM rejects WHERE import_id = $1`, [importId]);
  await project.db.run(`DELETE FROM imports WHERE import_id = $1`, [importId]);
}
