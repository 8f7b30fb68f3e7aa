// Why a customer is at risk: the phrases of churn_scores.reasons (shared/riskReasons.ts fills them).
import type { Text } from './text';

/**
 * One phrase per feature a churn reason names; {value} is the customer's, {reference} the median
 * customer's (both formatted: days, counts, shares as %), {label} the feature's name (featureLabel),
 * {chain} 'A01 백화점'. A feature without its own phrase reads `fallback`.
 */
export const RISK_REASON_TEXTS = {
  recency_days: { ko: '최근 {value}일 구매 없음', en: 'No purchase in the last {value} days' },
  overdue_ratio: { ko: '평소 구매 간격의 {value}배째 구매 없음', en: 'No purchase for {value}× the usual gap' },
  receipts: { ko: '구매 횟수 {value}회 (보통 {reference}회)', en: '{value} purchases (typical: {reference})' },
  active_days: { ko: '구매일 {value}일 (보통 {reference}일)', en: '{value} purchase days (typical: {reference})' },
  lines: { ko: '구매 상품 줄 {value}건 (보통 {reference}건)', en: '{value} purchase lines (typical: {reference})' },
  quantity: { ko: '구매 수량 {value}개 (보통 {reference}개)', en: '{value} items bought (typical: {reference})' },
  monetary: { ko: '구매금액 {value} (보통 {reference})', en: 'Spent {value} (typical: {reference})' },
  avg_receipt_amount: { ko: '영수증당 {value} (보통 {reference})', en: '{value} per receipt (typical: {reference})' },
  late_receipt_share: { ko: '최근 2개월 구매 비중 {value} (보통 {reference})', en: 'Last two months: {value} of purchases (typical: {reference})' },
  late_amount_share: { ko: '최근 2개월 금액 비중 {value} (보통 {reference})', en: 'Last two months: {value} of spending (typical: {reference})' },
  gap_mean: { ko: '평균 구매 간격 {value}일 (보통 {reference}일)', en: 'Purchases {value} days apart on average (typical: {reference})' },
  gap_max: { ko: '최장 구매 간격 {value}일 (보통 {reference}일)', en: 'Longest gap {value} days (typical: {reference})' },
  tenure_days: { ko: '첫 구매 후 {value}일 (보통 {reference}일)', en: 'First purchase {value} days ago (typical: {reference})' },
  product_breadth: { ko: '구매 상품 {value}종 (보통 {reference}종)', en: '{value} distinct products (typical: {reference})' },
  category_breadth: { ko: '구매 카테고리 {value}개 (보통 {reference}개)', en: '{value} categories (typical: {reference})' },
  tier: { ko: 'RFM 등급 {value} (보통 {reference})', en: 'RFM tier {value} (typical: {reference})' },
  age: { ko: '{value}대 고객 (보통 {reference}대)', en: 'Age band {value}s (typical: {reference}s)' },
  /** Per chain (uses_a01 …): {chain} = 'A01 백화점'. */
  uses_: { ko: '{chain} 이용 {value}건 (보통 {reference}건)', en: '{chain}: {value} uses (typical: {reference})' },
  /** No gap between purchase days (gap_mean, gap_max, overdue_ratio missing): one purchase day only. */
  oneDay: { ko: '구매일이 하루뿐', en: 'Bought on one day only' },
  female: { ko: '여성 고객', en: 'Female customer' },
  male: { ko: '남성 고객', en: 'Male customer' },
  fallback: { ko: '{label} {value} (보통 {reference})', en: '{label} {value} (typical: {reference})' },
  /** The median customer has no value either. */
  noReference: { ko: '{label} {value}', en: '{label} {value}' },
  /** The customer has no value (the model reads the gap as a sign). */
  missing: { ko: '{label} 없음 (보통 {reference})', en: '{label}: none (typical: {reference})' },
} as const satisfies Record<string, Text>;

/** Between the reasons of one customer. */
export const RISK_REASON_SEPARATOR = ' · ';
