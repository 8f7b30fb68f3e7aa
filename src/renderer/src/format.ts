import type { Lang } from './i18n';

const locale = (lang: Lang) => (lang === 'ko' ? 'ko-KR' : 'en-US');

export const formatNumber = (value: number, lang: Lang) => new Intl.NumberFormat(locale(lang)).format(value);

/** 2021-03-05 → 2021. 3. 5. (ko-KR) / 3/5/2021 (en). Dates arrive as ISO day strings. */
export function formatDate(iso: string | null, lang: Lang): string {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-').map(Number);
  // setUTCFullYear, not Date.UTC: Date.UTC turns the years 0–99 into 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC' }).format(date);
}

/** A change with its sign and one decimal: +12.3 / −4 / 0 (the caller adds % or %p). */
export const formatChange = (value: number, lang: Lang) =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
