import type { DuckDBValue } from '@duckdb/node-api';

/** Numbered placeholders ($1, $2 …) for values bound to a statement; user text never enters the SQL. */
export class SqlParams {
  readonly values: DuckDBValue[] = [];

  add(value: DuckDBValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  date(iso: string): string {
    return `${this.add(iso)}::DATE`;
  }
}

/**
 * The key of a receipt: its receipt id, or the line itself where a mapped import had none
 * (such a line counts as a receipt of its own). Lines are not purchases; receipts are.
 */
export const RECEIPT_KEY = `CASE WHEN receipt_id IS NULL THEN '#' || import_id || ':' || line ELSE receipt_id END`;
