/** The SQL that turns a text column into a TIMESTAMP (NULL where unreadable) for a date format. */
import { excelSerialSql } from './excel';
import { dateFormatSpec, type DateFormatRef } from './formats';
import { isoSql } from './iso';

export { excelSerialSql } from './excel';
export { isoSql } from './iso';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * A DuckDB expression of type TIMESTAMP for colExpr (a VARCHAR expression, e.g. a quoted column name)
 * read with the format: try_strptime for patterns, own expressions for ISO 8601 and Excel serials.
 * NULL exactly where parseDate gives null (non-strict). The date is `(expr)::DATE`, the hour `hour(expr)`.
 */
export function dateFormatSql(format: DateFormatRef, colExpr: string): string {
  const spec = dateFormatSpec(format);
  if (spec.kind === 'excel') return excelSerialSql(colExpr);
  if (spec.kind === 'iso') return isoSql(colExpr);
  return `try_strptime(trim(${colExpr}), ${sqlString(spec.pattern as string)})`;
}
