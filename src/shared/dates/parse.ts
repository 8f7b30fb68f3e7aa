/** Reading one value with one format, exactly as the import's SQL (dateFormatSql) will. */
import { excelSerialInto } from './excel';
import { dateFormatSpec, type DateFormatRef, type DateFormatSpec } from './formats';
import { isoInto } from './iso';
import { compilePattern, strptimeInto, type CompiledPattern, type ParsedDate } from './strptime';
import { duckTrim } from './trim';

export type { ParsedDate } from './strptime';

/** Reads s into out = [y, m, d, hour]; false when the import would get NULL (or, strict, when the year's digits differ from the name). */
export type DateReader = (s: string, out: Int32Array) => boolean;

export function dateReader(spec: DateFormatSpec, strict = false): DateReader {
  if (spec.kind === 'excel') return excelSerialInto;
  if (spec.kind === 'iso') return isoInto;
  const compiled = compilePattern(spec.pattern as string) as CompiledPattern;
  return (s, out) => strptimeInto(compiled, duckTrim(s), strict, out);
}

export interface ParseOptions {
  /**
   * Also refuse a year written with other digits than the format says (a two-digit year under %Y,
   * which DuckDB reads as the year 22 AD). Inference parses strictly; the default is DuckDB's reading.
   */
  strict?: boolean;
}

/**
 * DuckDB's `try_strptime(value, pattern)` itself, without the import's trim(): for tests and callers
 * that run strptime on untrimmed text. Throws for a pattern compilePattern refuses.
 */
export function parseStrptime(value: string, pattern: string): ParsedDate | null {
  const compiled = compilePattern(pattern);
  if (typeof compiled === 'string') throw new Error(compiled);
  const out = new Int32Array(4);
  return strptimeInto(compiled, value, false, out) ? { y: out[0], m: out[1], d: out[2], hour: out[3] } : null;
}

/**
 * The day and hour a value means in a format (a registry name or a free pattern), or null where
 * DuckDB's try_strptime (or the format's own SQL) gives NULL: the whole value must match, the day must
 * exist, hours run 0–23 — after DuckDB's trim(), as dateFormatSql does. Throws for an unknown format (check it with dateFormatProblem first).
 */
export function parseDate(value: string, format: DateFormatRef, options: ParseOptions = {}): ParsedDate | null {
  const out = new Int32Array(4);
  if (!dateReader(dateFormatSpec(format), options.strict)(value, out)) return null;
  return { y: out[0], m: out[1], d: out[2], hour: out[3] };
}
