import type { Text } from './text';

/** The campaign target list's headings (services/export): Korean for Excel users, English for scripts. */
export const TARGET_LIST_HEADINGS = {
  customer: { ko: '고객번호', en: 'customer' },
  group: { ko: '그룹', en: 'group' },
  gender: { ko: '성별', en: 'gender' },
  ageBand: { ko: '연령대', en: 'age_band' },
  region: { ko: '거주지역', en: 'region' },
  recency: { ko: '최근성(일)', en: 'recency_days' },
  frequency: { ko: '구매빈도(영수증)', en: 'frequency_receipts' },
  monetary: { ko: '구매금액({currency})', en: 'monetary_{currency}' },
  rScore: { ko: 'R점수', en: 'r_score' },
  fScore: { ko: 'F점수', en: 'f_score' },
  mScore: { ko: 'M점수', en: 'm_score' },
  score: { ko: '가중점수', en: 'score' },
  tier1: { ko: '기간1 등급', en: 'tier_period1' },
  tier2: { ko: '기간2 등급', en: 'tier_period2' },
  transition: { ko: '등급 변화', en: 'transition' },
  risk: { ko: '이탈 위험', en: 'churn_risk' },
  riskDecile: { ko: '위험 십분위(1=최고)', en: 'risk_decile' },
  riskReasons: { ko: '이탈 위험 사유', en: 'risk_reasons' },
  cluster: { ko: '고객 군집', en: 'cluster' },
  recCode: { ko: '추천{n} 상품코드', en: 'rec{n}_code' },
  recName: { ko: '추천{n} 상품명', en: 'rec{n}_name' },
  recCategory: { ko: '추천{n} 카테고리', en: 'rec{n}_category' },
  recScore: { ko: '추천{n} 점수', en: 'rec{n}_score' },
  recReason: { ko: '추천{n} 사유', en: 'rec{n}_reason' },
} as const satisfies Record<string, Text>;

/** The group column's values: contact, or hold out as the control group. */
export const TARGET_GROUPS = {
  contact: { ko: '발송', en: 'contact' },
  control: { ko: '대조군', en: 'control' },
} as const satisfies Record<string, Text>;

/** Why a product is recommended: facts about the customer ({n}) and how the model works. */
export const PRODUCT_REASONS = {
  sameCategory: { ko: '같은 카테고리 구매 {n}회', en: 'Bought {n} times in this category' },
  newCategory: { ko: '새로운 카테고리 제안', en: 'A category new to the customer' },
  similarCustomers: { ko: '비슷한 고객이 많이 구매', en: 'Popular with similar customers' },
  popular: { ko: '많은 고객이 구매한 인기 상품', en: 'Bought by many customers' },
  preference: { ko: '자주 사는 카테고리에서 구매 주기 도래', en: 'A usual category, due for a purchase' },
} as const satisfies Record<string, Text>;
