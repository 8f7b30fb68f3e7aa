/**
 * ISO 8601 / RFC 3339 date-times: 2021-03-04T10:20, 2021-03-04T10:20:30, an optional fraction (.1 to
 * .123456789) and an optional zone (Z, +09:00, +0900, -05). A space may stand for the T.
 *
 * The zone is read and ignored: the day and hour are the wall-clock time the file states (a receipt
 * stamped 2021-03-04T23:30:00-05:00 was rung up on 4 March where it happened). DuckDB's own %z cannot be
 * used: it refuses "Z" and converts to UTC, which would move late-evening purchases to the next day.
 */
import { isValidYmd } from './calendar';
import { duckTrim } from './trim';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,9})?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
/** The same shape for DuckDB (RE2), grouped as (date) (HH:MM) (:SS). */
const ISO_SQL = '^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2})(:\\d{2})?(\\.\\d{1,9})?(Z|[+-]\\d{2}(:?\\d{2})?)?$';

/** Reads an ISO date-time into out = [y, m, d, hour]; false exactly where isoSql gives NULL. */
export function isoInto(s: string, out: Int32Array): boolean {
  const hit = ISO.exec(duckTrim(s));
  if (!hit) return false;
  const y = Number(hit[1]);
  const m = Number(hit[2]);
  const d = Number(hit[3]);
  const hour = Number(hit[4]);
  if (!isValidYmd(y, m, d) || hour > 23 || Number(hit[5]) > 59 || (hit[6] !== undefined && Number(hit[6]) > 59)) return false;
  out[0] = y;
  out[1] = m;
  out[2] = d;
  out[3] = hour;
  return true;
}

/** A DuckDB TIMESTAMP expression (local wall-clock time, zone dropped; NULL when not ISO) for a VARCHAR column expression. */
export function isoSql(colExpr: string): string {
  const t = `trim(${colExpr})`;
  return (
    `CASE WHEN regexp_full_match(${t}, '${ISO_SQL}') ` +
    `THEN try_strptime(regexp_replace(${t}, '${ISO_SQL}', '\\1 \\2\\3'), ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M']) END`
  );
}
