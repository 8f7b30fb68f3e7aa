/** Every UI string, in one table: Korean first, English second. */
export const STRINGS = {
  appTitle: { ko: '캠페인 워크벤치', en: 'Campaign Workbench' },
  'nav.data': { ko: '데이터', en: 'Data' },
  'nav.overview': { ko: '개요', en: 'Overview' },
  'nav.segments': { ko: '세그먼트', en: 'Segments' },
  'nav.churn': { ko: '이탈 예측', en: 'Churn' },
  'nav.recommend': { ko: '추천', en: 'Recommendations' },
  'nav.validation': { ko: '검증', en: 'Validation' },
  'nav.export': { ko: '내보내기', en: 'Export' },
  comingNext: { ko: '다음 단계에서 제공됩니다.', en: 'Comes in a later step.' },
  language: { ko: 'English', en: '한국어' },
} as const;

export type Lang = 'ko' | 'en';
export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

export const formatNumber = (value: number, lang: Lang) => new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US').format(value);
