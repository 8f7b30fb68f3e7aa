// Feature names and the words cluster names are made of.
import type { Text } from './text';

/** Churn features by key (services/models/churn/features.ts); per-chain ones by pattern, {chain} = 'A01 백화점'. */
export const FEATURE_LABELS: Record<string, Text> = {
  recency_days: { ko: '마지막 구매 후 경과일', en: 'Days since last purchase' },
  tenure_days: { ko: '첫 구매 후 경과일', en: 'Days since first purchase' },
  receipts: { ko: '영수증 수', en: 'Receipts' },
  lines: { ko: '구매 라인 수', en: 'Purchase lines' },
  quantity: { ko: '구매 수량', en: 'Quantity' },
  monetary: { ko: '구매금액', en: 'Amount spent' },
  avg_receipt_amount: { ko: '영수증당 평균 금액', en: 'Average per receipt' },
  active_days: { ko: '구매일 수', en: 'Purchase days' },
  gap_mean: { ko: '구매 간격 평균(일)', en: 'Mean gap between purchase days' },
  gap_std: { ko: '구매 간격 표준편차(일)', en: 'Std. dev. of the gaps' },
  gap_max: { ko: '최장 구매 간격(일)', en: 'Longest gap' },
  overdue_ratio: { ko: '경과일 ÷ 평균 간격', en: 'Days since last ÷ mean gap' },
  online_share: { ko: '온라인 비중', en: 'Online share' },
  late_receipt_share: { ko: '최근 2개월 영수증 비중', en: 'Share of receipts in the last two months' },
  late_amount_share: { ko: '최근 2개월 금액 비중', en: 'Share of amount in the last two months' },
  weekend_share: { ko: '주말 구매 비중', en: 'Weekend share' },
  morning_share: { ko: '오전 구매 비중', en: 'Morning share' },
  afternoon_share: { ko: '오후 구매 비중', en: 'Afternoon share' },
  evening_share: { ko: '저녁 구매 비중', en: 'Evening share' },
  product_breadth: { ko: '구매 상품 종류 수', en: 'Distinct products' },
  category_breadth: { ko: '구매 카테고리 수', en: 'Distinct categories' },
  affiliate_uses: { ko: '제휴 서비스 이용 건수', en: 'Affiliate service uses' },
  lpay_uses: { ko: 'L.pay 결제 건수', en: 'L.pay payments' },
  lpay_amount_share: { ko: 'L.pay 결제 금액 비중', en: 'L.pay share of amount' },
  female: { ko: '여성', en: 'Female' },
  age: { ko: '연령대', en: 'Age band' },
  r_score: { ko: 'R 점수', en: 'R score' },
  f_score: { ko: 'F 점수', en: 'F score' },
  m_score: { ko: 'M 점수', en: 'M score' },
  rfm_score: { ko: 'RFM 점수', en: 'RFM score' },
  tier: { ko: '기간1 등급', en: 'Period-1 tier' },
  share_lines_: { ko: '{chain} 구매 라인 비중', en: '{chain}: share of lines' },
  share_amount_: { ko: '{chain} 구매금액 비중', en: '{chain}: share of amount' },
  rank_amount_: { ko: '{chain} 구매금액 순위(백분위)', en: '{chain}: amount rank (percentile)' },
  uses_: { ko: '{chain} 이용 건수', en: '{chain}: uses' },
  // Customer clusters (services/analytics/clusters): per category group, {chain} = the group's own name ('신선식품').
  basket_lines: { ko: '영수증당 구매 라인 수', en: 'Lines per receipt' },
  cat_share_: { ko: '{chain} 구매 비중', en: 'Share of {chain}' },
};

// ───────────────────────────── Customer clusters ─────────────────────────────

/** One word per trait that sets a cluster apart (its mean well above all customers'): the suggested names are made of two. */
export const CLUSTER_TRAIT_WORDS: Record<string, Text> = {
  weekend_share: { ko: '주말', en: 'Weekend' },
  morning_share: { ko: '오전', en: 'Morning' },
  evening_share: { ko: '저녁', en: 'Evening' },
  online_share: { ko: '온라인', en: 'Online' },
  receipts: { ko: '잦은 방문', en: 'Frequent' },
  basket_lines: { ko: '큰 장바구니', en: 'Big-basket' },
  avg_receipt_amount: { ko: '고액 구매', en: 'High-spend' },
  affiliate_uses: { ko: '제휴 서비스', en: 'Affiliate' },
  lpay_uses: { ko: 'L.pay', en: 'L.pay' },
};

/** The default category groups (services/analytics/clusters/categoryGroups.ts) in English. */
export const CATEGORY_GROUP_NAMES: Record<string, string> = {
  신선식품: 'Fresh food',
  가공식품: 'Groceries',
  '음료·주류': 'Drinks',
  건강: 'Health',
  뷰티: 'Beauty',
  패션: 'Fashion',
  육아: 'Baby & kids',
  생활용품: 'Household',
  '가전·디지털': 'Electronics',
  '홈·인테리어': 'Home',
  '레저·스포츠': 'Leisure & sports',
  '외식·서비스': 'Dining & services',
  기타: 'Other',
};

/** Suggested cluster names: two trait words, or the average shopper when nothing stands out. */
export const CLUSTER_NAME_PATTERNS = {
  two: { ko: '{a}·{b} 중심형', en: '{a} & {b}' },
  one: { ko: '{a} 중심형', en: '{a}-led' },
  average: { ko: '평균형', en: 'Average' },
} as const satisfies Record<string, Text>;

// ───────────────────────────── CLI ─────────────────────────────
