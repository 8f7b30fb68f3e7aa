/**
 * Which date format a column is written in, decided on the whole column (or an evenly spread sample of
 * up to 10,000 values): every format is tried, those that read every non-empty value are the candidates;
 * candidates that read the data identically count as one (the earlier in the registry is named); when
 * candidates read it differently (day-first vs month-first with no day above 12) nothing is chosen and
 * the question is put with both readings. A format is tried strictly: a %Y format must see four-digit
 * years, a %y format two, so "14/02/22" is never the year 22 AD.
 */
import { packedIso, readColumn, sampleColumn, DEFAULT_SAMPLE_SIZE, type ColumnReading, type ColumnSample, type FailedValue } from './column';
import { DATE_FORMAT_SPECS, dateFormatSpec, type DateFormatSpec } from './formats';
import { dateReader } from './parse';
import { plausibility, type DateRange, type DateWarning, type PlausibilityOptions } from './plausibility';
import { TWO_DIGIT_YEAR_RULE } from './twoDigitYear';

export interface InferOptions extends PlausibilityOptions {
  /** Values read at most, evenly spread over the column (default 10,000). */
  sampleSize?: number;
  /** Free strptime patterns to try as well, after the registry (e.g. one the user typed). */
  patterns?: string[];
}

export interface FormatReading {
  format: string;
  range: DateRange;
  warnings: DateWarning[];
}

export interface NearMiss {
  format: string;
  /** Sampled values it reads and does not read (failed is a lower bound when complete is false). */
  read: number;
  failed: number;
  complete: boolean;
  /** The first values it does not read. */
  failures: FailedValue[];
}

export interface DateInference {
  /** Every format that reads all non-empty (sampled) values, in registry order. */
  candidates: string[];
  /** The one format to use, or null (none fits, or the fitting ones disagree). */
  chosen: string | null;
  /** True when candidates read the data differently: `choices` must be put to the user (wizard) or refused (CLI). */
  ambiguous: boolean;
  /** One name per distinct reading of the data (candidates that read identically are folded into the first). */
  choices: string[];
  /** English: why this format, or what the question is, or which value fails. */
  reason: string;
  /** First and last day by the chosen format (null when none is chosen). */
  range: DateRange | null;
  /** Plausibility warnings for the chosen format. */
  warnings: DateWarning[];
  /** Range and warnings of every choice (one when chosen, several when ambiguous). */
  readings: FormatReading[];
  /** When ambiguous: a value the choices read differently, and how each reads it. */
  example: { index: number; value: string; dates: { format: string; date: string }[] } | null;
  /** When nothing fits: the formats that came closest (at most 3), with the values they fail on. */
  nearest: NearMiss[];
  /** Non-empty values read (the sample), values in the column, empty or blank ones. */
  checked: number;
  total: number;
  empty: number;
}

/** A format is read to the end only while it has at most this many failures. */
const NEAR_MISS_FAILURES = 10;

const quote = (f: FailedValue) => `"${f.value}" (value #${f.index + 1})`;

const swapDayMonth = (pattern: string) => pattern.replace(/%(-?)([dm])/g, (_, dash: string, f: string) => `%${dash}${f === 'd' ? 'm' : 'd'}`);

/** The date format of a column (see the top of this file). Throws for an invalid options.patterns entry (check with dateFormatProblem). */
export function inferDateFormats(column: readonly string[], options: InferOptions = {}): DateInference {
  const sample = sampleColumn(column, options.sampleSize ?? DEFAULT_SAMPLE_SIZE);
  const specs = [...DATE_FORMAT_SPECS.filter((s) => !s.aliasOf), ...(options.patterns ?? []).map((p) => dateFormatSpec(p))];
  const base: DateInference = {
    candidates: [],
    chosen: null,
    ambiguous: false,
    choices: [],
    reason: '',
    range: null,
    warnings: [],
    readings: [],
    example: null,
    nearest: [],
    checked: sample.values.length,
    total: sample.total,
    empty: sample.empty,
  };
  if (sample.values.length === 0) return { ...base, reason: 'The column has no values to tell the date format from.' };

  const readings = new Map<DateFormatSpec, ColumnReading>();
  for (const spec of specs) readings.set(spec, readColumn(sample, dateReader(spec, true), NEAR_MISS_FAILURES));
  const fits = specs.filter((s) => readings.get(s)!.failed === 0);
  if (fits.length === 0) return noFit(base, sample, specs, readings);

  // fold candidates that read every value the same
  const groups: DateFormatSpec[][] = [];
  for (const spec of fits) {
    const packed = readings.get(spec)!.packed;
    const same = groups.find((g) => equal(readings.get(g[0])!.packed, packed));
    if (same) same.push(spec);
    else groups.push([spec]);
  }
  const heads = groups.map((g) => g[0]);
  const read = heads.map((spec) => {
    const packed = readings.get(spec)!.packed;
    const { range, warnings } = plausibility(spec, sample, packed, () => true, options);
    return { format: spec.name, range: range!, warnings };
  });
  const n = sample.values.length;
  const all = n === 1 ? 'the one value' : n === 2 ? 'both values' : `all ${n} values`;
  const span = (r: DateRange) => (r.first === r.last ? `all on ${r.first}` : `${r.first} to ${r.last}`);
  const result = { ...base, candidates: fits.map((s) => s.name), choices: heads.map((s) => s.name), readings: read };

  if (heads.length === 1) {
    const spec = heads[0];
    const sentences = [`${spec.name} reads ${all}, ${span(read[0].range)}.`];
    const same = groups[0].slice(1).map((s) => s.name);
    if (same.length) sentences.push(`${same.join(', ')} read${same.length > 1 ? '' : 's'} them the same.`);
    const ruledOut = new Map<string, { failure: FailedValue; names: string[] }>();
    for (const rival of rivals(spec, specs)) {
      const failure = readings.get(rival)!.failures[0];
      if (!failure) continue;
      const key = `${failure.index}`;
      if (!ruledOut.has(key)) ruledOut.set(key, { failure, names: [] });
      ruledOut.get(key)!.names.push(rival.name);
    }
    for (const { failure, names } of ruledOut.values()) sentences.push(`${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} ruled out by ${quote(failure)}.`);
    if (spec.yearDigits === 2) sentences.push(`${TWO_DIGIT_YEAR_RULE[0].toUpperCase()}${TWO_DIGIT_YEAR_RULE.slice(1)}.`);
    return { ...result, chosen: spec.name, reason: sentences.join(' '), range: read[0].range, warnings: read[0].warnings };
  }

  const packs = heads.map((s) => readings.get(s)!.packed);
  let at = 0;
  while (at < n && packs.every((p) => p[at] === packs[0][at])) at++;
  const dates = heads.map((s, k) => ({ format: s.name, date: packedIso(packs[k][at]) }));
  const dayMonth = heads.some((a) => heads.some((b) => a.kind === 'strptime' && b.pattern === swapDayMonth(a.pattern!)));
  const names = heads.map((s) => s.name);
  const listed = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const reason =
    `${listed} ${heads.length === 2 ? 'both' : 'all'} read every value but differ: "${sample.values[at]}" (value #${sample.indices[at] + 1}) is ` +
    `${dates.map((d) => `${d.date} by ${d.format}`).join(', ')}. ` +
    (dayMonth ? 'No value has a day above 12 to tell day-first from month-first; choose the format.' : 'Choose the format.');
  return { ...result, ambiguous: true, reason, example: { index: sample.indices[at], value: sample.values[at], dates } };
}

/** The formats a user might confuse with spec: day and month swapped, or the other year width. */
function rivals(spec: DateFormatSpec, specs: DateFormatSpec[]): DateFormatSpec[] {
  if (spec.kind !== 'strptime') return [];
  const p = spec.pattern!;
  const years = p.includes('%Y') ? p.replace('%Y', '%y') : p.replace(/%-?y/, '%Y');
  const wanted = [swapDayMonth(p), years, swapDayMonth(years)];
  return specs.filter((s) => s !== spec && s.pattern !== null && wanted.includes(s.pattern));
}

function noFit(base: DateInference, sample: ColumnSample, specs: DateFormatSpec[], readings: Map<DateFormatSpec, ColumnReading>): DateInference {
  const n = sample.values.length;
  const nearest: NearMiss[] = specs
    .map((spec) => ({ spec, r: readings.get(spec)! }))
    .filter(({ r }) => r.complete && r.failed < n)
    .sort((a, b) => a.r.failed - b.r.failed)
    .slice(0, 3)
    .map(({ spec, r }) => ({ format: spec.name, read: n - r.failed, failed: r.failed, complete: r.complete, failures: r.failures }));
  if (nearest.length) {
    const best = nearest[0];
    const more = best.failed > best.failures.length ? ', …' : '';
    const reason =
      `No date format reads every value. Closest: ${best.format} reads ${best.read} of ${n}, not ${best.failures.map(quote).join(', ')}${more}. ` +
      'Correct those values, or give a strptime pattern (e.g. %d.%m.%Y) if the format is another.';
    return { ...base, nearest, reason };
  }
  // no format comes close: name a value that none reads, or show that the column mixes formats
  const out = new Int32Array(4);
  const readers = specs.map((s) => dateReader(s, true));
  const at = sample.values.findIndex((v) => readers.every((read) => !read(v, out)));
  if (at >= 0) {
    const reason = `No known date format reads these values, e.g. ${quote({ index: sample.indices[at], value: sample.values[at] })}. Give a strptime pattern (e.g. %d.%m.%Y) for it.`;
    return { ...base, reason };
  }
  const first = specs.findIndex((_, k) => readers[k](sample.values[0], out));
  const other = readings.get(specs[first])!.failures[0];
  const second = specs.findIndex((_, k) => readers[k](other.value, out));
  const reason =
    `The column mixes date formats: ${quote({ index: sample.indices[0], value: sample.values[0] })} is ${specs[first].name}, ` +
    `${quote(other)} is ${specs[second].name}, and no one format reads them all.`;
  return { ...base, reason };
}

function equal(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
