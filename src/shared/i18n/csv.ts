// CSV headings and the CLI's table labels.
import type { Text } from './text';
import { segmentsStrings } from './ui/segments';

/** The per-customer segments CSV: one heading per measure, suffixed with the window label. */
export const SEGMENT_CSV_HEADINGS = {
  customer: { ko: '고객번호', en: 'customer' },
  cluster: { ko: '고객 군집', en: 'cluster' },
  recency: { ko: '최근성(일)', en: 'recency_days' },
  frequency: { ko: '구매빈도(영수증)', en: 'frequency_receipts' },
  monetary: { ko: '구매금액({currency})', en: 'monetary_{currency}' },
  monetary_lines: { ko: '구매건수(상품 줄)', en: 'monetary_lines' },
  monetary_quantity: { ko: '구매수량', en: 'monetary_quantity' },
  r_score: { ko: 'R점수', en: 'r_score' },
  f_score: { ko: 'F점수', en: 'f_score' },
  m_score: { ko: 'M점수', en: 'm_score' },
  score: { ko: '가중점수', en: 'score' },
  tier: { ko: '등급', en: 'tier' },
  transition: { ko: '등급 변화', en: 'transition' },
} as const satisfies Record<string, Text>;

/** Window suffixes of the segments CSV: the whole window, period 1, period 2. */
export const SEGMENT_CSV_WINDOWS: readonly Text[] = [
  { ko: '전체', en: 'all' },
  { ko: '기간1', en: 'period1' },
  { ko: '기간2', en: 'period2' },
];

/** The rejects CSV: machine-readable column names, the same in both languages. */
export const REJECT_CSV_HEADINGS = {
  import_id: 'import_id',
  file: 'file',
  line: 'line',
  reason: 'reason',
  detail: 'detail',
  raw: 'raw',
} as const;

/** The rejects CSV's headings as the app writes them, in the UI language (the CLI without --lang keeps the codes above). */
export const REJECT_CSV_LABELS: Record<keyof typeof REJECT_CSV_HEADINGS, Text> = {
  import_id: { ko: '가져오기 번호', en: 'Import' },
  file: { ko: '파일', en: 'File' },
  line: { ko: '줄 번호', en: 'Line' },
  reason: { ko: '거부 사유', en: 'Reason' },
  detail: { ko: '상세', en: 'Detail' },
  raw: { ko: '원본 줄', en: 'Original line' },
};

// ───────────────────────────── Model features ─────────────────────────────

export const CLI_SEGMENT_LABELS = {
  spec: { ko: '기준일 {asOf} RFM; 가중치 R/F/M {weights}; 점수 구간 {bins}개; 등급 비율 {shares} %; M = {monetary}', en: 'RFM as of {asOf}; weights R/F/M {weights}; {bins} bins; tier shares {shares} %; M = {monetary}' },
  tiers: { ko: '등급별 고객 수', en: 'Tiers (customers)' },
  whole: { ko: '전체', en: 'whole' },
  period: { ko: '기간 {n}', en: 'period {n}' },
  transitions: { ko: '등급 이동 (고객 수; 두 기간 중 한 번 이상 구매 {total}명)', en: 'Transitions (customers; {total} seen in either period)' },
  churnOrigin: { ko: '이탈 고객(→ {inactive})의 기간1 등급 비중', en: 'Share of all churners (→ {inactive}) by their period-1 tier' },
  emptyPeriod: segmentsStrings['segments.emptyPeriod'],
} as const satisfies Record<string, Text>;
