import { z } from 'zod';

/**
 * The project's currency: amounts are stored as the file gives them, and every label, CSV header
 * and chart axis names the currency. Korean won by default (L.POINT data); any ISO 4217 code.
 */
export const DEFAULT_CURRENCY = 'KRW';

/** The currencies the wizard offers first; any other three-letter code is accepted too. */
export const COMMON_CURRENCIES = ['KRW', 'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'AUD', 'CAD', 'INR', 'BRL'] as const;

export const currencySchema = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine((c) => /^[A-Z]{3}$/.test(c), 'the currency is a three-letter ISO 4217 code such as KRW, USD or EUR');

/** Signs written in amount cells, and the currency each one means (₩ and 원 are won). */
const SIGNS: [RegExp, string][] = [
  [/[₩원]|KRW/i, 'KRW'],
  [/US\$|\$|USD/i, 'USD'],
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/円|JPY/i, 'JPY'],
  [/CN¥|RMB|元|CNY/i, 'CNY'],
  [/¥/, 'JPY'],
  [/₹|INR/i, 'INR'],
  [/R\$|BRL/i, 'BRL'],
];

/**
 * The currency the amount cells name, when one sign is on at least half of the non-empty sample
 * values (and no other sign appears); null when the cells are plain numbers or mixed.
 */
export function detectCurrency(values: string[]): string | null {
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length === 0) return null;
  const counts = new Map<string, number>();
  for (const v of filled) {
    const hit = SIGNS.find(([re]) => re.test(v));
    if (hit) counts.set(hit[1], (counts.get(hit[1]) ?? 0) + 1);
  }
  if (counts.size !== 1) return null;
  const [[code, n]] = [...counts];
  return n * 2 >= filled.length ? code : null;
}

/** The currencies a picker offers: the common ones, with the current one first when it is not among them. */
export function currencyChoices(current: string): string[] {
  return (COMMON_CURRENCIES as readonly string[]).includes(current) ? [...COMMON_CURRENCIES] : [current, ...COMMON_CURRENCIES];
}

/** Characters stripped from an amount cell before it is read as a number (signs, thousands separators, spaces). */
export const AMOUNT_NOISE = '[,₩원$€£¥₹円元\\s]|[A-Z]{3}|US|R';

/** Digits after the decimal point a currency is shown and exported with (0 for won and yen). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The currency's sign as the language writes it (₩, $, €, …; the code when there is none). */
export function currencySymbol(currency: string, lang: 'ko' | 'en'): string {
  try {
    const parts = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** The unit a label puts in brackets: 원 for won in Korean, else the sign (₩, $, €, …). */
export function currencyUnit(currency: string, lang: 'ko' | 'en'): string {
  return lang === 'ko' && currency === 'KRW' ? '원' : currencySymbol(currency, lang);
}

/** An amount rounded to its currency's digits (no 58.550000000000004 in a table or a CSV). */
export function roundAmount(value: number, currency: string): number {
  const f = 10 ** currencyDigits(currency);
  return Math.round(value * f) / f;
}
