import { describe, expect, it } from 'vitest';
import { addDays as analyticsAddDays } from '../../src/main/services/analytics/dates';
import { isRealDate as analyticsIsRealDate } from '../../src/shared/analytics';
import {
  addDays,
  checkDateFormat,
  DATE_FORMAT_NAMES,
  dateFormatProblem,
  dateFormatSql,
  daysBetween,
  expandTwoDigitYear,
  inferDateFormats,
  isRealDate,
  parseDate,
  resolveDateFormat,
} from '../../src/shared/dates';
import { DATE_FORMATS } from '../../src/shared/mapping';

const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

describe('inferDateFormats: one small column per class', () => {
  it('day-first two-digit years: DD/MM/YY, and M/D/YY is refused by a day above 12', () => {
    const r = inferDateFormats(['14/02/22', '03/01/22', '25/12/21', '01/06/22']);
    expect(r.chosen).toBe('DD/MM/YY');
    expect(r.ambiguous).toBe(false);
    expect(r.candidates).not.toContain('M/D/YY');
    expect(r.candidates).not.toContain('DD/MM/YYYY'); // two digits are not the year 22 AD
    expect(r.range).toEqual({ first: '2021-12-25', last: '2022-06-01' });
    expect(r.warnings).toEqual([]);
    expect(r.reason).toBe(
      'DD/MM/YY reads all 4 values, 2021-12-25 to 2022-06-01. DD/MM/YYYY, M/D/YY, M/D/YYYY are ruled out by "14/02/22" (value #1). ' +
        'Two-digit years 00–68 are read as 2000–2068 and 69–99 as 1969–1999.',
    );
  });

  it('day-first two-digit years with no day above 12: ambiguous, both readings shown', () => {
    const r = inferDateFormats(['03/01/22', '05/02/22', '11/12/21']);
    expect(r.chosen).toBeNull();
    expect(r.ambiguous).toBe(true);
    expect(r.choices).toEqual(['M/D/YY', 'DD/MM/YY']); // registry order
    expect(r.example).toEqual({
      index: 0,
      value: '03/01/22',
      dates: [
        { format: 'M/D/YY', date: '2022-03-01' },
        { format: 'DD/MM/YY', date: '2022-01-03' },
      ],
    });
    expect(r.readings.map((x) => x.range)).toEqual([
      { first: '2021-11-12', last: '2022-05-02' },
      { first: '2021-12-11', last: '2022-02-05' },
    ]);
    expect(r.reason).toMatch(/No value has a day above 12/);
    expect(r.range).toBeNull();
  });

  it('ambiguous day/month with four-digit years, decided by one value above 12 either way', () => {
    const base = ['03/04/2021', '05/06/2021', '12/11/2021'];
    const open = inferDateFormats(base);
    expect(open.ambiguous).toBe(true);
    expect(open.choices).toEqual(['DD/MM/YYYY', 'M/D/YYYY']);
    expect(inferDateFormats([...base, '13/04/2021']).chosen).toBe('DD/MM/YYYY');
    expect(inferDateFormats([...base, '04/13/2021']).chosen).toBe('M/D/YYYY');
    expect(inferDateFormats(['3-4-2021', '13-4-2021']).chosen).toBe('DD-MM-YYYY');
    expect(inferDateFormats(['3-4-21', '3-14-21']).chosen).toBe('MM-DD-YY');
  });

  it('month names: abbreviated and full, two- and four-digit years', () => {
    expect(inferDateFormats(['14-Jan-15', '02-Feb-15', '28-Dec-14'])).toMatchObject({ chosen: 'DD-Mon-YY', range: { first: '2014-12-28', last: '2015-02-02' } });
    expect(inferDateFormats(['11-Feb-2013', '1-mar-2013']).chosen).toBe('DD-Mon-YYYY');
    expect(inferDateFormats(['Jan 14, 2015', 'Feb 2, 2015']).chosen).toBe('Mon D, YYYY');
    expect(inferDateFormats(['January 14, 2015', 'May 2, 2015']).chosen).toBe('Month D, YYYY');
    expect(inferDateFormats(['11 February 2013', '1 March 2013']).chosen).toBe('DD Month YYYY');
    expect(parseDate('14-Jan-15', 'DD-Mon-YY')).toEqual({ y: 2015, m: 1, d: 14, hour: 0 });
  });

  it('ISO with T, fraction and zone: the wall-clock day and hour as written', () => {
    const r = inferDateFormats(['2021-03-04T10:20:30Z', '2021-03-05T23:59:59+09:00', '2021-03-06T00:00:00.123-05:00']);
    expect(r).toMatchObject({ chosen: 'ISO 8601', ambiguous: false, range: { first: '2021-03-04', last: '2021-03-06' } });
    expect(parseDate('2021-03-05T23:59:59-05:00', 'ISO 8601')).toEqual({ y: 2021, m: 3, d: 5, hour: 23 });
    expect(parseDate('2021-03-05T24:00:00Z', 'ISO 8601')).toBeNull();
  });

  it('Excel serial numbers, with the 1900 leap-year bug', () => {
    const r = inferDateFormats(['44197', '44197.5', '44561']);
    expect(r).toMatchObject({ chosen: 'Excel serial', range: { first: '2021-01-01', last: '2021-12-31' }, warnings: [] });
    expect(parseDate('44197.5', 'Excel serial')).toEqual({ y: 2021, m: 1, d: 1, hour: 12 });
    expect(parseDate('59', 'Excel serial')).toEqual({ y: 1900, m: 2, d: 28, hour: 0 });
    expect(parseDate('60', 'Excel serial')).toBeNull(); // Excel's 1900-02-29, which never was
    expect(parseDate('61', 'Excel serial')).toEqual({ y: 1900, m: 3, d: 1, hour: 0 });
    expect(codes(inferDateFormats(['1', '2', '3']).warnings)).toContain('small_excel_serial');
  });

  it('a column with one bad value: no candidate, and the value is named', () => {
    const values = ['01/02/2022', '15/02/2022', '28/02/2022', '01/03/2022', '13/03/2022', '20/03/2022', '31/02/2022', '02/04/2022', '30/04/2022', '14/05/2022'];
    const r = inferDateFormats(values);
    expect(r.candidates).toEqual([]);
    expect(r.chosen).toBeNull();
    expect(r.nearest[0]).toEqual({ format: 'DD/MM/YYYY', read: 9, failed: 1, complete: true, failures: [{ index: 6, value: '31/02/2022' }] });
    expect(r.reason).toContain('"31/02/2022" (value #7)');
  });

  it('years outside 1900–2100 and long ranges are warned, future dates when today is given', () => {
    const r = inferDateFormats(['2150-01-01', '2021-05-01', '2021-06-01'], { today: '2025-01-01' });
    expect(r.chosen).toBe('YYYY-MM-DD');
    expect(codes(r.warnings)).toEqual(['after_max_year', 'long_span', 'future']);
    expect(r.warnings[0]).toMatchObject({ count: 1, example: { value: '2150-01-01', date: '2150-01-01' } });
    expect(codes(inferDateFormats(['1850-01-01', '1851-01-01']).warnings)).toEqual(['before_min_year']);
    expect(inferDateFormats(['2021-05-01', '2022-06-01'], { today: '2025-01-01' }).warnings).toEqual([]);
  });

  it('two-digit year 22 is 2022, by the stated pivot (DuckDB’s: 00–68 → 20xx, 69–99 → 19xx)', () => {
    expect(inferDateFormats(['13/2/22']).range).toEqual({ first: '2022-02-13', last: '2022-02-13' });
    expect([0, 22, 68, 69, 99].map(expandTwoDigitYear)).toEqual([2000, 2022, 2068, 1969, 1999]);
    expect(parseDate('1/1/69', 'M/D/YY')?.y).toBe(1969);
  });

  it('formats that read the data identically are no question; year digits keep M/D/YY and M/D/YYYY apart', () => {
    const stamped = inferDateFormats(['2021-03-04 10:20:30', '2021-03-05 11:00:00']);
    expect(stamped).toMatchObject({ chosen: 'YYYY-MM-DD HH:MM:SS', ambiguous: false });
    expect(stamped.candidates).toEqual(['YYYY-MM-DD HH:MM:SS', 'ISO 8601']);
    expect(stamped.reason).toContain('ISO 8601 reads them the same');
    expect(inferDateFormats(['1/13/2021', '2/1/2021'])).toMatchObject({ chosen: 'M/D/YYYY', candidates: ['M/D/YYYY'] });
    expect(inferDateFormats(['1/13/21', '2/1/21'])).toMatchObject({ chosen: 'M/D/YY', candidates: ['M/D/YY'] });
    // the same day written day-first or month-first reads the same: no question either
    expect(inferDateFormats(['01/01/2021', '02/02/2021'])).toMatchObject({ chosen: 'DD/MM/YYYY', ambiguous: false });
  });

  it('the other current formats are recognised', () => {
    const cases: [string[], string][] = [
      [['20210304', '20211231'], 'YYYYMMDD'],
      [['2021-03-04 10:20', '2021-03-05 11:00'], 'YYYY-MM-DD HH:MM'],
      [['2021.03.04'], 'YYYY.MM.DD'],
      [['2021/03/04'], 'YYYY/MM/DD'],
      [['12/1/2010 8:26', '12/13/2010 16:05'], 'M/D/YYYY H:MM'],
      [['13/1/2010 08:26'], 'DD/MM/YYYY HH:MM'],
      [['13.01.2010'], 'DD.MM.YYYY'],
    ];
    for (const [values, format] of cases) expect(inferDateFormats(values).chosen, values[0]).toBe(format);
  });

  it('empty values are skipped and counted; no values, mixed formats and unknown ones say so', () => {
    expect(inferDateFormats(['', '  ', '2021-03-04'])).toMatchObject({ chosen: 'YYYY-MM-DD', checked: 1, total: 3, empty: 2 });
    expect(inferDateFormats(['', ' '])).toMatchObject({ chosen: null, reason: 'The column has no values to tell the date format from.' });
    const mixed = inferDateFormats([...Array(12).fill('2021-03-04'), ...Array(12).fill('14/03/2021')]);
    expect(mixed.chosen).toBeNull();
    expect(mixed.reason).toMatch(/mixes date formats: "2021-03-04" \(value #1\) is YYYY-MM-DD, "14\/03\/2021" \(value #13\) is DD\/MM\/YYYY/);
    expect(inferDateFormats(['yesterday', 'today']).reason).toContain('"yesterday" (value #1)');
  });

  it('a free pattern given by the user is tried after the registry', () => {
    const values = ['04.03.2021 10h', '14.03.2021 23h'];
    expect(inferDateFormats(values).chosen).toBeNull();
    const r = inferDateFormats(values, { patterns: ['%d.%m.%Y %Hh'] });
    expect(r).toMatchObject({ chosen: '%d.%m.%Y %Hh', range: { first: '2021-03-04', last: '2021-03-14' } });
    expect(parseDate('14.03.2021 23h', '%d.%m.%Y %Hh')?.hour).toBe(23);
  });

  it('reads a large column from an evenly spread sample that includes the last value, fast', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => addDays('2020-01-01', i % 1000).split('-').reverse().join('/'));
    values[values.length - 1] = '31/12/2099';
    const r = inferDateFormats(values);
    expect(r).toMatchObject({ chosen: 'DD/MM/YYYY', checked: 10_000, total: 100_000, range: { first: '2020-01-01', last: '2099-12-31' } });
    expect(codes(r.warnings)).toEqual(['long_span']);

    const tenThousand = values.slice(0, 10_000);
    const ambiguous = tenThousand.map((v) => v.replace(/^(\d\d)/, (dd) => String(Math.min(Number(dd), 12)).padStart(2, '0')));
    let t = performance.now();
    const timed = inferDateFormats(tenThousand);
    const ms = performance.now() - t;
    t = performance.now();
    const timedAmbiguous = inferDateFormats(ambiguous);
    const msAmbiguous = performance.now() - t;
    console.log(`inferDateFormats: 10,000 values in ${ms.toFixed(1)} ms (chosen), ${msAmbiguous.toFixed(1)} ms (ambiguous)`);
    expect(timed.chosen).toBe('DD/MM/YYYY');
    expect(timedAmbiguous.ambiguous).toBe(true);
  });
});

describe('checkDateFormat: a wrong format the user picks is refused or warned, never silent', () => {
  const dayFirst = ['14/02/22', '03/01/22', '25/12/21'];

  it('DD/MM/YYYY on two-digit years reads the year 22 AD: warned', () => {
    const c = checkDateFormat(dayFirst, 'DD/MM/YYYY');
    expect(c.failed).toBe(0); // DuckDB would load them all …
    expect(c.range).toEqual({ first: '0021-12-25', last: '0022-02-14' });
    expect(codes(c.warnings)).toEqual(['short_year', 'before_min_year']); // … so the check says loudly why not
    expect(c.summary).toContain('two-digit year');
  });

  it('M/D/YY on day-first data rejects the days above 12, named', () => {
    const c = checkDateFormat(dayFirst, 'M/D/YY');
    expect(c).toMatchObject({ read: 1, failed: 2, failures: [{ index: 0, value: '14/02/22' }, { index: 2, value: '25/12/21' }] });
    expect(c.summary).toContain('M/D/YY reads 1 of 3 values');
  });

  it('the right format passes clean, and today marks future dates', () => {
    expect(checkDateFormat(dayFirst, 'DD/MM/YY')).toMatchObject({ failed: 0, warnings: [], range: { first: '2021-12-25', last: '2022-02-14' } });
    expect(codes(checkDateFormat(dayFirst, 'DD/MM/YY', { today: '2022-01-31' }).warnings)).toEqual(['future']);
  });
});

describe('the format registry', () => {
  it('keeps every name saved mappings use, with the same DuckDB pattern', () => {
    for (const [name, pattern] of Object.entries(DATE_FORMATS)) {
      const spec = resolveDateFormat(name);
      expect(typeof spec === 'string' ? spec : spec.pattern, name).toBe(pattern);
    }
    expect(DATE_FORMAT_NAMES.slice(0, 8)).toEqual(Object.keys(DATE_FORMATS));
  });

  it('describes each format: time, order, year digits', () => {
    expect(resolveDateFormat('DD/MM/YY')).toMatchObject({ kind: 'strptime', pattern: '%d/%m/%y', time: false, order: 'DMY', yearDigits: 2 });
    expect(resolveDateFormat('M/D/YYYY H:MM')).toMatchObject({ time: true, order: 'MDY', yearDigits: 4 });
    expect(resolveDateFormat('ISO 8601')).toMatchObject({ kind: 'iso', pattern: null, time: true });
    expect(resolveDateFormat('Excel serial')).toMatchObject({ kind: 'excel', order: 'serial', yearDigits: null });
    expect(resolveDateFormat('D/M/YYYY')).toMatchObject({ pattern: '%d/%m/%Y', aliasOf: 'DD/MM/YYYY' });
    expect(resolveDateFormat('%d.%m.%Y')).toMatchObject({ custom: true, order: 'DMY', yearDigits: 4, time: false });
  });

  it('refuses what is not a format, in words', () => {
    expect(dateFormatProblem('auto')).toMatch(/not a date format/);
    expect(dateFormatProblem('%d.%m')).toMatch(/no a year/);
    expect(dateFormatProblem('%Y-%m-%dT%H:%M:%S%z')).toMatch(/ISO 8601/);
    expect(dateFormatProblem('%Y-%m-%d %q')).toMatch(/%q is not supported/);
    expect(dateFormatProblem('%Y-%m-%d %M')).toMatch(/no hour/);
    expect(dateFormatProblem(' %Y-%m-%d')).toMatch(/begins or ends with a space/);
    expect(dateFormatProblem('%d.%m.%Y')).toBeNull();
  });

  it('gives the import SQL for every kind', () => {
    expect(dateFormatSql('DD/MM/YY', '"f3"')).toBe(`try_strptime(trim("f3"), '%d/%m/%y')`);
    expect(dateFormatSql("%d'%m'%Y", 'c')).toBe(`try_strptime(trim(c), '%d''%m''%Y')`);
    expect(dateFormatSql('Excel serial', 'c')).toContain(`DATE '1899-12-30'`);
    expect(dateFormatSql('ISO 8601', 'c')).toContain('regexp_full_match(trim(c)');
  });
});

describe('calendar helpers never turn year 22 into 1922', () => {
  it('adds days in every year 0001–9999', () => {
    expect(addDays('0022-02-28', 1)).toBe('0022-03-01');
    expect(addDays('0024-02-28', 1)).toBe('0024-02-29');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('2022-02-30', 1)).toThrow(RangeError);
  });

  it('agrees with the JavaScript calendar where that is safe', () => {
    for (let k = 0; k < 2000; k++) {
      const n = (k * 7919) % 80_000;
      const base = new Date(Date.UTC(1900, 0, 1));
      base.setUTCDate(base.getUTCDate() + n);
      expect(addDays('1900-01-01', n)).toBe(base.toISOString().slice(0, 10));
    }
    const early = new Date(0);
    early.setUTCFullYear(22, 1, 28);
    early.setUTCDate(early.getUTCDate() + 1);
    expect(early.toISOString().slice(0, 10)).toBe(addDays('0022-02-28', 1));
  });

  it('isRealDate and daysBetween', () => {
    expect(['0022-02-28', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'].map(isRealDate)).toEqual([true, true, true, true, true]);
    expect(['0022-02-29', '1900-02-29', '2021-02-29', '0000-01-01', '2021-13-01', '2021-1-1', '22-01-01'].map(isRealDate)).toEqual(Array(7).fill(false));
    expect(daysBetween('0022-01-01', '2022-01-01')).toBe(5 * 146_097);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('the app’s existing helpers delegate to it', () => {
    expect(analyticsAddDays('0022-02-28', 1)).toBe('0022-03-01');
    expect(analyticsAddDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(analyticsIsRealDate('0022-02-28')).toBe(true);
    expect(analyticsIsRealDate('2023-02-29')).toBe(false);
  });
});
