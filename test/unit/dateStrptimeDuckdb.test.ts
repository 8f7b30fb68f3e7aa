import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATE_FORMAT_SPECS, dateFormatSpec, dateFormatSql, parseDate, parseStrptime, type DateFormatSpec } from '../../src/shared/dates';

/**
 * The TypeScript reader must agree with DuckDB, value for value: the same day and hour where DuckDB
 * reads a value, null where DuckDB gives NULL. Every value of a mixed corpus (hand-picked edge cases
 * plus seeded random renderings and corruptions of every format) is read with every format.
 */

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20240614);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const recase = (s: string) => pick([s, s.toLowerCase(), s.toUpperCase()]);

/** A value written in a pattern, with parts sometimes out of range, unpadded, or of the wrong width. */
function render(pattern: string): string {
  const y = random() < 0.85 ? int(1960, 2040) : int(0, 9999);
  const m = random() < 0.9 ? int(1, 12) : int(0, 14);
  const d = random() < 0.85 ? int(1, 28) : int(0, 33);
  const num = (n: number, w: number) => (random() < 0.7 ? pad(n, w) : String(n));
  return pattern.replace(/%-?([a-zA-Z%])/g, (_, f: string) => {
    switch (f) {
      case 'Y':
        return random() < 0.9 ? pad(y, 4) : String(pick([y % 100, y, 12345, 2]));
      case 'y':
        return random() < 0.9 ? pad(y % 100, 2) : String(pick([y % 100, y, 5]));
      case 'm':
        return num(m, 2);
      case 'd':
        return num(d, 2);
      case 'b':
        return recase(random() < 0.9 ? SHORT[Math.max(0, m - 1) % 12] : pick(FULL));
      case 'B':
        return recase(random() < 0.9 ? FULL[Math.max(0, m - 1) % 12] : pick(SHORT));
      case 'H':
        return num(random() < 0.9 ? int(0, 23) : int(24, 30), 2);
      case 'M':
      case 'S':
        return num(random() < 0.95 ? int(0, 59) : int(60, 61), 2);
      case 'f':
        return '0123456789'.slice(0, int(1, 8));
      default:
        return '%';
    }
  });
}

/** Small corruptions: a character dropped, doubled or replaced, whitespace around or inside. */
function corrupt(s: string): string {
  const i = int(0, Math.max(0, s.length - 1));
  switch (int(0, 6)) {
    case 0:
      return s.slice(0, i) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + s[i] + s.slice(i);
    case 2:
      return s.slice(0, i) + pick(['/', '-', '.', ' ', 'T', ':', '0', '9', 'x']) + s.slice(i + 1);
    case 3:
      return pick([' ', '\t', '  ', '\u00a0']) + s + pick(['', ' ', '\n', '\r\n']);
    case 4:
      return s.replace(' ', pick(['  ', '\t', '', ' \t ']));
    case 5:
      return s + pick(['0', 'Z', ' ', 'x', ':00']);
    default:
      return s.replace(/\d/, '');
  }
}

function excelValue(): string {
  const base = pick([int(1, 100), int(20000, 80000), int(2958400, 2958470), 59, 60, 61, 0, 44197]);
  switch (int(0, 5)) {
    case 0:
      return String(base);
    case 1:
      return `${base}.${pick(['5', '25', '999999', '0000001', '4999999', '9999999999'])}`;
    case 2:
      return pick([` ${base} `, `${base}.`, `.${base}`, `-${base}`, `${base}e1`, `+${base}`, `0${base}`, `${base},5`]);
    default:
      return `${base}.${int(0, 99999)}`;
  }
}

function isoValue(): string {
  const date = random() < 0.9 ? `${pad(int(1990, 2030), 4)}-${pad(int(1, 12), 2)}-${pad(int(1, 31), 2)}` : render('%Y-%m-%d');
  const sep = pick(['T', 'T', 'T', ' ', 't', '  ']);
  const time = `${pad(random() < 0.9 ? int(0, 23) : 24, 2)}:${pad(random() < 0.95 ? int(0, 59) : 60, 2)}`;
  const secs = pick(['', `:${pad(int(0, 59), 2)}`, `:${pad(int(0, 59), 2)}`, ':60', ':5']);
  const frac = secs && random() < 0.4 ? `.${'1234567890'.slice(0, int(0, 10))}` : '';
  const zone = pick(['', 'Z', 'Z', 'z', '+09:00', '+0900', '+09', '-05:30', '+9:00', '-0530', '+09:0', 'UTC']);
  return date + sep + time + secs + frac + zone;
}

const HAND_PICKED = [
  '20220214', '2022214', '202202140', '220214', '2022-02-04', '2022-2-4', '2022-02-04 10:00', '2022-02-04 24:00:00',
  '2022-02-04 23:59:60', '2022-02-04T10:00:00', '2022-02-04 1:5', '2022-02-04  10:05', '2022-02-04\t10:05', '2022-02-0410:05',
  '14-Jan-15', '14-jan-15', '14-JAN-15', '14-January-15', '14-January-2015', '14-Jan-2015', 'Jan 14, 2015', 'Jan 4, 2015',
  'Jan  4, 2015', 'Jan 04,2015', 'Jan 04,  2015', 'January 14, 2015', 'Sept 14, 2015', 'Jun 14, 2015', 'june 14, 2015', '1-Jan-5',
  '14/02/22', '14/02/0022', '1/2/2022', '14/02/2022', '29/02/2021', '29/02/2020', '14/02/12345', '14/02/+2022', '14/02/-2022',
  '00/02/2022', '14/ 02/2022', '014/02/2022', '\t14/02/2022\n', '\u00a014/02/2022', '14/02/2022x', '', '   ', '2/29/23', '2/29/24',
  '1/2/22', '01/02/22', '13/2/22', ' 1/2/22', '12/1/2010 8:26', '12/1/2010 08:26', '12/1/2010 8:6', '0000-02-29', '0100-02-29',
  '1900-02-29', '2000-02-29', '0000-01-01', '9999-12-31', '04.03.2021', '4.3.2021', '2021.3.4', '2021/03/04', '44197', '44197.5',
  '2021-03-04T10:20:30Z', '2021-03-04T10:20:30+09:00', '2021-03-04T10:20:30.123+09:00', '2021-03-04T10:20', '2021-03-04 10:20:30',
  '11 Feb 2013', '11  feb  2013', '\u3000 2021-03-04\u3000', '\ufeff2021-03-04', ' 44197\u00a0', '\u00a02021-03-04T10:20Z', '11 February 2013', '%2021/03/04', '2021-03-04 10', '202103041020', '4/3/21 9:5:7',
];

const CUSTOM = ['%d.%m.%Y', '%-d/%-m/%-y', '%Y%m%d%H%M', '%d %B %Y %H:%M:%S.%f', '%Y-%m-%d %H', '%%%Y/%m/%d', '%Y-%m-%d  %H', '%b-%y-%d', '%-m/%-d/%y %-H:%-M:%-S'];

function corpus(): string[] {
  const patterns = [...DATE_FORMAT_SPECS.filter((s) => s.pattern).map((s) => s.pattern as string), ...CUSTOM];
  const values = new Set(HAND_PICKED);
  for (const p of patterns) {
    for (let k = 0; k < 60; k++) {
      const v = render(p);
      values.add(v);
      values.add(corrupt(v));
    }
  }
  for (let k = 0; k < 300; k++) {
    const e = excelValue();
    const i = isoValue();
    values.add(e);
    values.add(i);
    if (k % 3 === 0) values.add(corrupt(i));
  }
  return [...values].filter((v) => !v.includes('\0'));
}

type Row = [number, number | null, number | null, number | null, number | null];
const toNumber = (v: unknown) => (v === null ? null : Number(v));
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

describe('the TypeScript date reader agrees with DuckDB', () => {
  let instance: DuckDBInstance;
  let db: DuckDBConnection;
  const values = corpus();

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    db = await instance.connect();
    await db.run('CREATE TABLE v (i INTEGER, s VARCHAR)');
    for (let start = 0; start < values.length; start += 500) {
      const rows = values.slice(start, start + 500).map((s, k) => `(${start + k}, ${sqlString(s)})`);
      await db.run(`INSERT INTO v VALUES ${rows.join(', ')}`);
    }
  });
  afterAll(() => {
    db?.closeSync();
    instance?.closeSync();
  });

  async function duckdb(expr: string): Promise<Row[]> {
    const reader = await db.runAndReadAll(`SELECT i, year(t), month(t), day(t), hour(t) FROM (SELECT i, ${expr} AS t FROM v) ORDER BY i`);
    return reader.getRows().map((r) => r.map(toNumber) as Row);
  }

  function disagreements(format: string, rows: Row[], raw = false): string[] {
    return rows.flatMap(([i, y, m, d, h]) => {
      const ours = raw ? parseStrptime(values[i], format) : parseDate(values[i], format);
      const theirs = y === null ? null : { y, m, d, hour: h };
      return JSON.stringify(ours) === JSON.stringify(theirs) ? [] : [`${format} ${JSON.stringify(values[i])}: ours ${JSON.stringify(ours)}, DuckDB ${JSON.stringify(theirs)}`];
    });
  }

  const strptimeFormats: DateFormatSpec[] = [...DATE_FORMAT_SPECS.filter((s) => s.kind === 'strptime'), ...CUSTOM.map((p) => dateFormatSpec(p))];

  it('has a corpus where every format reads some values and refuses others', () => {
    for (const spec of [...DATE_FORMAT_SPECS, ...CUSTOM.map((p) => dateFormatSpec(p))]) {
      const read = values.filter((v) => parseDate(v, spec.name) !== null).length;
      expect(read, spec.name).toBeGreaterThan(5);
      expect(values.length - read, spec.name).toBeGreaterThan(5);
    }
    console.log(`date corpus: ${values.length} values × ${DATE_FORMAT_SPECS.length + CUSTOM.length} formats`);
  });

  it.each(strptimeFormats.map((s) => [s.name, s] as const))('%s: same as try_strptime(value, pattern)', async (name, spec) => {
    const rows = await duckdb(`try_strptime(s, ${sqlString(spec.pattern as string)})`);
    expect(rows).toHaveLength(values.length);
    expect(disagreements(spec.pattern as string, rows, true).slice(0, 20)).toEqual([]);
  });

  it.each(DATE_FORMAT_SPECS.map((s) => [s.name] as const))('%s: same as the import expression dateFormatSql', async (name) => {
    const rows = await duckdb(dateFormatSql(name, 's'));
    expect(disagreements(name, rows).slice(0, 20)).toEqual([]);
  });

  it('reads two-digit years by DuckDB pivot: 68 → 2068, 69 → 1969', async () => {
    const reader = await db.runAndReadAll(`SELECT year(try_strptime('68', '%y')), year(try_strptime('69', '%y')), year(try_strptime('00', '%y')), year(try_strptime('99', '%y'))`);
    const duck = reader.getRows()[0].map(toNumber);
    expect(duck).toEqual([2068, 1969, 2000, 1999]);
    expect(['1/1/68', '1/1/69', '1/1/00', '1/1/99'].map((v) => parseDate(v, 'M/D/YY')?.y)).toEqual(duck);
  });

  it('reads the Excel serials the issue names as Excel does', async () => {
    const reader = await db.runAndReadAll(
      `SELECT s, strftime(${dateFormatSql('Excel serial', 's')}, '%Y-%m-%d %H:%M') FROM (VALUES ('1'), ('59'), ('60'), ('61'), ('44197'), ('44197.5'), ('2958465'), ('2958466')) t(s)`,
    );
    expect(Object.fromEntries(reader.getRows())).toEqual({
      '1': '1900-01-01 00:00',
      '59': '1900-02-28 00:00',
      '60': null,
      '61': '1900-03-01 00:00',
      '44197': '2021-01-01 00:00',
      '44197.5': '2021-01-01 12:00',
      '2958465': '9999-12-31 00:00',
      '2958466': null,
    });
  });
});
