/**
 * Excel serial day numbers (what a spreadsheet stores when a date cell is exported as a number):
 * 1 = 1900-01-01, 44197 = 2021-01-01; a fraction is the time of day (44197.5 = 2021-01-01 12:00).
 *
 * The 1900 leap-year bug: Excel (copying Lotus 1-2-3) counts a 29 February 1900 that never existed as
 * serial 60. So serials 1–59 are 1899-12-31 + n, serial 60 is refused (no such day), and serials from 61
 * on are 1899-12-30 + n — which is right for every date from 1900-03-01. The 1904 date system (old Mac
 * Excel) is not supported. Accepted: 1–7 digits, an optional decimal fraction, 1 ≤ n ≤ 2958465
 * (9999-12-31, Excel's last day); the time is the fraction rounded to the second (a carry past midnight moves the day).
 */
import { civilFromDays, daysFromCivil } from './calendar';
import { duckTrim } from './trim';

const SERIAL = /^[0-9]{1,7}(\.[0-9]+)?$/;
const DAY_ZERO = daysFromCivil(1899, 12, 30);
export const EXCEL_MAX_SERIAL = 2958465;

/** Reads an Excel serial into out = [y, m, d, hour]; false exactly where excelSerialSql gives NULL. */
export function excelSerialInto(s: string, out: Int32Array): boolean {
  const t = duckTrim(s);
  if (!SERIAL.test(t)) return false;
  const v = Number(t);
  if (!(v >= 1 && v <= EXCEL_MAX_SERIAL)) return false;
  const whole = Math.floor(v);
  if (whole === 60) return false;
  const secs = Math.round((v - whole) * 86400);
  const day = civilFromDays(DAY_ZERO + whole + (v < 60 ? 1 : 0) + Math.floor(secs / 86400));
  out[0] = day.y;
  out[1] = day.m;
  out[2] = day.d;
  out[3] = Math.floor((secs % 86400) / 3600);
  return true;
}

/** A DuckDB TIMESTAMP expression (NULL when not a serial) for a VARCHAR column expression. */
export function excelSerialSql(colExpr: string): string {
  const t = `trim(${colExpr})`;
  const v = `TRY_CAST(${t} AS DOUBLE)`;
  return (
    `CASE WHEN regexp_full_match(${t}, '[0-9]{1,7}(\\.[0-9]+)?') AND ${v} >= 1 AND ${v} <= ${EXCEL_MAX_SERIAL} AND floor(${v}) <> 60 ` +
    `THEN (DATE '1899-12-30' + (floor(${v}) + CASE WHEN ${v} < 60 THEN 1 ELSE 0 END)::INTEGER)::TIMESTAMP` +
    ` + to_seconds(round((${v} - floor(${v})) * 86400)::BIGINT) END`
  );
}
