/**
 * Calendar arithmetic on ISO days (YYYY-MM-DD) by pure integer arithmetic on the proleptic Gregorian
 * calendar, so it is right for every year 0001–9999. It never goes through `Date.UTC(y, …)`, which maps
 * years 0–99 to 1900–1999 (year 22 would become 1922), and no time zone can move a day.
 */

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

/** Whether y-m-d is a calendar day (any integer year; year 0 is 1 BC and a leap year, as in DuckDB). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (days since 1970-01-01); the inverse of daysFromCivil. */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** y-m-d as YYYY-MM-DD (four-digit year, zero-padded: year 22 is "0022"). */
export function toIsoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIso(iso: string): { y: number; m: number; d: number } | null {
  const hit = ISO.exec(iso);
  if (!hit) return null;
  const y = Number(hit[1]);
  const m = Number(hit[2]);
  const d = Number(hit[3]);
  return y >= 1 && isValidYmd(y, m, d) ? { y, m, d } : null;
}

function required(iso: string): { y: number; m: number; d: number } {
  const p = parseIso(iso);
  if (!p) throw new RangeError(`"${iso}" is not a calendar date written YYYY-MM-DD (years 0001–9999)`);
  return p;
}

/** Whether iso is a real calendar day written YYYY-MM-DD, year 0001–9999 ("0022-02-29" is not, "2024-02-29" is). */
export function isRealDate(iso: string): boolean {
  return parseIso(iso) !== null;
}

/** The day n days after iso (n may be negative); a RangeError outside 0001-01-01 … 9999-12-31. */
export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, not ${n}`);
  const { y, m, d } = required(iso);
  const out = civilFromDays(daysFromCivil(y, m, d) + n);
  if (out.y < 1 || out.y > 9999) throw new RangeError(`${iso} + ${n} days falls outside the years 0001–9999`);
  return toIsoDate(out.y, out.m, out.d);
}

/** Days from a to b (positive when b is later): daysBetween('2024-02-28', '2024-03-01') = 2. */
export function daysBetween(a: string, b: string): number {
  const pa = required(a);
  const pb = required(b);
  return daysFromCivil(pb.y, pb.m, pb.d) - daysFromCivil(pa.y, pa.m, pa.d);
}

/** The same day n months later (n may be negative), clamped to the month's last day: 2021-03-31 − 1 month = 2021-02-28. */
export function addMonths(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addMonths needs a whole number of months, not ${n}`);
  const { y, m, d } = required(iso);
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  if (ty < 1 || ty > 9999) throw new RangeError(`${iso} + ${n} months falls outside the years 0001–9999`);
  return toIsoDate(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}
