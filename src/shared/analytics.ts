import { z } from 'zod';
import { DEFAULT_TIER_NAMES, fill, INACTIVE_STATE, NEW_STATE, TIER_NUMBERED, type Lang } from './i18n';
import { isRealDate as isRealCalendarDate } from './dates/calendar';

/**
 * Argument schemas and result types of the Overview and Segments capabilities. The schemas hold
 * shapes and defaults only (no refinements, so the contract can `.extend({ project })` them);
 * rules that relate two fields (window order, weights that sum to 0, shares over 100 %) are
 * checked by the services and fail with BAD_ARGUMENT.
 */

export const CHAINS = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06'] as const;
export type Chain = (typeof CHAINS)[number];
export const AFFILIATES = ['B01', 'C01', 'C02', 'D01', 'D02', 'E01'] as const;
export type Affiliate = (typeof AFFILIATES)[number];
/** purchases.channel: 1 offline, 2 online. */
export const CHANNELS = ['offline', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A calendar day written YYYY-MM-DD. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  .refine((s) => isRealDate(s), 'not a calendar date');
const isoDate = isoDateSchema;

/** A real calendar day written YYYY-MM-DD, years 0001–9999 (year-safe: no Date.UTC, which maps 0–99 to 19xx). */
export function isRealDate(iso: string): boolean {
  return isRealCalendarDate(iso);
}

// ───────────────────────────── Overview ─────────────────────────────

/** The customer fields a filter can use: the customer file's typed columns, or a named attribute. */
export const CUSTOMER_FIELDS = ['gender', 'ageBand', 'region', 'attribute', 'cluster'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/**
 * Keeps the customers whose field (or named attribute: a campaign response, a segment …) has one of
 * the values; customers not in the customer table are left out.
 */
export const customerFilterSchema = z
  .object({
    field: z.enum(CUSTOMER_FIELDS),
    /** The attribute's name (field 'attribute'), or the clustering run (field 'cluster', values = cluster names). */
    name: z.string().trim().min(1).optional(),
    values: z.array(z.string()).min(1, 'choose at least one value'),
  })
  .refine((f) => (f.field !== 'attribute' && f.field !== 'cluster') || f.name !== undefined, { message: 'name the attribute or clustering run to filter on', path: ['name'] });
export type CustomerFilter = z.output<typeof customerFilterSchema>;

/** A customer field or attribute with values, as the filter pickers list it. */
export interface CustomerAttributeInfo {
  field: CustomerField;
  /** The attribute's name (field 'attribute'). */
  name?: string;
  /** Customers with a value. */
  customers: number;
  distinct: number;
  /** The most common values (up to 50), with their customers. */
  values: { value: string; customers: number }[];
}

export const overviewFilterSchema = z.object({
  /** Only these customers (by a customer field or attribute); all when absent. */
  customers: customerFilterSchema.optional(),
  /** Purchase chains to keep (L.POINT codes A01…, or a mapped file's own chain values); all when absent. */
  chains: z.array(z.string().min(1)).min(1, 'choose at least one chain').optional(),
  channel: z.enum(['all', ...CHANNELS]).default('all'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type OverviewFilter = z.output<typeof overviewFilterSchema>;
export type OverviewFilterIn = z.input<typeof overviewFilterSchema>;

/** Months are 'YYYY-MM'. */
export interface MonthlyBuyers {
  month: string;
  buyers: number;
}
export interface MonthlyRevenue {
  month: string;
  revenue: number;
}
export interface MonthlyReceiptValue {
  month: string;
  receipts: number;
  revenue: number;
  /** revenue / receipts (a receipt is a distinct receipt id, not a line). */
  avgPerReceipt: number;
}
export interface ReceiptBucket {
  /** Receipts per customer, inclusive; hi null = and more. */
  lo: number;
  hi: number | null;
  customers: number;
}
export interface ReceiptsPerCustomer {
  buckets: ReceiptBucket[];
  customers: number;
  oneTimeBuyers: number;
  mean: number;
  median: number;
}
export interface ChainMonthly {
  month: string;
  chain: string;
  lines: number;
  receipts: number;
  revenue: number;
}
export interface ChannelMonthly {
  month: string;
  channel: Channel;
  lines: number;
  receipts: number;
  revenue: number;
}
export interface AffiliateMonthly {
  month: string;
  affiliate: string;
  /** Rows of the services table (one row = one use). */
  uses: number;
  customers: number;
  amount: number;
}

/** One headline figure: the whole window, and its two halves (the earlier, then the later). */
export interface KpiValue {
  total: number | null;
  first: number | null;
  second: number | null;
}

/**
 * The Overview's headline figures for the filtered window, split into two halves of equal length
 * (at a month boundary when the window is whole months, e.g. H1 and H2 of a year).
 */
export interface OverviewKpis {
  /** The window the figures cover (the filter's dates, else the data's first and last day); null without data. */
  window: { from: string; to: string } | null;
  /** The halves: first = [from, secondFrom − 1 day], second = [secondFrom, to]. */
  halves: { firstTo: string; secondFrom: string } | null;
  customers: KpiValue;
  /** Net revenue (returns subtracted); null when the lines have no amounts. */
  revenue: KpiValue;
  receipts: KpiValue;
  /** Revenue per customer; null without amounts. */
  spendPerCustomer: KpiValue;
  /** Share (0..1) of the customers with two receipts or more in that window or half. */
  repeatShare: KpiValue;
  /** Customers who bought in the second half only (new in the window's second half), in the first only (lost), in both. */
  newCustomers: number;
  lostCustomers: number;
  retainedCustomers: number;
}

/** Buyers in the window by a customer field (gender, age band, region), where the customer file has it. */
export interface DemographicBreakdown {
  field: Exclude<CustomerField, 'attribute' | 'cluster'>;
  /** value null: the buyer is not in the customer file or the field is empty there. */
  rows: { value: string | null; customers: number; receipts: number; revenue: number | null }[];
}

/** The chains and channels the project's purchases have (what the filter row offers). */
export interface OverviewFacets {
  chains: { chain: string; receipts: number }[];
  channels: Channel[];
}

export const OVERVIEW_QUERIES = [
  'kpis',
  'demographics',
  'monthlyBuyers',
  'monthlyRevenue',
  'receiptValue',
  'receiptsPerCustomer',
  'chainMonthly',
  'channelMonthly',
  'affiliateMonthly',
] as const;
export type OverviewQuery = (typeof OVERVIEW_QUERIES)[number];

export interface Overview {
  filter: OverviewFilter;
  /** The project's currency (ISO 4217): the money charts' unit. */
  currency: string;
  /** Whether the purchase lines have amounts; without (none), the money charts are replaced by a note. */
  amounts: 'all' | 'some' | 'none';
  kpis: OverviewKpis;
  demographics: DemographicBreakdown[];
  /** The project's own chains and channels, unfiltered. */
  facets: OverviewFacets;
  monthlyBuyers: MonthlyBuyers[];
  monthlyRevenue: MonthlyRevenue[];
  receiptValue: MonthlyReceiptValue[];
  receiptsPerCustomer: ReceiptsPerCustomer;
  chainMonthly: ChainMonthly[];
  channelMonthly: ChannelMonthly[];
  affiliateMonthly: AffiliateMonthly[];
  /** Milliseconds per query, for the slow-query log and the bench. */
  timingsMs: Record<OverviewQuery, number>;
}

// ───────────────────────────── Segments ─────────────────────────────

export const dateWindowSchema = z.object({ from: isoDate, to: isoDate });
export type DateWindow = z.output<typeof dateWindowSchema>;

const weight = z.number().min(0, 'weights are 0 or more').max(100);

/**
 * What monetary (M) measures: the amount spent, the number of purchase lines, or the quantity
 * bought. Data without amounts can only use lines or quantity; the default is amount when every
 * line has one, else lines.
 */
export const MONETARY_BASES = ['amount', 'lines', 'quantity'] as const;
export type MonetaryBasis = (typeof MONETARY_BASES)[number];

export const segmentSpecSchema = z.object({
  /** Score only these customers (by a customer field or attribute); all when absent. */
  customers: customerFilterSchema.optional(),
  /** What M measures; default amount where the data has amounts, else lines. */
  monetary: z.enum(MONETARY_BASES).optional(),
  /** RFM as of this day; default the day after the window's last day (the data's last date + 1). */
  asOf: isoDate.optional(),
  /** The whole-window RFM; default from the data's first date to the day before asOf. */
  window: dateWindowSchema.optional(),
  /** [w_R, w_F, w_M]; normalised to sum 1, so the score runs 100/m..100. */
  weights: z.tuple([weight, weight, weight]).default([0.3, 0.2, 0.5]),
  /** m: scores 1..m by quantile. */
  bins: z.number().int().min(2, 'bins must be 2 or more').max(10, 'bins must be 10 or fewer').default(5),
  /** Rank shares (%) of the tiers from the top; the rest form the last tier. */
  shares: z.array(z.number().gt(0, 'each share is more than 0').max(100)).min(1).max(9).default([20, 20, 20]),
  /** One name per tier (shares.length + 1); default 최우수/우수/일반/기타 (en: Best/Good/Regular/Other). */
  tierNames: z.array(z.string().trim().min(1).max(30)).optional(),
  /** Two windows; default H1 (Jan–Jun) and H2 (Jul–Dec) of the data's last year. */
  periods: z.tuple([dateWindowSchema, dateWindowSchema]).optional(),
});
export type SegmentSpec = z.output<typeof segmentSpecSchema>;
export type SegmentSpecIn = z.input<typeof segmentSpecSchema>;

/** A spec with every default filled from the data; stored with the segments it produced. */
export interface ResolvedSegmentSpec {
  asOf: string;
  window: DateWindow;
  /** As given (not normalised). */
  weights: [number, number, number];
  bins: number;
  shares: number[];
  /** Null: the language's default names. */
  tierNames: string[] | null;
  periods: [DateWindow, DateWindow];
  /** Absent in specs saved before it existed: amount. */
  monetary?: MonetaryBasis;
  /** The customers scored: all when absent. */
  customers?: CustomerFilter;
}

export interface TierCount {
  /** 0 = the top tier. */
  tier: number;
  customers: number;
  revenue: number;
  minScore: number | null;
  maxScore: number | null;
  /** The tier's real share of the window's customers (0..1). */
  share: number;
  /** The share the spec asked for (0..1); the last tier's is the rest. */
  target: number;
  /**
   * Customers the tier holds beyond an exact split at its share: a block of equal scores that
   * straddles its lower boundary goes whole into the tier (ties are never split). 0 without ties.
   */
  tieExcess: number;
  /** The tie block pushed the tier at least TIE_WARNING_POINTS percentage points above its target. */
  exceedsShare: boolean;
}

/** How many percentage points above its target a tier must be before the page warns about ties. */
export const TIE_WARNING_POINTS = 1;

export interface PeriodSummary {
  window: DateWindow;
  asOf: string;
  customers: number;
  tiers: TierCount[];
}

/**
 * Rows: first-period tiers 0..k-1 then k = 신규 (absent in the first period).
 * Columns: second-period tiers 0..k-1 then k = 비활동 (absent in the second period).
 */
export interface TransitionCell {
  from: number;
  to: number;
  customers: number;
  /** Sum of amount in the first period. */
  revenueFirst: number;
  /** Sum of amount in the second period (0 for → 비활동). */
  revenueSecond: number;
}

export interface ChurnOrigin {
  tier: number;
  churners: number;
  /** Of all churners (→ 비활동); the shares sum to 1 when there are churners. */
  share: number;
}

export interface SegmentSummary {
  spec: ResolvedSegmentSpec;
  /** The project's currency (ISO 4217) the monetary figures are in when M is the amount. */
  currency: string;
  /** Whether the purchase lines have amounts (M can be the amount only with all). */
  amounts: 'all' | 'some' | 'none';
  tierCount: number;
  all: PeriodSummary;
  periods: [PeriodSummary, PeriodSummary];
  transitions: TransitionCell[];
  /** Customers seen in either period = sum of all cells. */
  transitionTotal: number;
  churnOrigin: ChurnOrigin[];
  computedAt: string;
  /** compute: building and saving the table (0 when loaded); summary: the aggregates above. */
  timingsMs: { compute: number; summary: number };
  /** Periods without any purchase: the transitions would read as 100 % churn (or 100 % new). */
  warnings: { code: 'empty_period'; period: 1 | 2; window: DateWindow }[];
}

/** Which customers a profile describes. Tier indices as in TransitionCell (k = 신규 / 비활동). */
export const segmentSelectorSchema = z.union([
  z.object({ kind: z.literal('tier'), period: z.enum(['all', 'first', 'second']).default('all'), tier: z.number().int().min(0) }),
  z.object({ kind: z.literal('transition'), from: z.number().int().min(0), to: z.number().int().min(0) }),
]);
export type SegmentSelector = z.output<typeof segmentSelectorSchema>;

export interface KlContribution {
  category: string;
  /** Share in the segment and among all customers, after smoothing. */
  p: number;
  q: number;
  /** p · ln(p / q); the contributions sum to the divergence. */
  contribution: number;
}

export interface KlResult {
  /** KL(segment ‖ all) in nats (natural log). */
  divergence: number;
  segmentTotal: number;
  allTotal: number;
  /** Sorted from the largest contribution down. */
  contributions: KlContribution[];
}

/** One category of a mix as marketers read it: the segment's share against all customers'. */
export interface CategoryIndex {
  category: string;
  /** Raw counts (lines or uses) and shares, without smoothing. */
  segment: number;
  all: number;
  segmentShare: number;
  allShare: number;
  /** segmentShare ÷ allShare × 100 (100 = like all customers, 152 = 1.52 times their share); null when the segment has no lines or uses at all. */
  index: number | null;
  /** The rounded index above 100: the segment uses it more; below: less; 100: the same. */
  direction: 'more' | 'less' | 'same' | null;
  /** The category's term of the (smoothed) KL divergence. */
  contribution: number;
}

/** A mix compared with all customers: the KL divergence and, per category, the index (highest first). */
export interface MixProfile extends KlResult {
  categories: CategoryIndex[];
}

export interface EcdfSeries {
  customers: number;
  /** Share of customers whose ratio ≤ x, at x = 0, 0.01, …, 1; empty when the series has no customers. */
  points: { x: number; y: number }[];
  mean: number | null;
}

/** Below this many customers a segment's profile is flagged as a small sample. */
export const MIN_PROFILE_CUSTOMERS = 30;

export interface SegmentProfile {
  selector: SegmentSelector;
  customers: number;
  allCustomers: number;
  /** customers < MIN_PROFILE_CUSTOMERS: shares and indices swing by chance. */
  smallSample: boolean;
  /** Lines per chain × channel ('A01 오프라인' categories are coded 'A01:offline'). */
  chainChannel: MixProfile;
  /** Service uses per affiliate B01…E01. */
  affiliates: MixProfile;
  /**
   * Per-customer L.pay receipts / receipts: the segment, all customers, and as a benchmark the
   * loyal core — customers in the top tier in both periods (최우수 → 최우수).
   */
  lpay: { segment: EcdfSeries; all: EcdfSeries; bestToBest: EcdfSeries };
  smoothing: number;
}

// ───────────────────────────── Tier names ─────────────────────────────

/** The names themselves live in the one word table (./i18n). */
export { DEFAULT_TIER_NAMES, INACTIVE_STATE, NEW_STATE, type Lang } from './i18n';

/** Names of the k tiers: the spec's own, the language's defaults for four tiers, else 등급 1… */
export function tierNames(custom: readonly string[] | null | undefined, count: number, lang: Lang): string[] {
  if (custom && custom.length === count) return [...custom];
  if (count === DEFAULT_TIER_NAMES[lang].length) return [...DEFAULT_TIER_NAMES[lang]];
  return Array.from({ length: count }, (_, i) => fill(TIER_NUMBERED[lang], { n: i + 1 }));
}

/** Row labels (tiers then 신규) and column labels (tiers then 비활동) of the transition matrix. */
export function transitionStates(names: readonly string[], lang: Lang): { from: string[]; to: string[] } {
  return { from: [...names, NEW_STATE[lang]], to: [...names, INACTIVE_STATE[lang]] };
}
