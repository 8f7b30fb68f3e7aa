/** Chart labels, Korean first, English second. */
export type Lang = 'ko' | 'en';

export const LABELS = {
  month: { ko: '월', en: 'Month' },
  buyers: { ko: '구매 고객 수', en: 'Buyers' },
  revenue: { ko: '매출', en: 'Revenue' },
  avgPerReceipt: { ko: '영수증당 평균 금액', en: 'Average per receipt' },
  receipts: { ko: '영수증 수', en: 'Receipts' },
  lines: { ko: '구매 라인 수', en: 'Purchase lines' },
  customers: { ko: '고객 수', en: 'Customers' },
  receiptsPerCustomer: { ko: '고객당 영수증 수', en: 'Receipts per customer' },
  oneTimeBuyers: { ko: '1회 구매 고객', en: 'One-time buyers' },
  share: { ko: '비중', en: 'Share' },
  chainTrend: { ko: '체인별 월간 추이', en: 'Monthly trend per chain' },
  channelSplit: { ko: '온라인/오프라인 비중', en: 'Online / offline split' },
  offline: { ko: '오프라인', en: 'Offline' },
  online: { ko: '온라인', en: 'Online' },
  affiliateUsage: { ko: '제휴사 이용 추이', en: 'Affiliate-service usage' },
  uses: { ko: '이용 건수', en: 'Uses' },
  transitions: { ko: '등급 이동', en: 'Tier transitions' },
  firstPeriod: { ko: '기간1', en: 'Period 1' },
  secondPeriod: { ko: '기간2', en: 'Period 2' },
  churnOrigin: { ko: '비활동 전환 고객의 이전 등급', en: 'Where the churners came from' },
  churnShare: { ko: '이탈 고객 비중', en: 'Share of churners' },
  klTitle: { ko: 'KL 발산 기여도', en: 'KL divergence contributions' },
  contribution: { ko: '기여도(nat)', en: 'Contribution (nats)' },
  lpayTitle: { ko: '엘페이 이용 비율 누적분포', en: 'L.pay usage ratio ECDF' },
  lpayRatio: { ko: '엘페이 결제 영수증 비율', en: 'Share of receipts paid with L.pay' },
  cumulativeShare: { ko: '누적 고객 비율', en: 'Cumulative share of customers' },
  allCustomers: { ko: '전체 고객', en: 'All customers' },
  bestToBest: { ko: '최우수→최우수', en: 'Best → Best' },
} as const;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}

export const CHAIN_NAMES: Record<string, { ko: string; en: string }> = {
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

/** 'A01 백화점'; an unknown code stays as it is. */
export function chainLabel(code: string, lang: Lang): string {
  const name = CHAIN_NAMES[code];
  return name ? `${code} ${name[lang]}` : code;
}

/** 'A01:online' → 'A01 백화점 온라인'. */
export function chainChannelLabel(category: string, lang: Lang): string {
  const [code, channel] = category.split(':');
  if (channel !== 'online' && channel !== 'offline') return chainLabel(category, lang);
  return `${chainLabel(code, lang)} ${label(channel, lang)}`;
}
