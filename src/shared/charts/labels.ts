/** Chart labels, Korean first, English second: lookups over the i18n table. */
export type Lang = 'ko' | 'en';

/** The labels live in the one i18n table (../i18n/); this module is the charts' view of it. */
export { CHART_LABELS as LABELS, CHAIN_NAMES } from '../i18n';
import { CHART_LABELS as LABELS, CHAIN_NAMES } from '../i18n';

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}



/** 'A01 백화점'; an unknown code stays as it is. */
export function chainLabel(code: string, lang: Lang): string {
  // A mapped file without a chain column puts every line under 'ALL'.
  if (code === 'ALL') return label('allChains', lang);
  const name = CHAIN_NAMES[code];
  return name ? `${code} ${name[lang]}` : code;
}

/** 'A01:online' → 'A01 백화점 온라인'. */
export function chainChannelLabel(category: string, lang: Lang): string {
  const [code, channel] = category.split(':');
  if (channel !== 'online' && channel !== 'offline') return chainLabel(category, lang);
  return `${chainLabel(code, lang)} ${label(channel, lang)}`;
}
