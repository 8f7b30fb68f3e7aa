import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { keyedError } from '../../../shared/errors';
import type { ExportManifest } from '../../../shared/export';
import { fill, TARGET_GROUPS, TARGET_LIST_HEADINGS } from '../../../shared/i18n';
import type { Sql } from '../db/database';
import { manifestPathFor } from '../files/exportManifest';
import { parseCsv } from './csvText';

/** One listed customer: contacted or held out, and the product codes recommended to them (in order). */
export interface ListedCustomer {
  customer: string;
  contacted: boolean;
  recs: string[];
}

export interface CampaignList {
  path: string;
  manifestPath: string;
  manifest: ExportManifest;
  customers: ListedCustomer[];
}

/**
 * Reads a target list written by `export.write` (CSV in UTF-8 with BOM or CP949, or Parquet) and its
 * manifest beside it. Headings are recognised in Korean or English; the customers come back in
 * customer order. Nothing about the project is checked here (see `checkListBelongs`).
 */
export async function readCampaignList(db: Sql, file: string): Promise<CampaignList> {
  const path = resolve(file);
  const manifestPath = manifestPathFor(path);
  if (!existsSync(path)) throw keyedError('NOT_FOUND', `The file ${path} does not exist or cannot be read.`, 'fileNotFound', { file: path });
  if (!existsSync(manifestPath)) {
    throw keyedError('BAD_FILE', `${path} has no manifest beside it (${manifestPath}); write the list with the export command.`, 'simulateNoManifest', { file: path, manifest: manifestPath });
  }
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ExportManifest;
  } catch {
    throw keyedError('BAD_FILE', `${manifestPath} is not a list manifest.`, 'simulateNoManifest', { file: path, manifest: manifestPath });
  }
  if (manifest?.kind !== 'campaign-target-list') throw keyedError('BAD_FILE', `${manifestPath} is not a list manifest.`, 'simulateNoManifest', { file: path, manifest: manifestPath });
  const table = manifest.format === 'parquet' ? await parquetTable(db, path) : csvTable(path, manifest.encoding);
  return { path, manifestPath, manifest, customers: listedCustomers(table, path) };
}

function csvTable(path: string, encoding: ExportManifest['encoding']): string[][] {
  const bytes = readFileSync(path);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = bom ? bytes.subarray(3).toString('utf8') : encoding === 'cp949' ? iconv.decode(bytes, 'cp949') : bytes.toString('utf8');
  return parseCsv(text);
}

async function parquetTable(db: Sql, path: string): Promise<string[][]> {
  const rows = await db.all(`SELECT * FROM read_parquet($1)`, [path]);
  if (!rows.length) return [];
  const header = Object.keys(rows[0]);
  return [header, ...rows.map((r) => header.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))))];
}

const heading = (key: keyof typeof TARGET_LIST_HEADINGS, n?: number) => [fill(TARGET_LIST_HEADINGS[key].ko, { n: n ?? 0 }), fill(TARGET_LIST_HEADINGS[key].en, { n: n ?? 0 })];

function listedCustomers(table: string[][], path: string): ListedCustomer[] {
  const [header = [], ...rows] = table;
  const at = (names: string[]) => header.findIndex((h) => names.includes(h.trim()));
  const cust = at(heading('customer'));
  const group = at(heading('group'));
  if (cust < 0 || group < 0) {
    throw keyedError('BAD_FILE', `${path} has no customer and group columns (고객번호, 그룹); it is not a target list.`, 'simulateNotAList', { file: path });
  }
  const recCols: number[] = [];
  for (let n = 1; n <= 20; n++) {
    const c = at(heading('recCode', n));
    if (c >= 0) recCols.push(c);
  }
  const control = new Set<string>([TARGET_GROUPS.control.ko, TARGET_GROUPS.control.en]);
  const out: ListedCustomer[] = [];
  for (const r of rows) {
    const customer = (r[cust] ?? '').trim();
    if (!customer) continue;
    out.push({ customer, contacted: !control.has((r[group] ?? '').trim()), recs: recCols.map((c) => (r[c] ?? '').trim()).filter(Boolean) });
  }
  return out.sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
}
