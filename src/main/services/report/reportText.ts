import type { EChartsOption } from 'echarts';
import { withPeriod } from '../../../shared/charts/exportTitle';
import { formatValue, type Unit } from '../../../shared/charts/numberFormat';
import { fill, REPORT_TEXT, type Lang, type ReportTextKey } from '../../../shared/i18n';
import type { ReportChart } from './reportTypes';

/** Figures and words as the report writes them: ko-KR (or en-US) number formats, Korean first. */

const locale = (lang: Lang) => (lang === 'ko' ? 'ko-KR' : 'en-US');

export function rt(key: ReportTextKey, lang: Lang): string {
  return REPORT_TEXT[key][lang];
}

export function say(key: ReportTextKey, lang: Lang, values: Record<string, string | number>): string {
  return fill(rt(key, lang), values);
}

/** 1,234 */
export function num(value: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value);
}

/** A score as the model reports write it: 0.842; '–' when undefined. */
export function score(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(3) : '–';
}

/** A share 0..1 as 12.3% (always one decimal, so a column lines up); '–' when undefined. */
export function pct(share: number | null | undefined, lang: Lang): string {
  return typeof share === 'number' && Number.isFinite(share) ? `${fixed(100 * share, lang, 1)}%` : '–';
}

/** A number with exactly `digits` decimals: 4.5 → 4.50 with 2. */
export function fixed(value: number, lang: Lang, digits: number): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** 1,234명 / 1,234 customers. */
export function people(n: number, lang: Lang): string {
  return lang === 'ko' ? `${num(n, lang)}명` : `${num(n, lang)} ${n === 1 ? 'customer' : 'customers'}`;
}

export function value(v: number | null | undefined, unit: Unit, lang: Lang): string {
  return formatValue(v, unit, lang);
}

/** A ratio as 1.7 (one decimal). */
export function times(ratio: number, lang: Lang): string {
  return fixed(ratio, lang, 1);
}

/** 2021. 7. 1. / 7/1/2021 */
export function dateText(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC' }).format(date);
}

/** A moment (ISO) in the local time zone: 2021. 12. 6. 오후 3:17 / 12/6/2021, 3:17 PM. */
export function dateTimeText(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function windowText(w: { from: string; to: string }, lang: Lang): string {
  return `${dateText(w.from, lang)} ~ ${dateText(w.to, lang)}`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month '2021-07' as 2021년 7월 / Jul 2021. */
export function monthText(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  return lang === 'ko' ? `${y}년 ${m}월` : `${EN_MONTHS[m - 1]} ${y}`;
}

/** The months of a window: 1~6월 (2021년 11월~2022년 4월 across years) / Jan–Jun (Nov 2021–Apr 2022). */
export function monthSpan(from: string, to: string, lang: Lang): string {
  const [y1, m1] = from.split('-').map(Number);
  const [y2, m2] = to.split('-').map(Number);
  if (y1 === y2) return lang === 'ko' ? `${m1}~${m2}월` : `${EN_MONTHS[m1 - 1]}–${EN_MONTHS[m2 - 1]}`;
  return lang === 'ko' ? `${y1}년 ${m1}월~${y2}년 ${m2}월` : `${EN_MONTHS[m1 - 1]} ${y1}–${EN_MONTHS[m2 - 1]} ${y2}`;
}

/** The title an option shows (what `framed` put there). */
export function optionTitle(option: EChartsOption): string {
  const title = Array.isArray(option.title) ? option.title[0] : option.title;
  return typeof title?.text === 'string' ? title.text : '';
}

export const CHART_WIDTH = 800;
/** The period line withPeriod adds under the title. */
const PERIOD_LINE = 20;

/** A report chart: the option with its data period under the title (as saved images show it), the title read from it. */
export function reportChart(id: string, option: EChartsOption, takeaway: string, options: { height?: number; period?: string } = {}): ReportChart {
  const shown = withPeriod(option, options.period);
  return {
    id,
    title: optionTitle(shown),
    option: shown,
    width: CHART_WIDTH,
    height: (options.height ?? 360) + (options.period ? PERIOD_LINE : 0),
    takeaway,
  };
}
