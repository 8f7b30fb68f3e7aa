import type { DerivedRows, FileQuality, RejectReason } from '../../../shared/reports';
import type { Session } from '../db/database';
import { quotedIdentifier, quotedString } from '@duckdb/node-api';
import type { LpointKind } from '../../../shared/lpointFiles';
import type { Check, Derivation, KindMapping } from './lpointMapping';
import { attributeMap } from './mappedSource';
import { duplicateLines } from './duplicateLines';
import { lineNumbers } from './lineNumbers';

/** A file to stage: where it is, how to read it, and how its columns become a table's rows. */
export interface StageSource {
  kind: LpointKind;
  /** The file DuckDB reads (a UTF-8 copy where the original was CP949). */
  path: string;
  /** The name reports and rejects show. */
  displayName: string;
  format: 'csv' | 'parquet';
  delimiter: string;
  /** Parquet only: the file's own column names, in order. */
  sourceColumns?: string[];
  /** Names given to the file's columns, by position, inside SQL; the mapping refers to these. */
  columns: string[];
  mapping: KindMapping;
  /** What the report says about the file's dates (mapped purchase files). */
  dates?: { format: string; warnings: string[] };
}

export interface StageOptions {
  importId: number;
  sha256: string;
  /** Physical lines in the file, header included. */
  lines: number;
  /** Empty data lines (1-based), which the CSV reader skips without counting. */
  blankLines?: number[];
  dropDuplicates: boolean;
  /** Imports about to be replaced: their rows do not count as existing keys or catalog entries. */
  replacing: number[];
  /** Master files of an append: a row whose key is already in the project is skipped (counted), not rejected. */
  skipExistingKeys?: boolean;
}

/** A file read, typed and checked into temporary tables, ready to be written in one transaction. */
export interface StagedFile {
  file: StageSource;
  quality: FileQuality;
  /** Temporary tables: the checked rows, the reader's rejects, and the line mapping. */
  checked: string;
  /** The checked rows with their ordinal (`ord`), as SQL to select from. */
  ordered: string;
  errors: string;
  lineExpr: string;
  lineJoin: string;
  keep: string;
}

/**
 * Reads one file into temporary tables, outside the project's transaction (DuckDB reads
 * temporary tables built inside a transaction about twice as slowly). DuckDB's reader (all columns
 * as text; lines it cannot split go to its reject table with line numbers) feeds the typed casts
 * and the checks. Only rejected rows carry raw text and detail.
 *
 * Transaction files are read, typed and checked in one pass straight into the staged table (the
 * catalog check is a cast to an ENUM of the product codes, not a join, so the rows keep the file's
 * order and rowid + 1 is the row's ordinal). Master files need each row's ordinal inside their
 * checks (the first of two rows with one key wins), so they are first read as text, then checked.
 */
export async function stageFile(db: Session, file: StageSource, opts: StageOptions, catalog: string | null): Promise<StagedFile> {
  const started = performance.now();
  const mapping = file.mapping;
  const name = file.displayName;
  const id = opts.importId;
  const checked = `checked_${file.kind}`;
  const errors = `reader_errors_${file.kind}`;

  await db.run(`DROP TABLE IF EXISTS ${checked}; DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans;`);
  const catalogType = catalog && mapping.productColumn ? `catalog_ids_${file.kind}` : null;
  if (catalogType) {
    await db.run(`CREATE OR REPLACE TEMP TYPE ${catalogType} AS ENUM (SELECT DISTINCT catalog_id FROM (${catalog}) WHERE catalog_id IS NOT NULL)`);
  }
  // The reader keeps the file's order (preserve_insertion_order), so rowid + 1 is the row's ordinal.
  // (WITH ORDINALITY and row_number() OVER () do the same, but run the reader on one thread.)
  const direct = mapping.key ? null : checkedSelect(file, { from: readSource(file), ord: null }, mapping, catalogType, opts);
  const onePass = direct !== null && (await keepsRowOrder(db, direct));
  const raw = `raw_${file.kind}`;
  if (onePass) {
    await db.run(`CREATE TEMP TABLE ${checked} AS ${direct}`);
  } else {
    await db.run(`CREATE OR REPLACE TEMP TABLE ${raw} AS SELECT * FROM ${readSource(file)}`);
    await db.run(`CREATE TEMP TABLE ${checked} AS ${checkedSelect(file, { from: raw, ord: 'rowid + 1' }, mapping, catalogType, opts)}`);
    await db.run(`DROP TABLE ${raw}`);
  }
  await db.run(`CREATE TEMP TABLE IF NOT EXISTS reject_errors (line BIGINT, column_idx BIGINT, error_type VARCHAR, error_message VARCHAR, csv_line VARCHAR)`);
  // The rows with their ordinal, for every query below and the write.
  const ordered = onePass ? `(SELECT rowid + 1 AS ord, * FROM ${checked})` : checked;
  await db.run(`
    CREATE OR REPLACE TEMP TABLE ${errors} AS
    SELECT line, error_type, error_message, csv_line FROM reject_errors
    QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx) = 1;
    DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans;`);
  const structural = (await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${errors}`))?.n ?? 0;
  const blank = file.format === 'csv' ? (opts.blankLines ?? []) : [];

  const { lineExpr, lineJoin } = await lineNumbers(db, file, errors, structural, blank);

  const targetCols = mapping.select.map(([col]) => quotedIdentifier(col));
  const amount = mapping.amount ? quotedIdentifier(mapping.amount) : null;
  const date = mapping.date ? quotedIdentifier(mapping.date) : null;
  type Stats = { loaded: number; rejected: number; returns: number; zero: number; priced: number; lo: string | null; hi: string | null };
  const good = (cond: string) => `count(*) FILTER (WHERE reason IS NULL AND ${cond})::BIGINT`;
  const stats = await db.one<Stats>(`
    SELECT count(*) FILTER (WHERE reason IS NULL)::BIGINT AS loaded,
           count(*) FILTER (WHERE reason IS NOT NULL)::BIGINT AS rejected,
           ${amount ? good(`${amount} < 0`) : '0'} AS returns,
           ${amount ? good(`${amount} = 0`) : '0'} AS zero,
           ${amount ? `count(${amount})::BIGINT` : '0'} AS priced,
           ${date ? `strftime(min(${date}) FILTER (WHERE reason IS NULL), '%Y-%m-%d')` : 'NULL'} AS lo,
           ${date ? `strftime(max(${date}) FILTER (WHERE reason IS NULL), '%Y-%m-%d')` : 'NULL'} AS hi
    FROM ${checked}`);
  // Transaction files only: master files have no duplicates to count.
  const dup = amount ? await duplicateLines(db, checked, targetCols, amount, file.kind, { withAmount: opts.dropDuplicates }) : { lines: 0, amount: 0 };
  const duplicates = dup.lines;
  const duplicatesAmount = dup.amount ?? 0;
  const drop = opts.dropDuplicates && duplicates > 0;
  const skip = opts.skipExistingKeys && mapping.key ? await existingKeys(db, checked, mapping.key, mapping.table, opts.replacing) : null;
  const keep = drop
    ? `reason IS NULL QUALIFY row_number() OVER (PARTITION BY ${targetCols.join(', ')} ORDER BY ord) = 1`
    : `reason IS NULL${skip ? ` AND ${skip.keep}` : ''}`;

  const rejectsByReason: Partial<Record<RejectReason, number>> = {};
  for (const r of await db.all<{ reason: RejectReason; n: number }>(`
    SELECT reason, count(*)::BIGINT AS n FROM (
      SELECT reason FROM ${checked} WHERE reason IS NOT NULL
      UNION ALL
      SELECT CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 'column_count' ELSE 'malformed' END FROM ${errors})
    GROUP BY reason ORDER BY reason`)) {
    rejectsByReason[r.reason] = r.n;
  }
  const loaded = stats?.loaded ?? 0;
  const rejected = (stats?.rejected ?? 0) + structural;
  const duplicatesDropped = drop ? duplicates : 0;
  const quality: FileQuality = {
    importId: id,
    kind: file.kind,
    file: name,
    sha256: opts.sha256,
    rowsRead: loaded + rejected,
    // Lines the CSV reader did not account for (e.g. swallowed by an unterminated quote), so none vanish silently.
    linesUnaccounted: file.format === 'csv' ? Math.max(0, opts.lines - 1 - blank.length - (loaded + rejected)) : 0,
    ...(blank.length ? { blankLines: blank.length } : {}),
    rowsLoaded: loaded - duplicatesDropped - (skip?.rows ?? 0),
    ...(skip ? { keysSkipped: skip.rows } : {}),
    rowsRejected: rejected,
    rejectsByReason,
    returns: stats?.returns ?? 0,
    ...(amount ? { zeroAmount: stats?.zero ?? 0 } : {}),
    duplicates,
    duplicatesDropped,
    ...(duplicatesDropped > 0 ? { duplicatesAmountDropped: Math.round(duplicatesAmount * 100) / 100 } : {}),
    ...(amount && loaded > 0 && stats?.priced === 0 ? { noAmount: true } : {}),
    ...(mapping.attributeNames?.length ? { attributes: mapping.attributeNames } : {}),
    ...(mapping.derived?.length ? { derived: await derivedReport(db, checked, mapping.derived, opts.replacing) } : {}),
    dateMin: stats?.lo ?? null,
    dateMax: stats?.hi ?? null,
    seconds: (performance.now() - started) / 1000,
    ...(file.dates ? { dateFormat: file.dates.format, dateWarnings: file.dates.warnings } : {}),
  };
  return { file, quality, checked, ordered, errors, lineExpr, lineJoin, keep };
}

/** Writes a staged file into the project's tables; the caller holds the transaction. */
export async function writeStaged(db: Session, staged: StagedFile): Promise<void> {
  const started = performance.now();
  const mapping = staged.file.mapping;
  const { checked, ordered, errors, lineExpr, lineJoin, keep, quality } = staged;
  const id = quality.importId;
  const name = quotedString(quality.file);
  const targetCols = mapping.select.map(([col]) => quotedIdentifier(col));
  const insertCols = [...targetCols, ...(mapping.amount ? ['is_return', 'import_id', 'line'] : ['import_id'])];
  const values = [...targetCols, ...(mapping.amount ? [`coalesce(${quotedIdentifier(mapping.amount)} < 0, false)`, String(id), lineExpr] : [String(id)])];
  await db.run(`INSERT INTO ${mapping.table} (${insertCols.join(', ')}) SELECT ${values.join(', ')} FROM ${ordered} ${lineJoin} WHERE ${keep}`);
  await db.run(`INSERT INTO rejects SELECT ${id}, ${name}, ${lineExpr}, reason, detail, raw FROM ${ordered} ${lineJoin} WHERE reason IS NOT NULL`);
  for (const d of mapping.derived ?? []) await db.run(deriveSql(checked, d, id));
  await db.run(`
    INSERT INTO rejects
    SELECT ${id}, ${name}, line,
           CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 'column_count' ELSE 'malformed' END,
           error_message, regexp_replace(csv_line, '^[\\r\\n]+', '')
    FROM ${errors}`);
  quality.seconds += (performance.now() - started) / 1000;
}

/** The master rows a file's own columns give: the most frequent value per key and column, for keys not yet in the table. */
function deriveSql(checked: string, d: Derivation, importId: number): string {
  const key = quotedIdentifier(d.key);
  const cols = d.columns.map(([target]) => quotedIdentifier(target));
  const values = d.columns.map(([, staged]) => `mode(${quotedIdentifier(staged)})`);
  const attrs = d.attributes?.length ? attributeMap(d.attributes.map(([name, staged]) => [name, `mode(${quotedIdentifier(staged)})`])) : null;
  return `
    INSERT INTO ${d.table} (${[key, ...cols, ...(attrs ? ['attributes'] : []), 'import_id'].join(', ')})
    SELECT ${[key, ...values, ...(attrs ? [attrs] : []), String(importId)].join(', ')}
    FROM ${checked} WHERE reason IS NULL AND ${key} IS NOT NULL AND ${key} NOT IN (SELECT ${key} FROM ${d.table})
    GROUP BY ${key}`;
}

/** How many master rows a file gives, and per column how many keys its lines disagree on. */
async function derivedReport(db: Session, checked: string, derived: Derivation[], replacing: number[]): Promise<DerivedRows[]> {
  const out: DerivedRows[] = [];
  for (const d of derived) {
    const key = quotedIdentifier(d.key);
    const all = [...d.columns, ...(d.attributes ?? [])];
    const notReplaced = replacing.length ? `AND import_id NOT IN (${replacing.join(', ')})` : '';
    const row = await db.one<Record<string, number>>(`
      SELECT count(*) FILTER (WHERE NOT known)::BIGINT AS rows
        ${all.map((_, i) => `, count(*) FILTER (WHERE NOT known AND n${i} > 1)::BIGINT AS c${i}`).join('')}
      FROM (
        SELECT ${key}, ${key} IN (SELECT ${key} FROM ${d.table} WHERE true ${notReplaced}) AS known
          ${all.map(([, staged], i) => `, count(DISTINCT ${quotedIdentifier(staged)}) AS n${i}`).join('')}
        FROM ${checked} WHERE reason IS NULL AND ${key} IS NOT NULL GROUP BY ${key})`);
    out.push({
      table: d.table,
      rows: row?.rows ?? 0,
      conflicts: all.map(([column], i) => ({ column, keys: row?.[`c${i}`] ?? 0 })).filter((c) => c.keys > 0),
    });
  }
  return out;
}

/** Master files of an append: the valid rows whose key the project already has (skipped, not written). */
async function existingKeys(db: Session, checked: string, keyColumn: string, table: string, replacing: number[]): Promise<{ rows: number; keep: string }> {
  const key = quotedIdentifier(keyColumn);
  const notReplaced = replacing.length ? `WHERE import_id NOT IN (${replacing.join(', ')})` : '';
  const row = await db.one<{ n: number }>(
    `SELECT count(*)::BIGINT AS n FROM ${checked} WHERE reason IS NULL AND ${key} IN (SELECT ${key} FROM ${table} ${notReplaced})`,
  );
  // At the write, inside the transaction, the imports being replaced are gone already.
  return { rows: row?.n ?? 0, keep: `${key} NOT IN (SELECT ${key} FROM ${table})` };
}

export async function dropStaged(db: Session, staged: StagedFile[]): Promise<void> {
  for (const s of staged) {
    const kind = s.file.kind;
    await db.run(`DROP TABLE IF EXISTS checked_${kind}; DROP TABLE IF EXISTS reader_errors_${kind}; DROP TABLE IF EXISTS line_steps_${kind}; DROP TABLE IF EXISTS line_hashes_${kind}; DROP TYPE IF EXISTS catalog_ids_${kind};`);
  }
}

/**
 * Whether DuckDB runs a select as a plain pipeline from the reader (scan, projections, filters), so
 * the rows it stores keep the file's order. The optimizer can turn innocent SQL into a join (an IN
 * list of five values or more becomes one), and a join gives the order up.
 */
export async function keepsRowOrder(db: Session, select: string): Promise<boolean> {
  const plan = (await db.all<{ explain_value: string }>(`EXPLAIN ${select}`)).map((r) => r.explain_value).join('\n');
  return !/JOIN|WINDOW|AGGREGATE|GROUP_BY|ORDER_BY|TOP_N|UNION|DISTINCT|SAMPLE/.test(plan);
}

/**
 * The file as DuckDB reads it: every column as text under its positional name. Bad lines go to
 * DuckDB's reject table when staging (`store`), or are skipped when only sampling (`ignore`).
 */
export function readSource(file: Omit<StageSource, 'mapping'>, badLines: 'store' | 'ignore' = 'store'): string {
  if (file.format === 'parquet') {
    const cols = (file.sourceColumns ?? []).map((c, i) => `CAST(${quotedIdentifier(c)} AS VARCHAR) AS ${quotedIdentifier(file.columns[i])}`);
    return `(SELECT ${cols.join(', ')} FROM read_parquet(${quotedString(file.path)}))`;
  }
  const columns = `{${file.columns.map((c) => `${quotedString(c)}: 'VARCHAR'`).join(', ')}}`;
  return `read_csv(${quotedString(file.path)}, header = true, delim = ${quotedString(file.delimiter)}, quote = '"', escape = '"',
    columns = ${columns}, auto_detect = false, ${badLines === 'store' ? 'store_rejects' : 'ignore_errors'} = true)`;
}

/**
 * Three levels: the reader's text columns and the typed values; the first failing check (the
 * reason); detail and raw text for rejected rows only. `source.ord` is the rows' ordinal where a
 * check needs it (then it is the `ord` column), or null (then the staged table's rowid gives it).
 * `catalogType` is an ENUM of the known product codes: a cast to it checks a row's product.
 */
function checkedSelect(file: StageSource, source: { from: string; ord: string | null }, mapping: KindMapping, catalogType: string | null, opts: StageOptions): string {
  const checks: Check[] = [...mapping.checks];
  const from = source.ord === null ? `${source.from} AS src` : `(SELECT ${source.ord} AS ordinality, * FROM ${source.from}) AS src`;
  const notReplaced = opts.replacing.length ? `WHERE import_id NOT IN (${opts.replacing.join(', ')})` : '';
  if (mapping.key) {
    const key = quotedIdentifier(mapping.key);
    // An append skips the keys the project has (existingKeys); otherwise a known key is a rejected duplicate.
    const known = opts.skipExistingKeys ? '' : `\n               OR ${key} IN (SELECT ${key} FROM ${mapping.table} ${notReplaced})`;
    checks.push({ reason: 'missing_key', fails: `${key} IS NULL`, detail: `'key is empty'` });
    checks.push({
      reason: 'duplicate_key',
      fails: `(row_number() OVER (PARTITION BY ${key} ORDER BY ord) > 1${known})`,
      detail: `'${mapping.key}=' || ${key}`,
    });
  }
  const productCol = mapping.productColumn;
  if (catalogType && productCol) {
    // An empty product code fails too, as it did when this was a join.
    const product = quotedIdentifier(productCol);
    checks.push({ reason: 'unknown_product', fails: `TRY_CAST(${product} AS ${catalogType}) IS NULL`, detail: `'${productCol}=' || coalesce(${product}, '')` });
  }
  const reason = checks.length ? `CASE ${checks.map((c) => `WHEN ${c.fails} THEN '${c.reason}'`).join(' ')} END` : 'NULL::VARCHAR';
  const detail = checks.length ? `CASE reason ${checks.map((c) => `WHEN '${c.reason}' THEN ${c.detail}`).join(' ')} END` : 'NULL::VARCHAR';
  const rawText = `concat_ws(${quotedString(file.delimiter)}, ${file.columns.map((c) => `coalesce(${quotedIdentifier(c)}, '')`).join(', ')})`;
  const selectAll = [...mapping.select, ...(mapping.extra ?? [])];
  const typed = selectAll.map(([col]) => quotedIdentifier(col)).join(', ');
  return `
    SELECT ${source.ord === null ? '' : 'ord, '}${typed}, reason,
      CASE WHEN reason IS NULL THEN NULL ELSE ${detail} END AS detail,
      CASE WHEN reason IS NULL THEN NULL ELSE ${rawText} END AS raw
    FROM (
      SELECT *, ${reason} AS reason
      FROM (
        SELECT ${source.ord === null ? '' : 'src.ordinality AS ord, '}${file.columns.map((c) => `src.${quotedIdentifier(c)}`).join(', ')},
          ${selectAll.map(([col, expr]) => `${expr} AS ${quotedIdentifier(col)}`).join(',\n          ')}
        FROM ${from}))`;
}
