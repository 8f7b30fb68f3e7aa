import { CATEGORY_GROUP_NAMES, CHAIN_NAMES, FEATURE_LABELS, fill, type Lang } from './i18n';

const PER_CHAIN = ['share_lines_', 'share_amount_', 'rank_amount_', 'uses_'] as const;
/** Per category group (customer clusters): the group is a data value ('신선식품'), named as it is (a default group in English by its English name). */
const PER_GROUP = 'cat_share_';

/**
 * A model feature as the analyst reads it: 'share_amount_a01' → 'A01 백화점 구매금액 비중',
 * 'cat_share_신선식품' → '신선식품 구매 비중' (en 'Share of Fresh food'); an unknown key stays as it is.
 */
export function featureLabel(key: string, lang: Lang): string {
  const fixed = FEATURE_LABELS[key];
  if (fixed) return fixed[lang];
  if (key.startsWith(PER_GROUP) && key.length > PER_GROUP.length) {
    const group = key.slice(PER_GROUP.length);
    return fill(FEATURE_LABELS[PER_GROUP][lang], { chain: lang === 'en' ? (CATEGORY_GROUP_NAMES[group] ?? group) : group });
  }
  const prefix = PER_CHAIN.find((p) => key.startsWith(p));
  if (!prefix) return key;
  const code = key.slice(prefix.length).toUpperCase();
  const name = CHAIN_NAMES[code];
  return fill(FEATURE_LABELS[prefix][lang], { chain: name ? `${code} ${name[lang]}` : code });
}
