/** Warnings about dates that parse but are unlikely to be what the file means. */
import { daysFromCivil, isRealDate } from './calendar';
import { packedIso, unpack, type ColumnSample } from './column';
import type { DateFormatSpec } from './formats';

export interface PlausibilityOptions {
  /** Dates before this year are warned (default 1900). */
  minYear?: number;
  /** Dates after this year are warned (default 2100). */
  maxYear?: number;
  /** A first-to-last range longer than this many years is warned (default 30). */
  maxSpanYears?: number;
  /** YYYY-MM-DD; dates after it are warned. No check without it (this module never reads the clock). */
  today?: string;
}

export type DateWarningCode = 'before_min_year' | 'after_max_year' | 'long_span' | 'future' | 'short_year' | 'small_excel_serial';

export interface DateWarning {
  code: DateWarningCode;
  /** English, one sentence or two. */
  message: string;
  /** How many of the values read it concerns (1 for long_span). */
  count: number;
  /** One such value as written, and the date it was read as. */
  example?: { value: string; date: string };
}

export interface DateRange {
  /** The earliest and latest day read, YYYY-MM-DD. */
  first: string;
  last: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The range and the warnings for a column read with a format. `packed` holds the sampled values'
 * readings; `ok[i]` says whether value i was read. `shortYear[i]` (optional) marks values whose year has
 * fewer digits than the format's name says.
 */
export function plausibility(
  spec: DateFormatSpec,
  sample: ColumnSample,
  packed: Int32Array,
  ok: (i: number) => boolean,
  options: PlausibilityOptions = {},
  shortYear?: (i: number) => boolean,
): { range: DateRange | null; warnings: DateWarning[] } {
  const minYear = options.minYear ?? 1900;
  const maxYear = options.maxYear ?? 2100;
  const maxSpan = options.maxSpanYears ?? 30;
  const today = options.today && isRealDate(options.today) ? options.today : null;
  let lo = -1;
  let hi = -1;
  const tally = () => ({ count: 0, at: -1 });
  const early = tally();
  const late = tally();
  const future = tally();
  const short = tally();
  for (let i = 0; i < packed.length; i++) {
    if (!ok(i)) continue;
    const p = packed[i];
    if (lo < 0 || p < packed[lo]) lo = i;
    if (hi < 0 || p > packed[hi]) hi = i;
    const y = unpack(p).y;
    if (y < minYear && early.count++ === 0) early.at = i;
    if (y > maxYear && late.count++ === 0) late.at = i;
    if (today && packedIso(p) > today && future.count++ === 0) future.at = i;
    if (shortYear?.(i) && short.count++ === 0) short.at = i;
  }
  if (lo < 0) return { range: null, warnings: [] };
  const range = { first: packedIso(packed[lo]), last: packedIso(packed[hi]) };
  const example = (i: number) => ({ value: sample.values[i], date: packedIso(packed[i]) });
  const warnings: DateWarning[] = [];
  const n = sample.values.length;
  const of = (count: number) => (count === n ? `All ${plural(n, 'date')}` : `${count} of ${plural(n, 'date')}`);
  if (short.count) {
    warnings.push({
      code: 'short_year',
      count: short.count,
      example: example(short.at),
      message: `${of(short.count)} have a two-digit year, which ${spec.name} reads literally ("${sample.values[short.at]}" is ${packedIso(packed[short.at])}); a format with YY reads it as 19xx/20xx.`,
    });
  }
  if (early.count) {
    warnings.push({
      code: 'before_min_year',
      count: early.count,
      example: example(early.at),
      message: `${of(early.count)} fall before ${minYear} (e.g. "${sample.values[early.at]}" is read as ${packedIso(packed[early.at])}); the format is probably wrong.`,
    });
  }
  if (late.count) {
    warnings.push({
      code: 'after_max_year',
      count: late.count,
      example: example(late.at),
      message: `${of(late.count)} fall after ${maxYear} (e.g. "${sample.values[late.at]}" is read as ${packedIso(packed[late.at])}); the format is probably wrong.`,
    });
  }
  const day = (p: number) => {
    const u = unpack(p);
    return daysFromCivil(u.y, u.m, u.d);
  };
  const spanDays = day(packed[hi]) - day(packed[lo]);
  if (spanDays > maxSpan * 365.25) {
    warnings.push({
      code: 'long_span',
      count: 1,
      message: `The dates span ${Math.floor(spanDays / 365.25)} years (${range.first} to ${range.last}), more than ${maxSpan}; check the format and the data.`,
    });
  }
  if (future.count && today) {
    warnings.push({
      code: 'future',
      count: future.count,
      example: example(hi),
      message: `${of(future.count)} are after today (${today}), up to ${range.last}.`,
    });
  }
  if (spec.kind === 'excel' && range.first < '1950-01-01') {
    warnings.push({
      code: 'small_excel_serial',
      count: 1,
      example: example(lo),
      message: `Excel serial numbers below 18264 (before 1950) are unusual in purchase data ("${sample.values[lo]}" is ${range.first}); check that this is a date column.`,
    });
  }
  return { range, warnings };
}
