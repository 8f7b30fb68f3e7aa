/** One chosen format (by the user, a mapping file or inference) checked against a column before the import. */
import { readColumn, sampleColumn, DEFAULT_SAMPLE_SIZE, type FailedValue } from './column';
import { dateFormatSpec, type DateFormatRef } from './formats';
import { dateReader } from './parse';
import { plausibility, type DateRange, type DateWarning, type PlausibilityOptions } from './plausibility';

export interface CheckOptions extends PlausibilityOptions {
  /** Values read at most, evenly spread (default 10,000). */
  sampleSize?: number;
}

export interface DateCheck {
  format: string;
  /** Sampled non-empty values the format reads, and those it does not (the import would reject them). */
  read: number;
  failed: number;
  /** The first few unreadable values. */
  failures: FailedValue[];
  /** First and last day read; null when nothing was read. */
  range: DateRange | null;
  warnings: DateWarning[];
  /** Non-empty values read (the sample), values in the column, empty ones. */
  checked: number;
  total: number;
  empty: number;
  /** One English sentence for the preview, the report or the CLI. */
  summary: string;
}

const quote = (f: FailedValue) => `"${f.value}" (value #${f.index + 1})`;

/**
 * Reads a column with a format as the import will (DuckDB's reading, not strict), and says what would
 * be rejected and which dates look wrong — also a two-digit year under a four-digit-year format.
 */
export function checkDateFormat(column: readonly string[], format: DateFormatRef, options: CheckOptions = {}): DateCheck {
  const spec = dateFormatSpec(format);
  const sample = sampleColumn(column, options.sampleSize ?? DEFAULT_SAMPLE_SIZE);
  const reading = readColumn(sample, dateReader(spec));
  // a reading is never packed as 0 (months start at 1), so 0 marks a value the format does not read
  const ok = (i: number) => reading.packed[i] !== 0;
  const strict = spec.yearDigits === 4 ? dateReader(spec, true) : null;
  const out = new Int32Array(4);
  const shortYear = strict ? (i: number) => ok(i) && !strict(sample.values[i], out) : undefined;
  const { range, warnings } = plausibility(spec, sample, reading.packed, ok, options, shortYear);
  const checked = sample.values.length;
  const read = checked - reading.failed;
  let summary =
    checked === 0
      ? 'The column has no values.'
      : reading.failed === 0
        ? `${spec.name} reads all ${checked} values${range ? `, ${range.first} to ${range.last}` : ''}.`
        : `${spec.name} reads ${read} of ${checked} values; it does not read ${reading.failures.slice(0, 3).map(quote).join(', ')}.`;
  if (warnings.length) summary += ` ${warnings.map((w) => w.message).join(' ')}`;
  return { format: spec.name, read, failed: reading.failed, failures: reading.failures, range, warnings, checked, total: sample.total, empty: sample.empty, summary };
}
