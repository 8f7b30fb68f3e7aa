/**
 * DuckDB's strptime, re-implemented for the specifiers the import uses, so the app can read a value
 * exactly as `try_strptime(value, pattern)` will before anything is loaded (inference, preview).
 * test/unit/dateStrptimeDuckdb.test.ts runs DuckDB on the same values and expects identical results.
 *
 * The rules, as DuckDB 1.5 applies them:
 * - ASCII whitespace (space, \t, \n, \v, \f, \r) before and after the value is skipped; a whitespace
 *   character in the pattern matches a run of one or more whitespace characters in the value.
 * - Other pattern characters must match exactly (`%%` is a literal `%`).
 * - Numbers have no sign and at most 2 digits (%d %m %y %H %M %S), 4 for %Y, 6 for %f; at least one
 *   digit. So `%Y` reads "22" as the year 22 AD: `strict` (used by inference) then asks for exactly four
 *   digits for %Y and two for %y.
 * - Ranges: day 1–31, month 1–12, hour 0–23, minute and second 0–59; then the day must exist in that
 *   month (2021-02-29 does not). Year 0 (1 BC) exists in DuckDB and here.
 * - %b / %B: English month names, abbreviated (Jan … Dec) / full (January … December), ASCII
 *   case-insensitive; %B does not take "Jan", %b does not take "January".
 * - %y: two-digit years by the pivot in twoDigitYear.ts (00–68 → 2000–2068, 69–99 → 1969–1999).
 * The whole value must be consumed.
 */
import { isValidYmd } from './calendar';
import { expandTwoDigitYear } from './twoDigitYear';

export type Field = 'd' | 'm' | 'y' | 'Y' | 'b' | 'B' | 'H' | 'M' | 'S' | 'f';

export interface CompiledPattern {
  pattern: string;
  /** literals[i] comes before fields[i]; the last literal follows the last field. */
  literals: string[];
  fields: Field[];
}

/** One parsed value: the calendar day and the hour (0 when the format has no time). */
export interface ParsedDate {
  y: number;
  m: number;
  d: number;
  hour: number;
}

const SUPPORTED: Record<string, Field> = { d: 'd', m: 'm', y: 'y', Y: 'Y', b: 'b', B: 'B', H: 'H', M: 'M', S: 'S', f: 'f' };
const UNPADDED = new Set(['d', 'm', 'y', 'H', 'M', 'S']);
const WIDTH: Record<Field, number> = { d: 2, m: 2, y: 2, Y: 4, H: 2, M: 2, S: 2, f: 6, b: 0, B: 0 };

const cache = new Map<string, CompiledPattern | string>();

/** A strptime pattern split into literals and fields, or an English message saying what is wrong. */
export function compilePattern(pattern: string): CompiledPattern | string {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  const out = compile(pattern);
  if (cache.size > 200) cache.clear();
  cache.set(pattern, out);
  return out;
}

function compile(pattern: string): CompiledPattern | string {
  const literals: string[] = [];
  const fields: Field[] = [];
  let literal = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch !== '%') {
      literal += ch;
      continue;
    }
    let spec = pattern[++i];
    if (spec === undefined) return `the pattern "${pattern}" ends with a lone %`;
    if (spec === '%') {
      literal += '%';
      continue;
    }
    if (spec === '-') {
      spec = pattern[++i];
      if (spec === undefined || !UNPADDED.has(spec)) return `%-${spec ?? ''} is not supported; %- goes with d, m, y, H, M or S`;
    }
    if (spec === 'z' || spec === 'Z') return `%${spec} (time zones) is not supported in a pattern; use the "ISO 8601" format for values with a zone`;
    const field = SUPPORTED[spec];
    if (!field) return `%${spec} is not supported; use %Y %y %m %d %b %B %H %M %S %f (and %-d %-m %-y %-H %-M %-S, %%)`;
    literals.push(literal);
    fields.push(field);
    literal = '';
  }
  literals.push(literal);
  return { pattern, literals, fields };
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

const MONTHS_SHORT = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTHS_FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Index 1–12 of the month name at pos, and where it ends; DuckDB tries the names in order. */
function monthName(s: string, pos: number, names: string[]): [number, number] | null {
  for (let k = 0; k < names.length; k++) {
    const name = names[k];
    if (pos + name.length > s.length) continue;
    let i = 0;
    while (i < name.length && lower(s.charCodeAt(pos + i)) === name.charCodeAt(i)) i++;
    if (i === name.length) return [k + 1, pos + name.length];
  }
  return null;
}

/**
 * Parses s by a compiled pattern into out = [y, m, d, hour]; false when DuckDB's try_strptime would give
 * NULL. `strict` also asks for four-digit %Y and two-digit %y (what the format's name promises).
 */
export function strptimeInto(p: CompiledPattern, s: string, strict: boolean, out: Int32Array): boolean {
  const n = s.length;
  let pos = 0;
  let y = 1900;
  let m = 1;
  let d = 1;
  let hour = 0;
  while (pos < n && isSpace(s.charCodeAt(pos))) pos++;
  const { literals, fields } = p;
  for (let i = 0; ; i++) {
    const lit = literals[i];
    for (let l = 0; l < lit.length; ) {
      if (isSpace(lit.charCodeAt(l))) {
        if (!isSpace(s.charCodeAt(pos))) return false;
        for (++pos; pos < n && isSpace(s.charCodeAt(pos)); ++pos);
        for (++l; l < lit.length && isSpace(lit.charCodeAt(l)); ++l);
        continue;
      }
      if (s.charCodeAt(pos++) !== lit.charCodeAt(l++)) return false;
    }
    if (i === fields.length) break;
    const field = fields[i];
    if (field === 'b' || field === 'B') {
      const hit = monthName(s, pos, field === 'b' ? MONTHS_SHORT : MONTHS_FULL);
      if (!hit) return false;
      m = hit[0];
      pos = hit[1];
      continue;
    }
    const start = pos;
    const end = pos + WIDTH[field];
    let num = 0;
    while (pos < n && pos < end && isDigit(s.charCodeAt(pos))) num = num * 10 + (s.charCodeAt(pos++) - 48);
    const digits = pos - start;
    if (digits === 0) return false;
    switch (field) {
      case 'd':
        if (num < 1 || num > 31) return false;
        d = num;
        break;
      case 'm':
        if (num < 1 || num > 12) return false;
        m = num;
        break;
      case 'y':
        if (strict && digits !== 2) return false;
        y = expandTwoDigitYear(num);
        break;
      case 'Y':
        if (strict && digits !== 4) return false;
        y = num;
        break;
      case 'H':
        if (num > 23) return false;
        hour = num;
        break;
      case 'M':
      case 'S':
        if (num > 59) return false;
        break;
      case 'f':
        break;
    }
  }
  while (pos < n && isSpace(s.charCodeAt(pos))) pos++;
  if (pos !== n || !isValidYmd(y, m, d)) return false;
  out[0] = y;
  out[1] = m;
  out[2] = d;
  out[3] = hour;
  return true;
}

/** Where the day, month and year come in a pattern, e.g. 'DMY' for %d/%m/%Y; null when one is missing. */
export function fieldOrder(p: CompiledPattern): string | null {
  const letters = p.fields
    .map((f) => (f === 'd' ? 'D' : f === 'm' || f === 'b' || f === 'B' ? 'M' : f === 'y' || f === 'Y' ? 'Y' : ''))
    .join('');
  return letters.length === 3 && new Set(letters).size === 3 ? letters : null;
}
