import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { keyedError } from '../../../shared/errors';
import type { ExportManifest } from '../../../shared/export';
import { fill, TARGET_GROUPS, TARGET_LIST_HEADINGS } from '../../../shared/i18n';
import type { Sql } from '../db/database';
import { manifestPathFor } from '../files/exportManifest';
import { readTable } from '../files/readTable';

/** One customer of a written target list, as the file says. */
export interface ListedCustomer {
  customer: string;
  control: boolean;
  decile: string | null;
  tier: string | null;
  cluster: string | null;
  /** The product codes recommended to the customer, in rank order. */
  recommended: string[];
}

export interface ListFile {
  path: string;
  manifestPath: string;
  manifest: ExportManifest;
  /** The file's headings. */
  columns: string[];
  /** In the file's order (customer code order, as the export writes it). */
  customers: ListedCustomer[];
}

/**
 * A target list written by export.write, read back from its file (CSV in UTF-8 with BOM or CP949, or
 * Parquet) with the manifest beside it; the columns are found by the headings of the list's language.
 * Whether the list belongs to the project is the caller's question (the read-back and the simulation
 * ask it differently).
 */
export async function readListFile(db: Sql, file: string): Promise<ListFile> {
  const path = listPathOf(resolve(file));
  const name = basename(path);
  const manifestPath = manifestPathFor(path);
  if (!existsSync(path)) throw keyedError('NOT_FOUND', `The file ${path} does not exist or cannot be read.`, 'fileNotFound', { file: path });
  if (!existsSync(manifestPath)) {
    throw keyedError('BAD_ARGUMENT', `${name} has no manifest beside it (${basename(manifestPath)}); use a list the app exported, with its manifest.`, 'listNoManifest', { file: name });
  }
  let manifest: ExportManifest | null = null;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ExportManifest;
  } catch {
    // Told below, with the manifest that is not one.
  }
  if (manifest?.kind !== 'campaign-target-list') throw keyedError('BAD_FILE', `${basename(manifestPath)} is not a list manifest.`, 'listBadManifest', { file: basename(manifestPath) });
  const { columns, rows } = await readTable(db, path);
  const lang = manifest.lang === 'en' ? 'en' : 'ko';
  const h = (key: keyof typeof TARGET_LIST_HEADINGS, n?: number) => fill(TARGET_LIST_HEADINGS[key][lang], n === undefined ? {} : { n });
  for (const needed of [h('customer'), h('group')]) {
    if (!columns.includes(needed)) throw keyedError('BAD_FILE', `${name} has no column ${needed}; was it edited?`, 'listColumn', { file: name, column: needed });
  }
  const control = TARGET_GROUPS.control[lang];
  const recColumns: string[] = [];
  for (let n = 1; columns.includes(h('recCode', n)); n++) recColumns.push(h('recCode', n));
  const optional = (key: keyof typeof TARGET_LIST_HEADINGS) => (columns.includes(h(key)) ? h(key) : null);
  const [decileAt, tierAt, clusterAt] = [optional('riskDecile'), optional('tier2'), optional('cluster')];
  const customers = rows
    .map((r) => ({
      customer: (r[h('customer')] ?? '').trim(),
      control: r[h('group')] === control,
      decile: decileAt ? r[decileAt] : null,
      tier: tierAt ? r[tierAt] : null,
      cluster: clusterAt ? r[clusterAt] : null,
      recommended: recColumns.map((c) => (r[c] ?? '').trim()).filter(Boolean),
    }))
    .filter((c) => c.customer !== '');
  return { path, manifestPath, manifest, columns, customers };
}

/** The list itself, also when its manifest is named instead: list.csv.manifest.json → the file it names, beside it. */
function listPathOf(path: string): string {
  if (!path.endsWith('.manifest.json') || !existsSync(path)) return path;
  try {
    const named = (JSON.parse(readFileSync(path, 'utf8')) as Partial<ExportManifest>).file;
    return typeof named === 'string' && named ? join(dirname(path), basename(named)) : path;
  } catch {
    return path;
  }
}
