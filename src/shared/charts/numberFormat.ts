import { fill, UNIT_AFFIXES } from '../i18n';
import { currencyDigits, currencySymbol, DEFAULT_CURRENCY } from '../money';
import type { Lang } from './labels';

/** An amount in the project's currency (ISO 4217). */
export interface Money {
  currency: string;
}
export const money = (currency: string = DEFAULT_CURRENCY): Money => ({ currency });

/** Units shown with numbers: money (1,234원, $1,234.50), 명 (people), 건 (counts), % (shares). */
export type Unit = Money | 'people' | 'count' | 'percent' | 'plain';

const locale = (lang: Lang) => (lang === 'ko' ? 'ko-KR' : 'en-US');

const formatters = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale(lang), options)));
  return f;
}

function withUnit(text: string, unit: Unit, lang: Lang): string {
  if (unit === 'percent') return `${text}%`;
  if (unit === 'plain') return text;
  if (typeof unit === 'object') {
    // Won in Korean reads 1,234원; every other currency (and won in English) leads with its sign.
    if (unit.currency === 'KRW') return fill(UNIT_AFFIXES.won[lang], { n: text });
    return text.startsWith('-') ? `-${currencySymbol(unit.currency, lang)}${text.slice(1)}` : `${currencySymbol(unit.currency, lang)}${text}`;
  }
  return fill(UNIT_AFFIXES[unit][lang], { n: text });
}

/** Full figure for tooltips: 1,234원 / $1,234.5 / 1,234명 / 1,234건 / 12.3% (en: ₩1,234, 1,234). */
export function formatValue(value: number | null | undefined, unit: Unit, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const digits = unit === 'percent' ? 1 : unit === 'plain' ? 3 : typeof unit === 'object' ? currencyDigits(unit.currency) : 0;
  return withUnit(nf(lang, { maximumFractionDigits: digits }).format(value), unit, lang);
}

/** Short figure for axis labels: 1.2억원, 3.4만명 (en: ₩120M, 34K). */
export function formatAxis(value: number, unit: Unit, lang: Lang): string {
  if (unit === 'percent') return `${nf(lang, { maximumFractionDigits: 0 }).format(value)}%`;
  // Small plain values (KL contributions: ±0.05) keep enough digits, and never show "-0".
  if (unit === 'plain' && Math.abs(value) < 10) {
    return value === 0 ? '0' : nf(lang, { maximumSignificantDigits: 2 }).format(value);
  }
  return withUnit(nf(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(value), unit, lang);
}
