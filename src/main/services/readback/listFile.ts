import { basename } from 'node:path';
import { keyedError } from '../../../shared/errors';
import type { ExportManifest } from '../../../shared/export';
import type { Sql } from '../db/database';
import { readListFile, type ListFile } from '../export/listFile';
import { listRuns } from '../runs/runs';

export type { ListedCustomer } from '../export/listFile';

export interface ReadList extends ListFile {
  exportRun: string;
}

/**
 * A target list this project exported, read back: its manifest must be one of the project's own export
 * runs (the data has grown since, so the fingerprint alone cannot tell), and the list must hold a
 * control group.
 */
export async function readList(db: Sql, path: string): Promise<ReadList> {
  const list = await readListFile(db, path);
  const { manifest } = list;
  const file = basename(list.path);
  const exported = (await listRuns(db, 'export')).find((r) => {
    const m = r.metrics as Partial<ExportManifest> | null;
    return m?.createdAt === manifest.createdAt && m?.file === manifest.file && m?.dataFingerprint === manifest.dataFingerprint;
  });
  if (!exported) {
    throw keyedError('BAD_ARGUMENT', `${file} was not exported from this project (its manifest matches none of the project's exports); open the project it came from.`, 'readbackForeignList', { file });
  }
  if (!list.customers.some((c) => c.control)) {
    throw keyedError('BAD_ARGUMENT', `${file} has no control group: without customers held out there is nothing to compare the contacted with.`, 'readbackNoControl', { file });
  }
  return { ...list, exportRun: exported.runId };
}
