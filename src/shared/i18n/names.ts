// Names of chains, tiers, states and measures.
import type { Lang, Text } from './text';

/** Chains and affiliates by code. */
export const CHAIN_NAMES: Record<string, Text> = {
  A01: { ko: '백화점', en: 'Department store' },
  A02: { ko: '대형마트', en: 'Hypermarket' },
  A03: { ko: '슈퍼마켓', en: 'Supermarket' },
  A04: { ko: '편의점', en: 'Convenience store' },
  A05: { ko: '전자제품', en: 'Electronics' },
  A06: { ko: '온라인몰', en: 'Online mall' },
  B01: { ko: '숙박', en: 'Lodging' },
  C01: { ko: '엔터테인먼트1', en: 'Entertainment 1' },
  C02: { ko: '엔터테인먼트2', en: 'Entertainment 2' },
  D01: { ko: '식음료1', en: 'Food & beverage 1' },
  D02: { ko: '식음료2', en: 'Food & beverage 2' },
  E01: { ko: '렌탈', en: 'Rental' },
};

// ───────────────────────────── Tiers ─────────────────────────────

/** Default names of the four RFM tiers, top first. */
export const DEFAULT_TIER_NAMES: Record<Lang, readonly string[]> = {
  ko: ['최우수', '우수', '일반', '기타'],
  en: ['Best', 'Good', 'Regular', 'Other'],
};

/** The transition matrix's extra row (absent in the first period) and column (absent in the second). */
export const NEW_STATE: Record<Lang, string> = { ko: '신규', en: 'New' };

export const INACTIVE_STATE: Record<Lang, string> = { ko: '비활동', en: 'Inactive' };

/** Binary churn's two classes, by index (0 = stayed). */
export const BINARY_CLASS_NAMES: Record<Lang, readonly string[]> = { ko: ['유지', '이탈'], en: ['Stayed', 'Churned'] };

/** Names of tiers when their number is not the default four: '등급 1', 'Tier 1' … */
export const TIER_NUMBERED: Text = { ko: '등급 {n}', en: 'Tier {n}' };

// ───────────────────────────── CSV headings ─────────────────────────────

/** The CLI's segment tables (the CLI prints them in English around the data's own tier names). */
/** What M measures, as the Segments page, the CLI and the CSV say it ({currency}: the project's). */
export const MONETARY_LABELS = {
  amount: { ko: '구매금액({currency})', en: 'amount spent ({currency})' },
  lines: { ko: '구매 건수(상품 줄 수; 금액 없는 데이터)', en: 'purchase lines (no amounts in the data)' },
  quantity: { ko: '구매 수량(금액 없는 데이터)', en: 'quantity bought (no amounts in the data)' },
} as const satisfies Record<string, Text>;
