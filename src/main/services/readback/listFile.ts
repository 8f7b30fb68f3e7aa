import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { keyedError } from '../../../shared/errors';
import type { ExportManifest } from '../../../shared/export';
import { fill, TARGET_GROUPS, TARGET_LIST_HEADINGS } from '../../../shared/i18n';
import type { Sql } from '../db/database';
import { manifestPathFor } from '../files/exportManifest';
import { readTable } from '../files/readTable';
import { listRuns } from '../runs/runs';

export interface ListedCustomer {
  customer: string;
  control: boolean;
  decile: string | null;
  tier: string | null;
  cluster: string | null;
  /** The product codes recommended to the customer, in rank order. */
  recommended: string[];
}

export interface ReadList {
  manifest: ExportManifest;
  exportRun: string;
  customers: ListedCustomer[];
}

/**
 * A target list this project exported, read back from its file: the manifest beside it must be one of
 * the project's own export runs (the data has grown since, so the fingerprint alone cannot tell), the
 * list must hold a control group, and the columns are found by the headings of the list's language.
 */
export async function readList(db: Sql, path: string): Promise<ReadList> {
  const file = basename(path);
  const manifestPath = manifestPathFor(path);
  if (!existsSync(manifestPath)) {
    throw keyedError('BAD_ARGUMENT', `${file} has no manifest beside it (${basename(manifestPath)}); read back a list the app exported, with its manifest.`, 'readbackNoManifest', { file });
  }
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ExportManifest;
  } catch {
    throw keyedError('BAD_FILE', `${basename(manifestPath)} is not a list manifest (not JSON).`, 'readbackBadManifest', { file: basename(manifestPath) });
  }
  if (manifest.kind !== 'campaign-target-list') throw keyedError('BAD_FILE', `${basename(manifestPath)} is not a list manifest.`, 'readbackBadManifest', { file: basename(manifestPath) });
  const exported = (await listRuns(db, 'export')).find((r) => {
    const m = r.metrics as Partial<ExportManifest> | null;
    return m?.createdAt === manifest.createdAt && m?.file === manifest.file && m?.dataFingerprint === manifest.dataFingerprint;
  });
  if (!exported) {
    throw keyedError('BAD_ARGUMENT', `${file} was not exported from this project (its manifest matches none of the project's exports); open the project it came from.`, 'readbackForeignList', { file });
  }
  const { columns, rows } = await readTable(db, path);
  const lang = manifest.lang === 'en' ? 'en' : 'ko';
  const h = (key: keyof typeof TARGET_LIST_HEADINGS, n?: number) => fill(TARGET_LIST_HEADINGS[key][lang], n === undefined ? {} : { n });
  for (const needed of [h('customer'), h('group')]) {
    if (!columns.includes(needed)) throw keyedError('BAD_FILE', `${file} has no column ${needed}; was it edited?`, 'readbackListColumn', { file, column: needed });
  }
  const control = TARGET_GROUPS.control[lang];
  const recColumns: string[] = [];
  for (let n = 1; columns.includes(h('recCode', n)); n++) recColumns.push(h('recCode', n));
  const optional = (key: keyof typeof TARGET_LIST_HEADINGS) => (columns.includes(h(key)) ? h(key) : null);
  const [decileAt, tierAt, clusterAt] = [optional('riskDecile'), optional('tier2'), optional('cluster')];
  const customers = rows.map((r) => ({
    customer: r[h('customer')] ?? '',
    control: r[h('group')] === control,
    decile: decileAt ? r[decileAt] : null,
    tier: tierAt ? r[tierAt] : null,
    cluster: clusterAt ? r[clusterAt] : null,
    recommended: recColumns.map((c) => r[c]).filter((v): v is string => !!v),
  }));
  if (!customers.some((c) => c.control)) {
    throw keyedError('BAD_ARGUMENT', `${file} has no control group: without customers held out there is nothing to compare the contacted with.`, 'readbackNoControl', { file });
  }
  return { manifest, exportRun: exported.runId, customers };
}
