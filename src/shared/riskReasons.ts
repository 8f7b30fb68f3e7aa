import { formatValue, money } from './charts/numberFormat';
import { featureLabel } from './featureNames';
import { CHAIN_NAMES, DEFAULT_TIER_NAMES, fill, RISK_REASON_SEPARATOR, RISK_REASON_TEXTS, TIER_NUMBERED, type Lang } from './i18n';
import { DEFAULT_CURRENCY } from './money';

/** One reason of churn_scores.reasons (services/models/churn/explain.ts); delta is not shown. */
export interface RiskReasonIn {
  feature: string;
  value: number | null;
  reference: number | null;
}

export interface RiskReasonOptions {
  /** The project's currency for the amount features (default KRW). */
  currency?: string;
}

type Kind = 'days' | 'count' | 'share' | 'money' | 'ratio' | 'tier' | 'plain';

const KINDS: Record<string, Kind> = {
  recency_days: 'days',
  tenure_days: 'days',
  gap_mean: 'days',
  gap_std: 'days',
  gap_max: 'days',
  receipts: 'count',
  lines: 'count',
  quantity: 'count',
  active_days: 'count',
  product_breadth: 'count',
  category_breadth: 'count',
  affiliate_uses: 'count',
  lpay_uses: 'count',
  age: 'count',
  monetary: 'money',
  avg_receipt_amount: 'money',
  overdue_ratio: 'ratio',
  tier: 'tier',
};
const SHARE_PREFIXES = ['share_lines_', 'share_amount_', 'rank_amount_', 'cat_share_'];
const ONE_DAY = new Set(['gap_mean', 'gap_max', 'overdue_ratio']);
/** Entries of RISK_REASON_TEXTS that are no feature's own phrase. */
const NOT_FEATURES = new Set(['uses_', 'oneDay', 'female', 'male', 'fallback', 'noReference', 'missing']);

function kindOf(feature: string): Kind {
  if (KINDS[feature]) return KINDS[feature];
  if (feature.endsWith('_share') || SHARE_PREFIXES.some((p) => feature.startsWith(p))) return 'share';
  if (feature.startsWith('uses_')) return 'count';
  return 'plain';
}

const formatters = new Map<string, Intl.NumberFormat>();
function number(v: number, lang: Lang, digits: number): string {
  const key = `${lang}:${digits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: digits })));
  return f.format(v);
}

/** A value as the phrase shows it: 64 (days), 4.5 (a median count), 33% (a share), 12,300원, 2.5 (times), 기타 (a tier). */
function formatted(v: number, kind: Kind, lang: Lang, options: RiskReasonOptions): string {
  switch (kind) {
    case 'days':
    case 'count':
      return number(v, lang, 1);
    case 'share': {
      const pct = v * 100;
      return `${number(pct, lang, Math.abs(pct) < 1 && pct !== 0 ? 1 : 0)}%`;
    }
    case 'money':
      return formatValue(v, money(options.currency ?? DEFAULT_CURRENCY), lang);
    case 'ratio':
      return number(v, lang, 1);
    case 'tier': {
      const names = DEFAULT_TIER_NAMES[lang];
      const t = Math.round(v);
      return names[t] ?? fill(TIER_NUMBERED[lang], { n: t + 1 });
    }
    case 'plain':
      return number(v, lang, 2);
  }
}

/**
 * A churn reason as the analyst reads it, Korean first: recency_days 64 → '최근 64일 구매 없음',
 * receipts 3 against 9 → '구매 횟수 3회 (보통 9회)', late_receipt_share → '최근 2개월 구매 비중 5% (보통 33%)',
 * overdue_ratio → '평소 구매 간격의 2.5배째 구매 없음', a per-chain feature by the chain's name
 * ('A01 백화점 구매금액 비중 5% (보통 33%)'), anything else '{label} {value} (보통 {reference})'.
 * The tier names are the default four (최우수 … 기타); other tier counts read 등급 n.
 */
export function riskReasonText(reason: RiskReasonIn, lang: Lang, options: RiskReasonOptions = {}): string {
  const { feature, value, reference } = reason;
  const kind = kindOf(feature);
  const T = RISK_REASON_TEXTS;
  const label = featureLabel(feature, lang);
  const ref = reference === null ? null : formatted(reference, kind, lang, options);
  if (value === null) {
    if (ONE_DAY.has(feature)) return T.oneDay[lang];
    return fill(T.missing[lang], { label, reference: ref ?? '–' });
  }
  const v = formatted(value, kind, lang, options);
  if (feature === 'female') return (value >= 0.5 ? T.female : T.male)[lang];
  const own = NOT_FEATURES.has(feature) ? undefined : (T as Record<string, { ko: string; en: string }>)[feature];
  // The phrases that say the customer's value alone (recency, overdue) need no reference.
  if (own && (ref !== null || !own[lang].includes('{reference}'))) return fill(own[lang], { value: v, reference: ref ?? '–' });
  if (feature.startsWith('uses_') && ref !== null) {
    const code = feature.slice('uses_'.length).toUpperCase();
    const name = CHAIN_NAMES[code];
    return fill(T.uses_[lang], { chain: name ? `${code} ${name[lang]}` : code, value: v, reference: ref });
  }
  if (ref === null) return fill(T.noReference[lang], { label, value: v });
  return fill(T.fallback[lang], { label, value: v, reference: ref });
}

/** Up to `max` reasons of one customer, joined with ' · ' (an empty list reads ''). */
export function riskReasonsText(reasons: readonly RiskReasonIn[], lang: Lang, max = 3, options: RiskReasonOptions = {}): string {
  return reasons
    .slice(0, max)
    .map((r) => riskReasonText(r, lang, options))
    .join(RISK_REASON_SEPARATOR);
}
