import type { ExportManifest } from '../../../shared/export';
import { TARGET_LIST_HEADINGS } from '../../../shared/i18n';
import type { Sql } from '../db/database';
import { readListFile } from '../export/listFile';

/** Customers of the written list per risk decile (null: no score, or no decile column) and group. */
export interface ListCounts {
  hasDecile: boolean;
  rows: { decile: number | null; contact: number; control: number }[];
}

/**
 * Counts read back from the list file itself (not from the database, which may have changed since):
 * its group column, and its risk-decile column where the list has one. Null when the file is gone or
 * is not the list its manifest describes.
 */
export async function listCounts(db: Sql, manifest: ExportManifest, path: string): Promise<ListCounts | null> {
  try {
    const list = await readListFile(db, path);
    const by = new Map<number | null, { decile: number | null; contact: number; control: number }>();
    for (const c of list.customers) {
      const parsed = c.decile === null ? NaN : Number.parseInt(c.decile, 10);
      const d = Number.isNaN(parsed) ? null : parsed;
      const acc = by.get(d) ?? { decile: d, contact: 0, control: 0 };
      if (c.control) acc.control += 1;
      else acc.contact += 1;
      by.set(d, acc);
    }
    const rows = [...by.values()].sort((a, b) => (a.decile ?? Infinity) - (b.decile ?? Infinity));
    return { hasDecile: list.columns.includes(TARGET_LIST_HEADINGS.riskDecile[manifest.lang === 'en' ? 'en' : 'ko']), rows };
  } catch {
    // Unreadable (moved, changed, locked): the report says so and shows the manifest's figures.
    return null;
  }
}
