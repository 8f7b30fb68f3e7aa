import { PARAMS } from './params';
import { rngFor } from './random';

/**
 * The year's days: their text forms (precomputed once, the hot loop only indexes them) and the
 * shared day weight = weekday × month × holidays × fixed dates × declining trend.
 */
export interface Calendar {
  year: number;
  days: number;
  /** 'YYYYMMDD' per day of year (0-based). */
  ymd: string[];
  /** 'YYMMDD' per day (receipt-number prefixes), and for days before the year (booking leads). */
  yymmdd: string[];
  /** 0 = Monday … 6 = Sunday. */
  weekday: Int8Array;
  month: Int8Array;
  weight: Float64Array;
  /** Large-mart closing days (2nd/4th Sunday). */
  martClosed: Uint8Array;
  /** Promotions: per day, the promoted category index or -1. */
  promotion: Int32Array;
}

const DAY_MS = 86_400_000;

export function buildCalendar(year: number, seed: number, categories: number): Calendar {
  const start = Date.UTC(year, 0, 1);
  const days = Math.round((Date.UTC(year + 1, 0, 1) - start) / DAY_MS);
  const ymd: string[] = [];
  const yymmdd: string[] = [];
  const weekday = new Int8Array(days);
  const month = new Int8Array(days);
  const weight = new Float64Array(days);
  const martClosed = new Uint8Array(days);
  const s = PARAMS.season;
  const holidays = (s.lunarHolidays[year] ?? []).map((d) => Math.round((Date.parse(`${d}T00:00:00Z`) - start) / DAY_MS));
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * DAY_MS);
    const m = date.getUTCMonth();
    const dom = date.getUTCDate();
    const wd = (date.getUTCDay() + 6) % 7;
    const mm = String(m + 1).padStart(2, '0');
    const dd = String(dom).padStart(2, '0');
    ymd.push(`${year}${mm}${dd}`);
    yymmdd.push(`${String(year % 100).padStart(2, '0')}${mm}${dd}`);
    weekday[d] = wd;
    month[d] = m;
    let w = s.weekday[wd] * s.month[m];
    for (const h of holidays) {
      const off = d - h;
      if (s.holidayItself.days.includes(off)) w *= s.holidayItself.weight;
      else if (off < -1 && off >= -1 - s.holidayBefore.days) w *= s.holidayBefore.lift;
    }
    w *= s.fixed[`${mm}-${dd}`] ?? 1;
    if (d > s.trendStartDay) w *= 1 - (s.trendDrop * (d - s.trendStartDay)) / (days - s.trendStartDay);
    weight[d] = w;
    if (wd === 6 && PARAMS.chains.martClosedSundays.includes(Math.ceil(dom / 7))) martClosed[d] = 1;
  }
  const promotion = new Int32Array(days).fill(-1);
  const rng = rngFor(seed, 'promotions');
  for (let k = 0; k < PARAMS.promotions.perYear; k++) {
    const first = rng.int(days - PARAMS.promotions.days);
    const cat = rng.int(categories);
    for (let d = first; d < first + PARAMS.promotions.days; d++) promotion[d] = cat;
  }
  return { year, days, ymd, yymmdd, weekday, month, weight, martClosed, promotion };
}

/** 'YYMMDD' of a day that may lie before the year (booking leads up to a few weeks). */
export function yymmddOf(cal: Calendar, day: number): string {
  if (day >= 0) return cal.yymmdd[day];
  const date = new Date(Date.UTC(cal.year, 0, 1) + day * DAY_MS);
  return `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
}

export function ymdOf(cal: Calendar, day: number): string {
  if (day >= 0) return cal.ymd[day];
  const date = new Date(Date.UTC(cal.year, 0, 1) + day * DAY_MS);
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
}
