/**
 * Every date format the import knows, by name. The first eight names are the ones saved mappings already
 * use (DATE_FORMATS in src/shared/mapping.ts) and keep their DuckDB patterns. A format is referred to by
 * its name or, for anything else, by a free strptime-style pattern (any text with a %, e.g. "%d.%m.%Y"):
 * see resolveDateFormat.
 *
 * Order matters: it is the preference among formats that read a column identically (e.g. "2021-03-04
 * 10:20:30" is read the same by YYYY-MM-DD HH:MM:SS and ISO 8601; the earlier name is chosen).
 */
import { compilePattern, fieldOrder, type CompiledPattern } from './strptime';

export type DateFormatKind = 'strptime' | 'iso' | 'excel';
/** Where day, month and year come ('DMY' = day first); 'serial' for Excel day numbers. */
export type DateOrder = 'YMD' | 'DMY' | 'MDY' | 'YDM' | 'DYM' | 'MYD' | 'serial';

export interface DateFormatSpec {
  /** The name saved in mappings and shown to the user; for a free pattern, the pattern itself. */
  name: string;
  kind: DateFormatKind;
  /** DuckDB strptime pattern (kind 'strptime'); the other kinds need their own SQL (dateFormatSql). */
  pattern: string | null;
  /** Whether the value carries a time of day (then the hour is taken from it). */
  time: boolean;
  order: DateOrder;
  /** Digits of the year as written: 4, 2 (by the pivot in twoDigitYear.ts), or null (Excel serial). */
  yearDigits: 4 | 2 | null;
  example: string;
  /** The same format under another name (same pattern): resolves and parses, never offered by inference. */
  aliasOf?: string;
  /** A user's own pattern, not a registry entry. */
  custom?: boolean;
}

type Entry = [name: string, pattern: string | null, example: string, aliasOf?: string];

const ENTRIES: Entry[] = [
  // the names saved mappings use today
  ['YYYYMMDD', '%Y%m%d', '20210304'],
  ['YYYY-MM-DD', '%Y-%m-%d', '2021-03-04'],
  ['YYYY-MM-DD HH:MM:SS', '%Y-%m-%d %H:%M:%S', '2021-03-04 10:20:30'],
  ['YYYY-MM-DD HH:MM', '%Y-%m-%d %H:%M', '2021-03-04 10:20'],
  ['YYYY.MM.DD', '%Y.%m.%d', '2021.03.04'],
  ['DD/MM/YYYY', '%d/%m/%Y', '04/03/2021'],
  ['M/D/YY', '%m/%d/%y', '3/4/21'],
  ['M/D/YYYY H:MM', '%m/%d/%Y %H:%M', '3/4/2021 9:20'],
  // added with date inference
  ['ISO 8601', null, '2021-03-04T10:20:30+09:00'],
  ['YYYY/MM/DD', '%Y/%m/%d', '2021/03/04'],
  ['D/M/YYYY', '%d/%m/%Y', '4/3/2021', 'DD/MM/YYYY'],
  ['M/D/YYYY', '%m/%d/%Y', '3/4/2021'],
  ['DD/MM/YY', '%d/%m/%y', '04/03/21'],
  ['DD/MM/YYYY HH:MM', '%d/%m/%Y %H:%M', '04/03/2021 09:20'],
  ['DD/MM/YYYY HH:MM:SS', '%d/%m/%Y %H:%M:%S', '04/03/2021 09:20:30'],
  ['M/D/YYYY H:MM:SS', '%m/%d/%Y %H:%M:%S', '3/4/2021 9:20:30'],
  ['DD-MM-YYYY', '%d-%m-%Y', '04-03-2021'],
  ['MM-DD-YYYY', '%m-%d-%Y', '03-04-2021'],
  ['DD-MM-YY', '%d-%m-%y', '04-03-21'],
  ['MM-DD-YY', '%m-%d-%y', '03-04-21'],
  ['DD.MM.YYYY', '%d.%m.%Y', '04.03.2021'],
  ['DD-Mon-YY', '%d-%b-%y', '14-Jan-15'],
  ['DD-Mon-YYYY', '%d-%b-%Y', '11-Feb-2013'],
  ['DD Mon YYYY', '%d %b %Y', '11 Feb 2013'],
  ['DD-Month-YYYY', '%d-%B-%Y', '11-February-2013'],
  ['DD Month YYYY', '%d %B %Y', '11 February 2013'],
  ['Mon D, YYYY', '%b %d, %Y', 'Jan 14, 2015'],
  ['Month D, YYYY', '%B %d, %Y', 'January 14, 2015'],
  ['Excel serial', null, '44197'],
];

function fromPattern(name: string, pattern: string, example: string, extra: Partial<DateFormatSpec>): DateFormatSpec | string {
  const compiled = compilePattern(pattern);
  if (typeof compiled === 'string') return compiled;
  const problem = patternProblem(compiled);
  if (problem) return problem;
  return {
    name,
    kind: 'strptime',
    pattern,
    time: compiled.fields.includes('H'),
    order: fieldOrder(compiled) as DateOrder,
    yearDigits: compiled.fields.includes('Y') ? 4 : 2,
    example,
    ...extra,
  };
}

/** What a pattern lacks to be a date format: exactly one year, month and day; minutes and seconds only after an hour; no space at either end. */
function patternProblem(p: CompiledPattern): string | null {
  if (/^\s|\s$/.test(p.pattern)) return `the pattern "${p.pattern}" begins or ends with a space, which no trimmed value can match`;
  const count = (...fs: string[]) => p.fields.filter((f) => fs.includes(f)).length;
  const parts: [string, number][] = [
    ['a year (%Y or %y)', count('Y', 'y')],
    ['a month (%m, %b or %B)', count('m', 'b', 'B')],
    ['a day (%d)', count('d')],
  ];
  for (const [what, n] of parts) {
    if (n === 0) return `the pattern "${p.pattern}" has no ${what}`;
    if (n > 1) return `the pattern "${p.pattern}" has more than one ${what}`;
  }
  for (const f of ['H', 'M', 'S', 'f'] as const) if (count(f) > 1) return `the pattern "${p.pattern}" has %${f} twice`;
  if ((count('M') || count('S') || count('f')) && !count('H')) return `the pattern "${p.pattern}" has minutes or seconds but no hour (%H)`;
  return null;
}

function build(): DateFormatSpec[] {
  return ENTRIES.map(([name, pattern, example, aliasOf]) => {
    if (name === 'ISO 8601') return { name, kind: 'iso', pattern: null, time: true, order: 'YMD', yearDigits: 4, example };
    if (name === 'Excel serial') return { name, kind: 'excel', pattern: null, time: true, order: 'serial', yearDigits: null, example };
    const spec = fromPattern(name, pattern as string, example, aliasOf ? { aliasOf } : {});
    if (typeof spec === 'string') throw new Error(`date format ${name}: ${spec}`);
    return spec;
  });
}

/** The registry, in order of preference. */
export const DATE_FORMAT_SPECS: readonly DateFormatSpec[] = build();
const BY_NAME = new Map(DATE_FORMAT_SPECS.map((s) => [s.name, s]));
export const DATE_FORMAT_NAMES: readonly string[] = DATE_FORMAT_SPECS.map((s) => s.name);

/** A registry name, or a free strptime pattern (text containing %). */
export type DateFormatRef = string;

export const isPatternRef = (ref: string) => ref.includes('%');

/**
 * The format a mapping names: a registry name, or a free pattern checked here (DuckDB strptime
 * specifiers %Y %y %m %d %b %B %H %M %S %f, %-d etc., %%; one year, month and day). A string
 * with the English reason when it is neither.
 */
export function resolveDateFormat(ref: DateFormatRef): DateFormatSpec | string {
  const known = BY_NAME.get(ref);
  if (known) return known;
  if (!isPatternRef(ref)) return `"${ref}" is not a date format; use one of ${DATE_FORMAT_NAMES.join(', ')}, or a strptime pattern such as %d.%m.%Y`;
  return fromPattern(ref, ref, '', { custom: true });
}

/** resolveDateFormat for code that already validated the reference; throws otherwise. */
export function dateFormatSpec(ref: DateFormatRef): DateFormatSpec {
  const spec = resolveDateFormat(ref);
  if (typeof spec === 'string') throw new Error(spec);
  return spec;
}

/** The English reason a reference is not usable, or null: for a zod refine on the mapping's dateFormat. */
export function dateFormatProblem(ref: DateFormatRef): string | null {
  const spec = resolveDateFormat(ref);
  return typeof spec === 'string' ? spec : null;
}
