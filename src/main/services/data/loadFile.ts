import { basename } from 'node:path';
import type { FileQuality, RejectReason } from '../../../shared/reports';
import type { Database } from '../db/database';
import { quoteIdent, quoteLiteral } from '../db/sql';
import type { FoundFile } from './fileScan';
import { MAPPINGS, type KindMapping } from './lpointMapping';

export interface LoadOptions {
  importId: number;
  sha256: string;
  /** Physical lines in the file, header included. */
  lines: number;
  dropDuplicates: boolean;
}

/**
 * Loads one L.POINT file into its table inside the caller's transaction.
 * DuckDB parses the CSV (all columns as text, structural errors to its reject table with line
 * numbers); the typed casts and the semantic checks are SQL over the staged rows, so every
 * rejected row keeps its line number, reason and raw text.
 */
export async function loadFile(db: Database, file: FoundFile, opts: LoadOptions): Promise<FileQuality> {
  const started = performance.now();
  const mapping = MAPPINGS[file.spec.kind];
  const name = basename(file.path);
  await stage(db, file);
  await db.run(`DROP TABLE IF EXISTS checked`);
  await db.run(`CREATE TEMP TABLE checked AS ${checkedSelect(file, mapping, await catalogLoaded(db, mapping))}`);

  const targetCols = mapping.select.map(([col]) => col);
  const bookkeeping = mapping.amount ? [`${mapping.amount} <= 0`, String(opts.importId), 'line'] : [String(opts.importId)];
  const insertCols = [...targetCols, ...(mapping.amount ? ['is_return', 'import_id', 'line'] : ['import_id'])];
  const rawCols = file.header.map(quoteIdent).join(', ');

  let duplicates = 0;
  let duplicatesDropped = 0;
  if (mapping.amount) {
    const dup = await db.one<{ n: number }>(
      `SELECT (count(*) - count(DISTINCT (${rawCols})))::BIGINT AS n FROM checked WHERE reason IS NULL`,
    );
    duplicates = dup?.n ?? 0;
  }
  const source =
    opts.dropDuplicates && duplicates > 0
      ? `SELECT * FROM checked WHERE reason IS NULL QUALIFY row_number() OVER (PARTITION BY ${rawCols} ORDER BY line) = 1`
      : `SELECT * FROM checked WHERE reason IS NULL`;
  if (opts.dropDuplicates) duplicatesDropped = duplicates;
  await db.run(
    `INSERT INTO ${mapping.table} (${insertCols.map(quoteIdent).join(', ')})
     SELECT ${[...targetCols.map(quoteIdent), ...bookkeeping].join(', ')} FROM (${source})`,
  );
  await db.run(
    `INSERT INTO rejects SELECT ${opts.importId}, ${quoteLiteral(name)}, line, reason, detail, raw FROM checked WHERE reason IS NOT NULL`,
  );
  await db.run(`
    INSERT INTO rejects
    SELECT ${opts.importId}, ${quoteLiteral(name)}, line,
           CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 'column_count' ELSE 'malformed' END,
           error_message, regexp_replace(csv_line, '^[\\r\\n]+', '')
    FROM stage_errors`);

  const stats = await db.one<{ loaded: number; rejected: number; returns: number; lo: string | null; hi: string | null }>(`
    SELECT count(*) FILTER (WHERE reason IS NULL)::BIGINT AS loaded,
           count(*) FILTER (WHERE reason IS NOT NULL)::BIGINT AS rejected,
           ${mapping.amount ? `count(*) FILTER (WHERE reason IS NULL AND ${mapping.amount} <= 0)::BIGINT` : '0'} AS returns,
           ${mapping.date ? `strftime(min(${mapping.date}) FILTER (WHERE reason IS NULL), '%Y-%m-%d')` : 'NULL'} AS lo,
           ${mapping.date ? `strftime(max(${mapping.date}) FILTER (WHERE reason IS NULL), '%Y-%m-%d')` : 'NULL'} AS hi
    FROM checked`);
  const structural = await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM stage_errors`);
  const rejectsByReason: Partial<Record<RejectReason, number>> = {};
  for (const r of await db.all<{ reason: RejectReason; n: number }>(
    `SELECT reason, count(*)::BIGINT AS n FROM rejects WHERE import_id = ${opts.importId} GROUP BY reason ORDER BY reason`,
  )) {
    rejectsByReason[r.reason] = r.n;
  }
  await db.run(`DROP TABLE IF EXISTS checked; DROP TABLE IF EXISTS stage; DROP TABLE IF EXISTS stage_errors;`);
  const loadedRows = (stats?.loaded ?? 0) - duplicatesDropped;
  const rejected = (stats?.rejected ?? 0) + (structural?.n ?? 0);
  return {
    importId: opts.importId,
    kind: file.spec.kind,
    file: name,
    sha256: opts.sha256,
    rowsRead: (stats?.loaded ?? 0) + rejected,
    // Lines the CSV reader did not account for (e.g. swallowed by an unterminated quote), so none vanish silently.
    linesUnaccounted: Math.max(0, opts.lines - 1 - ((stats?.loaded ?? 0) + rejected)),
    rowsLoaded: loadedRows,
    rowsRejected: rejected,
    rejectsByReason,
    returns: stats?.returns ?? 0,
    duplicates,
    duplicatesDropped,
    dateMin: stats?.lo ?? null,
    dateMax: stats?.hi ?? null,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Reads the file as text columns; rows DuckDB cannot split go to stage_errors (one per line). */
async function stage(db: Database, file: FoundFile): Promise<void> {
  const columns = `{${file.header.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ')}}`;
  await db.run(`DROP TABLE IF EXISTS stage; DROP TABLE IF EXISTS stage_raw; DROP TABLE IF EXISTS stage_errors;
    DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans;`);
  await db.run(`
    CREATE TEMP TABLE stage_raw AS
    SELECT *, ordinality AS ord FROM read_csv(${quoteLiteral(file.path)}, header = true, delim = ',', quote = '"',
      escape = '"', columns = ${columns}, auto_detect = false, store_rejects = true) WITH ORDINALITY`);
  await db.run(`
    CREATE TEMP TABLE stage_errors AS
    SELECT line, error_type, error_message, csv_line FROM reject_errors
    QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx) = 1;
    DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans;`);
  const errors = await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM stage_errors`);
  if (!errors?.n) {
    // Header is line 1, so the k-th good row is line k + 1.
    await db.run(`CREATE TEMP TABLE stage AS SELECT * EXCLUDE (ord), ord + 1 AS line FROM stage_raw; DROP TABLE stage_raw;`);
    return;
  }
  // Rows DuckDB rejected are missing from the ordinality count: the k-th good row sits after
  // every rejected line that has fewer than k good rows before it.
  await db.run(`
    CREATE TEMP TABLE stage AS
    WITH rj AS (
      SELECT line - 1 - row_number() OVER (ORDER BY line) AS good_before, row_number() OVER (ORDER BY line) AS seen
      FROM stage_errors),
    steps AS (SELECT good_before, max(seen) AS seen FROM rj GROUP BY good_before)
    SELECT s.* EXCLUDE (ord), s.ord + 1 + coalesce(st.seen, 0) AS line
    FROM stage_raw s ASOF LEFT JOIN steps st ON s.ord > st.good_before;
    DROP TABLE stage_raw;`);
}

async function catalogLoaded(db: Database, mapping: KindMapping): Promise<boolean> {
  if (!mapping.productColumn) return false;
  const row = await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM products`);
  return (row?.n ?? 0) > 0;
}

function checkedSelect(file: FoundFile, mapping: KindMapping, checkCatalog: boolean): string {
  const raw = `concat_ws(',', ${file.header.map((c) => `coalesce(${quoteIdent(c)}, '')`).join(', ')})`;
  const checks = [...mapping.checks];
  let from = 'stage';
  if (mapping.key) {
    const keyExpr = mapping.select.find(([col]) => col === mapping.key)?.[1] ?? 'NULL';
    checks.push({ reason: 'missing_key', fails: `${keyExpr} IS NULL`, detail: `'key is empty'` });
    checks.push({
      reason: 'duplicate_key',
      fails: `(row_number() OVER (PARTITION BY ${keyExpr} ORDER BY line) > 1
               OR ${keyExpr} IN (SELECT ${mapping.key} FROM ${mapping.table}))`,
      detail: `'${mapping.key}=' || ${keyExpr}`,
    });
  }
  if (checkCatalog && mapping.productColumn) {
    const col = quoteIdent(mapping.productColumn);
    from = `stage LEFT JOIN (SELECT DISTINCT product_id AS catalog_id FROM products) cat ON cat.catalog_id = trim(stage.${col})`;
    checks.push({ reason: 'unknown_product', fails: `cat.catalog_id IS NULL`, detail: `'pd_c=' || coalesce(stage.${col}, '')` });
  }
  const reason = checks.length
    ? `CASE ${checks.map((c) => `WHEN ${c.fails} THEN '${c.reason}'`).join(' ')} END`
    : 'NULL::VARCHAR';
  const detail = checks.length ? `CASE ${checks.map((c) => `WHEN ${c.fails} THEN ${c.detail}`).join(' ')} END` : 'NULL::VARCHAR';
  const rawCols = file.header.map((c) => `stage.${quoteIdent(c)}`).join(', ');
  return `SELECT ${rawCols}, stage.line AS line,
    ${mapping.select.map(([col, expr]) => `${expr} AS ${quoteIdent(col)}`).join(',\n    ')},
    ${reason} AS reason, ${detail} AS detail, ${raw} AS raw
    FROM ${from}`;
}
