import { fill } from '../i18n';
import { label, type Lang } from './labels';

/** The days the data covers: its first and last date ('YYYY-MM-DD'), or the filter's. */
export interface Coverage {
  from: string;
  to: string;
}

/** A month the coverage only partly covers: from a day after the 1st and/or to a day before its last. */
export interface PartialMonth {
  month: string;
  fromDay: number | null;
  toDay: number | null;
}

const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/** The chart's months ('YYYY-MM') that the coverage covers only in part: at most the first and the last. */
export function partialMonths(months: readonly string[], coverage: Coverage | null | undefined): PartialMonth[] {
  if (!coverage) return [];
  const first = coverage.from.slice(0, 7);
  const last = coverage.to.slice(0, 7);
  const fromDay = Number(coverage.from.slice(8, 10));
  const toDay = Number(coverage.to.slice(8, 10));
  const out = new Map<string, PartialMonth>();
  if (fromDay > 1) out.set(first, { month: first, fromDay, toDay: null });
  if (toDay < daysIn(last)) out.set(last, { month: last, fromDay: out.get(last)?.fromDay ?? null, toDay });
  return [...out.values()].filter((p) => months.includes(p.month));
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
};
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2020년 12월은 27일부터의 데이터(불완전한 달)' / 'Dec 2020: data from the 27th (incomplete month)'. */
export function partialMonthNote(p: PartialMonth, lang: Lang): string {
  const [y, m] = p.month.split('-').map(Number);
  const month = lang === 'ko' ? `${y}년 ${m}월` : `${MONTH_EN[m - 1]} ${y}`;
  const day = (d: number) => (lang === 'ko' ? String(d) : ordinal(d));
  if (p.fromDay !== null && p.toDay !== null) return fill(label('partialMonthBoth', lang), { month, from: day(p.fromDay), to: day(p.toDay) });
  if (p.fromDay !== null) return fill(label('partialMonthFrom', lang), { month, day: day(p.fromDay) });
  return fill(label('partialMonthTo', lang), { month, day: day(p.toDay ?? 0) });
}

/**
 * The month axis's bands, a partial month's greyed (every other band clear). ECharts' markArea cannot
 * span a whole category on a line chart (both ends fall on the category's centre), the axis's split
 * areas can: their colours are taken band by band from the list.
 */
export function partialMonthBands(months: readonly string[], partials: readonly PartialMonth[]) {
  if (!partials.length) return undefined;
  const partial = new Set(partials.map((p) => p.month));
  return { show: true, interval: 0, areaStyle: { color: months.map((m) => (partial.has(m) ? PARTIAL_GREY : 'rgba(0, 0, 0, 0)')) } };
}

export const PARTIAL_GREY = 'rgba(107, 114, 128, 0.16)';
