import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { dateFormatProblem } from '../../../shared/dates';
import { badArgument, keyedError } from '../../../shared/errors';
import type { LpointKind } from '../../../shared/lpointFiles';
import { WHITESPACE_DELIMITER, type Encoding, type ImportMap } from '../../../shared/mapping';
import type { DateColumnCheck, ImportReport } from '../../../shared/reports';
import type { Job } from '../jobs/jobs';
import type { Project } from '../project/projectStore';
import { NORMALISED_DELIMITER, normaliseWhitespace, transcodeCp949 } from './encoding';
import { scanFileBytes } from './fileScan';
import { runImport, type PreparedSource } from './importRun';
import { describeDateColumn, resolveDates, sampleColumnValues } from './dateColumn';
import type { StageSource } from './loadFile';
import type { KindMapping } from './lpointMapping';
import { customerMapping, positional, productMapping, purchaseMapping } from './mappedSource';
import { fileFormat, previewFile } from './preview';
import { setCurrency } from '../project/projectSettings';
import { detectCurrency } from '../../../shared/money';

export interface MappedOptions {
  map: ImportMap;
  dropDuplicates: boolean;
  replace: boolean;
  /** Save the mapping in the project under this name for reuse. */
  saveAs?: string;
  /** Refuse the import when a file rejects more than this share of its rows (see RunOptions). */
  maxRejectShare?: number;
  /** Import even when the dates look wrong (outside 1900–2100, a two-digit year under a four-digit format …). */
  acceptDateWarnings?: boolean;
  /** New data for the project: dates already there are refused, or replaced with `replaceDates` (see RunOptions). */
  append?: boolean;
  replaceDates?: boolean;
}

/**
 * Imports any purchase CSV or Parquet file (plus optional customer and product files) through a
 * column mapping. CP949 files are transcoded to a temporary UTF-8 copy first; the content hash
 * that guards against re-import is that of the file as given.
 */
export async function importMapped(project: Project, options: MappedOptions, job: Job): Promise<ImportReport> {
  const tmp = mkdtempSync(join(tmpdir(), 'cw-import-'));
  try {
    const inputs: PreparedSource[] = [];
    const { map } = options;
    const derive = { products: !map.products, customers: !map.customers };
    let detectedCurrency: string | null = null;
    const entries: [LpointKind, FileSpec, Build][] = [
      [
        'purchases',
        map.purchases,
        async (col, source) => {
          // The date format: inferred from (or checked against) the date column's values first.
          const m = map.purchases.mapping;
          col(m.date); // a missing column is named before anything is read
          const values = await sampleColumnValues(source, source.header.indexOf(m.date));
          const dates = resolveDates(values, m.dateFormat, m.date, source.displayName, options.acceptDateWarnings ?? false);
          // The currency, where the map names none: what the amount cells' sign says ($, €, ₩ …) in the file's head.
          if (!map.currency && m.amount) detectedCurrency = detectCurrency(source.head.map((r) => r[source.header.indexOf(m.amount!)] ?? ''));
          return { mapping: purchaseMapping({ ...m, dateFormat: dates.format }, col, derive), dates };
        },
      ],
    ];
    if (map.customers) entries.push(['customers', map.customers, async (col) => ({ mapping: customerMapping(map.customers!.mapping, col) })]);
    if (map.products) entries.push(['products', map.products, async (col) => ({ mapping: productMapping(map.products!.mapping, col) })]);
    for (const [kind, spec, build] of entries) {
      job.throwIfCancelled();
      job.progress({ step: `check ${basename(spec.file)}`, rowsDone: 0, fraction: null }, true);
      inputs.push(await prepare(kind, spec, build, tmp));
    }
    const run = await runImport(project, inputs, options, job);
    const currency = map.currency ?? detectedCurrency ?? undefined;
    if (currency) await project.commit(() => setCurrency(project, currency));
    if (options.saveAs) await project.commit(() => saveMapping(project, options.saveAs!, map));
    return {
      project: project.dir,
      ...run,
      missing: [],
      ...(currency ? { currency: { code: currency, detected: !map.currency } } : {}),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Builds a file's mapping once the file is readable (the purchase file's dates are sampled first). */
type Build = (
  col: (n: string) => string,
  source: Omit<StageSource, 'mapping'> & { header: string[]; head: string[][] },
) => Promise<{ mapping: KindMapping; dates?: { format: string; warnings: string[] } }>;

async function prepare(kind: LpointKind, spec: FileSpec, build: Build, tmp: string): Promise<PreparedSource> {
  const { bytes, readable, header, head, col } = await readableSource(kind, spec, tmp);
  if (readable.format === 'csv' && bytes.lines - bytes.blankLines.length <= 1) {
    const file = readable.displayName;
    throw keyedError('BAD_FILE', `${file} has a header but no data rows, so nothing was imported.`, 'headerNoRows', { file });
  }
  const { mapping, dates } = await build(col, { ...readable, header, head });
  return { bytes, source: { ...readable, mapping, dates } };
}

type FileSpec = { file: string; encoding: Encoding | 'auto'; delimiter?: string };

/**
 * A file as DuckDB will read it: transcoded to UTF-8 where it is CP949, whitespace-aligned text
 * normalised to a tab-delimited copy (one line per line; the hash stays the file's), columns named by position.
 */
async function readableSource(kind: LpointKind, spec: FileSpec, tmp: string) {
  const preview = await previewFile(spec.file, spec.encoding, spec.delimiter);
  const bytes = await scanFileBytes(spec.file);
  let path = spec.file;
  const whitespace = preview.delimiter === WHITESPACE_DELIMITER;
  if (preview.format === 'csv') {
    if (bytes.invalidUtf8Line !== null && preview.encoding !== 'cp949') {
      throw keyedError(
        'BAD_FILE',
        `${basename(spec.file)} is not UTF-8 at line ${bytes.invalidUtf8Line}; if it was saved by Korean Excel, choose the CP949 encoding.`,
        'notUtf8TryCp949',
        { file: basename(spec.file), line: bytes.invalidUtf8Line },
      );
    }
    if (whitespace) {
      path = join(tmp, `${kind}.tsv`);
      await normaliseWhitespace(spec.file, path, preview.encoding);
      // A line of spaces becomes an empty line there, which DuckDB skips: the copy's blank lines count.
      bytes.blankLines = (await scanFileBytes(path)).blankLines;
    } else if (preview.encoding === 'cp949') {
      path = join(tmp, `${kind}.csv`);
      await transcodeCp949(spec.file, path);
    }
  }
  const { columns, col } = positional(preview.header);
  const readable: Omit<StageSource, 'mapping'> = {
    kind,
    path,
    displayName: basename(spec.file),
    format: fileFormat(spec.file),
    delimiter: whitespace ? NORMALISED_DELIMITER : (preview.delimiter ?? ','),
    sourceColumns: preview.format === 'parquet' ? preview.header : undefined,
    columns,
  };
  return { bytes, readable, header: preview.header, head: preview.rows, col };
}

/**
 * The date column of a purchase file as the import would read it — inferred when `dateFormat` is
 * auto, else checked — on a sample of the whole file; nothing is imported (the wizard asks with it).
 */
export async function checkDateColumn(spec: FileSpec, column: string, dateFormat: string): Promise<DateColumnCheck> {
  const tmp = mkdtempSync(join(tmpdir(), 'cw-dates-'));
  try {
    const problem = dateFormat === 'auto' ? null : dateFormatProblem(dateFormat);
    if (problem) throw badArgument(problem, ['dateFormat'], 'dateFormatInvalid', { format: dateFormat });
    const { readable, header, col } = await readableSource('purchases', spec, tmp);
    col(column); // names the file's columns when there is no such column
    return describeDateColumn(await sampleColumnValues(readable, header.indexOf(column)), dateFormat, column);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function saveMapping(project: Project, name: string, map: ImportMap): Promise<void> {
  await project.db.run(`INSERT OR REPLACE INTO mappings VALUES ($1, $2, now()::TIMESTAMP)`, [name, JSON.stringify(map)]);
}

export async function listMappings(project: Project): Promise<{ name: string; map: ImportMap; savedAt: string }[]> {
  const rows = await project.db.all<{ name: string; spec: string; saved_at: string }>(
    `SELECT name, spec, strftime(saved_at, '%Y-%m-%d %H:%M') AS saved_at FROM mappings ORDER BY saved_at DESC`,
  );
  return rows.map((r) => ({ name: r.name, map: JSON.parse(r.spec) as ImportMap, savedAt: r.saved_at }));
}
