import { quotedIdentifier, quotedString } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { ExportManifest } from '../../../shared/export';
import { TARGET_GROUPS, TARGET_LIST_HEADINGS } from '../../../shared/i18n';
import type { Sql } from '../db/database';

/** Customers of the written list per risk decile (null: no score, or no decile column) and group. */
export interface ListCounts {
  hasDecile: boolean;
  rows: { decile: number | null; contact: number; control: number }[];
}

/**
 * Counts read back from the list file itself (not from the database, which may have changed since):
 * its group column, and its risk-decile column where the list has one. CP949 lists are turned into
 * UTF-8 in a temporary file first (DuckDB reads UTF-8 only without its downloadable extension).
 * Null when the file is gone or does not have the columns its manifest names.
 */
export async function listCounts(db: Sql, manifest: ExportManifest, path: string): Promise<ListCounts | null> {
  if (!existsSync(path)) return null;
  let temp: string | null = null;
  try {
    let source: string;
    if (manifest.format === 'parquet') source = `read_parquet(${quotedString(path)})`;
    else {
      let file = path;
      if (manifest.encoding === 'cp949') {
        temp = mkdtempSync(join(tmpdir(), 'cw-report-'));
        file = join(temp, 'list.csv');
        writeFileSync(file, iconv.decode(readFileSync(path), 'cp949'));
      }
      source = `read_csv(${quotedString(file)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)`;
    }
    const raw = (await db.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${source}`)).map((c) => c.column_name);
    const columns = raw.map((c) => c.replace(/^\uFEFF/, ''));
    const lang = manifest.lang;
    const groupAt = columns.indexOf(TARGET_LIST_HEADINGS.group[lang]);
    if (groupAt < 0) return null;
    const decileAt = columns.indexOf(TARGET_LIST_HEADINGS.riskDecile[lang]);
    const decile = decileAt >= 0 ? `TRY_CAST(${quotedIdentifier(raw[decileAt])} AS INTEGER)` : 'NULL::INTEGER';
    const rows = await db.all<{ decile: number | null; control: boolean; n: number }>(
      `SELECT ${decile} AS decile, ${quotedIdentifier(raw[groupAt])} = $1 AS control, count(*)::BIGINT AS n FROM ${source} GROUP BY ALL ORDER BY 1 NULLS LAST, 2`,
      [TARGET_GROUPS.control[lang]],
    );
    const by = new Map<number | null, { decile: number | null; contact: number; control: number }>();
    for (const r of rows) {
      const d = r.decile === null ? null : Number(r.decile);
      const acc = by.get(d) ?? { decile: d, contact: 0, control: 0 };
      if (r.control) acc.control += Number(r.n);
      else acc.contact += Number(r.n);
      by.set(d, acc);
    }
    return { hasDecile: decileAt >= 0, rows: [...by.values()] };
  } catch {
    // Unreadable (moved, changed, locked): the report says so and shows the manifest's figures.
    return null;
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
