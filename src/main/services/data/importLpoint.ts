import { statSync } from 'node:fs';
import { keyedError } from '../../../shared/errors';
import type { ImportReport } from '../../../shared/reports';
import type { Job } from '../jobs/jobs';
import type { Project } from '../project/projectStore';
import { displayName, hashFile, scanFileBytes, scanLpointFolder, type FoundFile } from './fileScan';
import { runImport, type PreparedSource } from './importRun';
import { MAPPINGS } from './lpointMapping';

export interface ImportOptions {
  folder: string;
  dropDuplicates: boolean;
  replace: boolean;
  maxRejectShare?: number;
  /** New data for the project: dates already there are refused, or replaced with `replaceDates` (see RunOptions). */
  append?: boolean;
  replaceDates?: boolean;
}

/** Imports the L.POINT files found in a folder (recognised by name and header), all or nothing. */
export async function importLpoint(project: Project, options: ImportOptions, job: Job): Promise<ImportReport> {
  const scan = scanLpointFolder(options.folder);
  if (scan.found.length === 0) {
    throw keyedError('NO_LPOINT_FILES', `No L.POINT files (LPOINT_BIG_COMP_0N_….csv) were found in ${options.folder}.`, 'noLpointFiles', { folder: options.folder });
  }
  // The hashes are computed while DuckDB stages the files (PreparedSource.sha256); stopped when the import ends.
  const hashing = new AbortController();
  try {
    const bytes = scan.found.reduce((n, f) => n + statSync(f.path).size, 0);
    const inputs = await prepareFiles(scan.found, bytes <= HASH_ASIDE_MAX_BYTES ? hashing.signal : null, job);
    const run = await runImport(project, inputs, options, job);
    return { project: project.dir, ...run, missing: scan.missing, skipped: [...scan.skipped, ...run.skipped] };
  } finally {
    hashing.abort();
  }
}

/**
 * Folders up to this size are hashed on a pass of their own while DuckDB stages them (the SHA-256 is the
 * scan's slowest part: 0.27 s of 0.45 s at full scale, 317 MB). Bigger ones are hashed within the scan,
 * in one pass, rather than read twice: 7.7 GB of files (100 M lines) do not stay in the page cache beside
 * the spill (one run each: 510 s hashed on a second pass, 492 s in one).
 */
const HASH_ASIDE_MAX_BYTES = 512 * 2 ** 20;

/**
 * Each file's lines and UTF-8 checked now; its hash either computed in the same pass (`hashing` null)
 * or started on a pass of its own (see PreparedSource.sha256), stopped by `hashing`.
 */
async function prepareFiles(found: FoundFile[], hashing: AbortSignal | null, job: Job): Promise<PreparedSource[]> {
  const inputs: PreparedSource[] = [];
  for (const file of found) {
    job.throwIfCancelled();
    const name = displayName(file.path);
    job.progress({ step: `check ${name}`, rowsDone: 0, fraction: null }, true);
    const bytes = await scanFileBytes(file.path, { hash: hashing === null });
    if (bytes.invalidUtf8Line !== null) {
      throw keyedError('BAD_FILE', `${name} is not UTF-8 (line ${bytes.invalidUtf8Line}); L.POINT files are UTF-8. Nothing was imported.`, 'lpointNotUtf8', {
        file: name,
        line: bytes.invalidUtf8Line,
      });
    }
    const sha256 = hashing ? hashFile(file.path, hashing) : undefined;
    sha256?.catch(() => undefined); // awaited by the import; a hash left behind by a failed import must not go unhandled
    inputs.push({
      bytes,
      ...(sha256 ? { sha256 } : {}),
      source: {
        kind: file.spec.kind,
        path: file.path,
        displayName: name,
        format: 'csv',
        delimiter: ',',
        columns: file.header,
        mapping: MAPPINGS[file.spec.kind],
      },
    });
  }
  return inputs;
}
