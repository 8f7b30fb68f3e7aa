/**
 * Every chart builder, rendered as the SVG export renders it (ECharts' SSR renderer), in Korean and
 * English at a narrow and a wide card, loaded into Chromium: no text may lie outside the image and no
 * two texts may overlap (bounding boxes of the rendered <text> elements, 1 px tolerance).
 *
 * ECharts lays text out with the platform's measureText; in the app that is the browser's canvas. In
 * node it falls back to a built-in estimate, so the test first measures the glyph widths in the same
 * Chromium and lends them to ECharts: the layout is then the one the app computes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainMonthly, ChannelMonthly, AffiliateMonthly, EcdfSeries, KlResult, ReceiptsPerCustomer, TransitionCell } from '../../src/shared/analytics';
import {
  buildAffiliateUsageChart,
  buildChainStackedChart,
  buildChannelSplitChart,
  buildChurnOriginChart,
  buildKlContributionChart,
  buildLpayEcdfChart,
  buildMonthlyBuyersChart,
  buildMonthlyRevenueChart,
  buildReceiptsHistogram,
  buildReceiptValueChart,
  buildTransitionHeatmap,
  buildTransitionSankey,
  buildCalibrationChart,
  buildConfusionChart,
  buildLiftChart,
  buildModelComparisonChart,
  buildTrainingCurveChart,
  buildImportanceChart,
  buildClusterScanChart,
  buildClusterMapChart,
  buildClusterTierChart,
  buildClusterTraitsChart,
  buildHitRateChart,
  buildNdcgChart,
  buildRecommendLossChart,
  buildTimeSplitChart,
  importanceChartHeight,
  timeSplitChartHeight,
  withPeriod,
  type Coverage,
  type Lang,
} from '../../src/shared/charts';
import { CHAIN_NAMES, CHART_LABELS, DEFAULT_TIER_NAMES, INACTIVE_STATE, NEW_STATE } from '../../src/shared/i18n';
import type { CalibrationCurve, LiftTable } from '../../src/shared/metrics';
import type { ChurnRunReport } from '../../src/shared/models';
import type { RecommendModelName, RecommendRunReport } from '../../src/shared/recommend';
import { launchChromium } from './browser';

// ───────────── Sample inputs: a year of a mid-size retailer, the first month partial (from 12-27) ─────────────

const MONTHS = ['2020-12', ...Array.from({ length: 12 }, (_, i) => `2021-${String(i + 1).padStart(2, '0')}`)];
const wave = (i: number, base: number, amp: number) => Math.round(base * (1 + amp * Math.sin(i / 1.7)));
const CHAIN_SCALE = [0.9, 1.6, 1.1, 2.3, 0.2, 0.7];

const chainRows: ChainMonthly[] = MONTHS.flatMap((month, i) =>
  ['A01', 'A02', 'A03', 'A04', 'A05', 'A06'].map((chain, c) => ({
    month,
    chain,
    lines: wave(i + c, 42_000 * CHAIN_SCALE[c], 0.2) * (i === 0 ? 0.15 : 1),
    receipts: wave(i + c, 9_000 * CHAIN_SCALE[c], 0.2) * (i === 0 ? 0.15 : 1),
    revenue: wave(i + c, 380_000_000 * CHAIN_SCALE[c], 0.2) * (i === 0 ? 0.15 : 1),
  })),
);
const channelRows: ChannelMonthly[] = MONTHS.flatMap((month, i) => [
  { month, channel: 'offline' as const, lines: wave(i, 180_000, 0.15), receipts: wave(i, 41_000, 0.15), revenue: wave(i, 2_100_000_000, 0.15) },
  { month, channel: 'online' as const, lines: wave(i + 3, 31_000, 0.3), receipts: wave(i + 3, 7_400, 0.3), revenue: wave(i + 3, 420_000_000, 0.3) },
]);
const affiliateRows: AffiliateMonthly[] = MONTHS.flatMap((month, i) =>
  ['B01', 'C01', 'C02', 'D01', 'D02', 'E01'].map((affiliate, a) => ({ month, affiliate, uses: wave(i + a, 300 * (a + 1), 0.4), customers: wave(i + a, 120 * (a + 1), 0.4), amount: 1 })),
);
const histogram: ReceiptsPerCustomer = {
  buckets: [
    { lo: 1, hi: 1, customers: 8_214 }, { lo: 2, hi: 2, customers: 4_530 }, { lo: 3, hi: 3, customers: 3_102 }, { lo: 4, hi: 4, customers: 2_411 },
    { lo: 5, hi: 5, customers: 1_906 }, { lo: 6, hi: 10, customers: 5_320 }, { lo: 11, hi: 20, customers: 3_870 }, { lo: 21, hi: 50, customers: 2_215 },
    { lo: 51, hi: 100, customers: 604 }, { lo: 101, hi: null, customers: 97 },
  ],
  customers: 32_269,
  oneTimeBuyers: 8_214,
  mean: 9.4,
  median: 4,
};
/** 4 tiers; from 0…4 (4 = 신규), to 0…4 (4 = 비활동). */
const cells: TransitionCell[] = [];
for (let from = 0; from <= 4; from++) {
  for (let to = 0; to <= 4; to++) {
    if (from === 4 && to === 4) continue;
    const customers = from === to ? 2_400 + 900 * from : Math.round(3_100 / (1 + Math.abs(from - to)) + 37 * to);
    cells.push({ from, to, customers, revenueFirst: from === 4 ? 0 : customers * (1_400_000 - 250_000 * from), revenueSecond: to === 4 ? 0 : customers * (1_350_000 - 240_000 * to) });
  }
}
const churn = [{ tier: 0, churners: 310, share: 0.0712 }, { tier: 1, churners: 920, share: 0.2114 }, { tier: 2, churners: 1_480, share: 0.3401 }, { tier: 3, churners: 1_642, share: 0.3773 }];
const chainChannelKl: KlResult = {
  divergence: 0.1834,
  segmentTotal: 1,
  allTotal: 1,
  contributions: ['A04:offline', 'A02:offline', 'A06:online', 'A01:offline', 'A03:offline', 'A02:online', 'A05:offline', 'A01:online', 'A03:online', 'A04:online', 'A05:online', 'A06:offline']
    .map((category, i) => ({ category, p: 0.1, q: 0.1, contribution: 0.09 / (i + 1) - (i > 8 ? 0.012 : 0) })),
};
const affiliateKl: KlResult = {
  divergence: 0.052,
  segmentTotal: 1,
  allTotal: 1,
  contributions: ['D01', 'B01', 'E01', 'C01', 'D02', 'C02'].map((category, i) => ({ category, p: 0.1, q: 0.1, contribution: 0.03 / (i + 1) - (i > 3 ? 0.004 : 0) })),
};
const ecdf = (k: number, mean: number): EcdfSeries => ({ customers: 1000, mean, points: Array.from({ length: 101 }, (_, i) => ({ x: i / 100, y: Math.min(1, 0.3 + 0.7 * (i / 100) ** k) })) });
const lpay = { segment: ecdf(0.6, 0.21), all: ecdf(1.2, 0.14), bestToBest: ecdf(2, 0.08) };
const emptyEcdf: EcdfSeries = { customers: 0, mean: null, points: [] };
const transitionName = (lang: Lang) => `${DEFAULT_TIER_NAMES[lang][3]}→${INACTIVE_STATE[lang]}`;

/** The data starts on 2020-12-27: December is a partial month, marked and named under the title. */
const coverage: Coverage = { from: '2020-12-27', to: '2021-12-31' };
/** And ends on 2021-12-15: both ends partial. */
const bothEnds: Coverage = { from: '2020-12-27', to: '2021-12-15' };
const PERIOD = '2020-12-27 ~ 2021-12-31';
const buyers = channelRows.filter((r) => r.channel === 'offline').map((r) => ({ month: r.month, buyers: r.receipts / 3 }));
const revenue = channelRows.filter((r) => r.channel === 'offline').map((r) => ({ month: r.month, revenue: r.revenue }));
const noCells = cells.map((c) => ({ ...c, customers: 0, revenueFirst: 0, revenueSecond: 0 }));

// ───────────── Churn model report: a binary run (all five models) and a transition run (20 classes) ─────────────

const churnScores = (rocAuc: number, macroF1: number) => ({ applies: true as const, seconds: 1, details: {}, rocAuc, prAuc: rocAuc - 0.31, accuracy: macroF1 + 0.08, macroF1, weightedF1: macroF1 + 0.05 });
const churnBinary: ChurnRunReport = {
  run: { id: 'r1', backend: 'wasm', seconds: 42, seed: 42 },
  label: 'binary',
  periods: [{ from: '2021-01-01', to: '2021-06-30' }, { from: '2021-07-01', to: '2021-12-31' }],
  classes: ['유지', '이탈'],
  features: [],
  train: { customers: 21_000 },
  valid: { customers: 3_000 },
  test: { customers: 6_000, positives: 1_410 },
  models: { mlp: churnScores(0.8213, 0.702), gbdt: churnScores(0.8437, 0.718), logistic: churnScores(0.8052, 0.689), tierRule: churnScores(0.6611, 0.598), bgnbd: churnScores(0.7394, 0.641) },
  best: 'gbdt',
};
const churnTransition: ChurnRunReport = {
  ...churnBinary,
  label: 'transition',
  models: { mlp: churnScores(0.7702, 0.2431), gbdt: churnScores(0.7894, 0.2617), logistic: churnScores(0.7511, 0.2288), tierRule: churnScores(0.6102, 0.1512), bgnbd: { applies: false, reason: 'BG/NBD gives P(alive), a churn score; it predicts no tier transition.' } },
};
const churnLift: LiftTable = {
  customers: 6_000,
  positives: 1_410,
  overallRate: 0.235,
  rows: [3.41, 2.12, 1.63, 1.18, 0.92, 0.71, 0.52, 0.31, 0.16, 0.04].map((lift, i, all) => ({
    group: i + 1, customers: 600, positives: Math.round(lift * 141), rate: lift * 0.235, lift,
    cumulativeGain: all.slice(0, i + 1).reduce((s, v) => s + v, 0) / all.reduce((s, v) => s + v, 0), cumulativeLift: 1, minScore: 0, maxScore: 1,
  })),
};
const churnCalibration: CalibrationCurve = {
  brier: 0.1412,
  ece: 0.0387,
  bins: Array.from({ length: 10 }, (_, b) => {
    const count = b === 9 ? 0 : Math.round(1_800 / (1 + b));
    return { lower: b / 10, upper: (b + 1) / 10, count, meanPredicted: count ? b / 10 + 0.05 : null, observedRate: count ? Math.min(1, (b / 10 + 0.05) * 0.9 + 0.02) : null };
  }),
};
const churnCurves = [
  { model: 'mlp' as const, trainLoss: Array.from({ length: 60 }, (_, i) => 0.42 + 0.28 * Math.exp(-i / 8)), validLoss: Array.from({ length: 60 }, (_, i) => 0.45 + 0.25 * Math.exp(-i / 8) + 0.0004 * i) },
  { model: 'gbdt' as const, trainLoss: Array.from({ length: 400 }, (_, i) => 0.36 + 0.33 * Math.exp(-i / 60)), validLoss: Array.from({ length: 400 }, (_, i) => 0.43 + 0.26 * Math.exp(-i / 60) + 0.00005 * i) },
];
const churnConfusion2 = [[3_954, 636], [402, 1_008]];
/** 4 tiers × (4 tiers + 비활동): most customers stay, the rest drift a tier or go inactive. */
const churnClasses = (lang: Lang) => DEFAULT_TIER_NAMES[lang].flatMap((from) => [...DEFAULT_TIER_NAMES[lang], INACTIVE_STATE[lang]].map((to) => `${from}→${to}`));
const churnConfusion20 = Array.from({ length: 20 }, (_, r) => Array.from({ length: 20 }, (_, c) => (r === c ? 1_200 + 97 * r : (r * 7 + c * 13) % 23 === 0 ? 0 : Math.round(4_000 / (1 + Math.abs(r - c)) / (1 + (c % 5))))));
// Permutation importance over the churn features, and a clustering of five groups.
const importanceFeatures = ['late_receipt_share', 'recency_days', 'share_amount_a01', 'rank_amount_a06', 'category_breadth', 'product_breadth', 'lpay_uses', 'overdue_ratio', 'tenure_days', 'uses_c02', 'weekend_share', 'avg_receipt_amount', 'r_score', 'female', 'age', 'gap_std'];
const importance = {
  metric: 'rocAuc' as const,
  baseline: 0.92,
  rows: 3000,
  repeats: 3,
  seconds: 1,
  features: importanceFeatures.map((feature, i) => ({ feature, mean: 0.025 - i * 0.002, std: 0.001 })),
};
const clusterFeatures = ['weekend_share', 'morning_share', 'evening_share', 'online_share', 'share_lines_a01', 'share_lines_a02', 'receipts', 'basket_lines', 'cat_share_신선식품', 'cat_share_패션'];
const clusterProfiles = [0, 1, 2, 3, 4].map((c) => ({
  cluster: c,
  size: 7000 - c * 900,
  share: (7000 - c * 900) / 26_900,
  name: { ko: ['대형마트·주말 중심형', '편의점·음료·주류 중심형', '신선식품·슈퍼마켓 중심형', '백화점·패션 중심형', '온라인 중심형'][c], en: ['Hypermarket & Weekend', 'Convenience store & Drinks', 'Fresh food & Supermarket', 'Department store & Fashion', 'Online-led'][c] },
  traits: clusterFeatures.slice(c, c + 5).map((feature, i) => ({ feature, mean: 0.5, overall: 0.3, z: (i % 2 ? -1 : 1) * (1.6 - i * 0.3) })),
  means: clusterFeatures.map(() => 0.3),
}));
const clusterScan = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => ({ k, inertia: 700_000 - 40_000 * k + (k === 5 ? -20_000 : 0), silhouette: k === 5 ? 0.181 : 0.12 + 0.004 * k }));
const clusterMap = { x: Array.from({ length: 600 }, (_, i) => Math.sin(i) * 3), y: Array.from({ length: 600 }, (_, i) => Math.cos(i * 1.3) * 2), cluster: Array.from({ length: 600 }, (_, i) => i % 5), explained: [0.21, 0.14] as [number, number] };
const clusterTiers = { tiers: ['최우수', '우수', '일반', '기타'], counts: clusterProfiles.map((p) => [0.2, 0.2, 0.2, 0.4].map((s) => Math.round(p.size * s))) };
const CHURN_PERIOD = '2021. 1. 1. ~ 2021. 6. 30. → 2021. 7. 1. ~ 2021. 12. 31.';

// ───────────── Recommendations: every model on both protocols, NeuMF with its loss ─────────────

const recommendResult = (model: RecommendModelName, hr10: number, recall: number) => {
  const hr = Array.from({ length: 10 }, (_, i) => hr10 * Math.sqrt((i + 1) / 10));
  return {
    model,
    seconds: 3.2,
    sampled: { negatives: 49, users: 23_481, skipped: 904, hr, ndcg: hr.map((v, i) => v * (1 - i * 0.04)) },
    timeSplit: { k: 10, users: 17_020, recall, precision: recall / 2, ndcg: recall * 1.18, coverage: 0.31, topShare: 0.42 },
  };
};
const recommendReport: RecommendRunReport = {
  run: { id: 'r9', seconds: 120, seed: 42 },
  window: { from: '2021-01-01', to: '2021-12-31' },
  cutoff: '2021-10-01',
  chain: null,
  chainMode: 'pooled',
  data: { customers: 24_385, products: 1_780, pairs: 612_000 },
  rules: { newOnly: true, excludeTopShare: 0.01, excludeRecentDays: 7, varietyPool: 0, excludeCategories: [] },
  k: 10,
  models: {
    popularity: recommendResult('popularity', 0.512, 0.0768),
    itemknn: recommendResult('itemknn', 0.633, 0.0861),
    mf: recommendResult('mf', 0.681, 0.0921),
    preference: recommendResult('preference', 0.382, 0.0253),
    neumf: { ...recommendResult('neumf', 0.702, 0.0944), loss: Array.from({ length: 20 }, (_, e) => 0.31 + 0.14 * Math.exp(-e / 4)), samplesPerSecond: 160_768 },
  },
  best: 'neumf',
  saved: { customers: 24_385, rows: 1_219_250 },
};
const recommendEmpty: RecommendRunReport = { ...recommendReport, models: {} };
const recommendLoss = [
  { model: 'neumf' as const, loss: recommendReport.models.neumf!.loss!, samplesPerSecond: 160_768 },
  { model: 'neumf' as const, loss: recommendReport.models.neumf!.loss!.slice(0, 7).map((v) => v + 0.01), samplesPerSecond: 158_204, fit: 'timeSplit' as const },
];
const RECOMMEND_PERIOD = '2021. 1. 1. ~ 2021. 12. 31.';

/** Every builder, with the inputs a page passes it; then the frames that say there is no data, then saved images (title and period). */
const charts: { name: string; height?: number; build: (lang: Lang) => EChartsOption }[] = [
  { name: 'monthly buyers', build: (lang) => buildMonthlyBuyersChart(buyers, lang, coverage) },
  { name: 'monthly revenue', build: (lang) => buildMonthlyRevenueChart(revenue, lang, 'KRW', bothEnds) },
  { name: 'receipt value', build: (lang) => buildReceiptValueChart(MONTHS.map((month, i) => ({ month, receipts: 1, revenue: 1, avgPerReceipt: wave(i, 52_300, 0.1) })), lang, 'KRW') },
  { name: 'receipts histogram', build: (lang) => buildReceiptsHistogram(histogram, lang) },
  { name: 'chain lines', build: (lang) => buildChainStackedChart(chainRows, { measure: 'lines', asShare: false }, lang, coverage) },
  { name: 'chain receipt shares', build: (lang) => buildChainStackedChart(chainRows, { measure: 'receipts', asShare: true }, lang, bothEnds) },
  { name: 'channel revenue', build: (lang) => buildChannelSplitChart(channelRows, { measure: 'revenue', asShare: false, currency: 'KRW' }, lang, coverage) },
  { name: 'channel line shares', build: (lang) => buildChannelSplitChart(channelRows, { measure: 'lines', asShare: true }, lang) },
  { name: 'affiliates', build: (lang) => buildAffiliateUsageChart(affiliateRows, lang, bothEnds) },
  { name: 'heatmap customers', build: (lang) => buildTransitionHeatmap(cells, DEFAULT_TIER_NAMES[lang], 'customers', lang) },
  { name: 'heatmap revenue', build: (lang) => buildTransitionHeatmap(cells, DEFAULT_TIER_NAMES[lang], 'revenueSecond', lang, { basis: 'amount', currency: 'KRW' }) },
  { name: 'Sankey', height: 420, build: (lang) => buildTransitionSankey(cells, DEFAULT_TIER_NAMES[lang], lang) },
  { name: 'churn origin', build: (lang) => buildChurnOriginChart(churn, DEFAULT_TIER_NAMES[lang], lang) },
  { name: 'churn origin, all from one tier', build: (lang) => buildChurnOriginChart([{ tier: 3, churners: 10, share: 1 }], DEFAULT_TIER_NAMES[lang], lang) },
  { name: 'KL chain × channel', build: (lang) => buildKlContributionChart(chainChannelKl, `${transitionName(lang)} · ${lang === 'ko' ? '체인·채널' : 'chain and channel'}`, lang) },
  { name: 'KL affiliates', build: (lang) => buildKlContributionChart(affiliateKl, `${transitionName(lang)} · ${lang === 'ko' ? '제휴사' : 'affiliates'}`, lang, 'noAffiliates') },
  { name: 'L.pay ECDF', build: (lang) => buildLpayEcdfChart(lpay, transitionName(lang), lang) },
  // No data: the frame says so.
  { name: 'monthly buyers, none', build: (lang) => buildMonthlyBuyersChart([], lang, coverage) },
  { name: 'receipts histogram, none', build: (lang) => buildReceiptsHistogram({ buckets: histogram.buckets.map((b) => ({ ...b, customers: 0 })), customers: 0, oneTimeBuyers: 0, mean: 0, median: 0 }, lang) },
  { name: 'chain, no chains', build: (lang) => buildChainStackedChart([], { measure: 'lines', asShare: false }, lang) },
  { name: 'channel, none', build: (lang) => buildChannelSplitChart([], { measure: 'revenue', asShare: false }, lang) },
  { name: 'affiliates, none', build: (lang) => buildAffiliateUsageChart([], lang) },
  { name: 'heatmap, none', build: (lang) => buildTransitionHeatmap(noCells, DEFAULT_TIER_NAMES[lang], 'customers', lang) },
  { name: 'Sankey, none', height: 420, build: (lang) => buildTransitionSankey(noCells, DEFAULT_TIER_NAMES[lang], lang) },
  { name: 'churn origin, none', build: (lang) => buildChurnOriginChart([0, 1, 2, 3].map((tier) => ({ tier, churners: 0, share: 0 })), DEFAULT_TIER_NAMES[lang], lang) },
  { name: 'KL affiliates, none', build: (lang) => buildKlContributionChart({ divergence: 0, segmentTotal: 0, allTotal: 0, contributions: [] }, transitionName(lang), lang, 'noAffiliates') },
  { name: 'L.pay ECDF, none', build: (lang) => buildLpayEcdfChart({ segment: emptyEcdf, all: emptyEcdf, bestToBest: emptyEcdf }, transitionName(lang), lang) },
  // Saved images: the period under the title, the plot moved down for it.
  { name: 'saved: monthly revenue', build: (lang) => withPeriod(buildMonthlyRevenueChart(revenue, lang, 'KRW', bothEnds), PERIOD) },
  { name: 'saved: chain lines', build: (lang) => withPeriod(buildChainStackedChart(chainRows, { measure: 'lines', asShare: false }, lang, coverage), PERIOD) },
  { name: 'saved: receipts histogram', build: (lang) => withPeriod(buildReceiptsHistogram(histogram, lang), PERIOD) },
  { name: 'saved: heatmap revenue', build: (lang) => withPeriod(buildTransitionHeatmap(cells, DEFAULT_TIER_NAMES[lang], 'revenueFirst', lang, { basis: 'amount', currency: 'KRW' }), PERIOD) },
  { name: 'saved: Sankey', height: 420, build: (lang) => withPeriod(buildTransitionSankey(cells, DEFAULT_TIER_NAMES[lang], lang), PERIOD) },
  { name: 'saved: KL chain × channel', build: (lang) => withPeriod(buildKlContributionChart(chainChannelKl, `${transitionName(lang)} · ${lang === 'ko' ? '체인·채널' : 'chain and channel'}`, lang), PERIOD) },
  // Churn model report.
  { name: 'churn comparison, binary', build: (lang) => buildModelComparisonChart(churnBinary, lang) },
  { name: 'churn comparison, transition', build: (lang) => buildModelComparisonChart(churnTransition, lang) },
  { name: 'churn comparison, accuracy', build: (lang) => buildModelComparisonChart(churnBinary, lang, 'accuracy') },
  { name: 'churn lift', build: (lang) => buildLiftChart(churnLift, lang, 'gbdt') },
  { name: 'churn confusion, 2 classes', build: (lang) => buildConfusionChart(churnConfusion2, lang === 'ko' ? ['유지', '이탈'] : ['Retained', 'Churned'], lang, 'gbdt') },
  { name: 'churn confusion, 20 classes', height: 520, build: (lang) => buildConfusionChart(churnConfusion20, churnClasses(lang), lang, 'gbdt') },
  { name: 'churn calibration', build: (lang) => buildCalibrationChart(churnCalibration, lang, 'logistic') },
  { name: 'churn training curves', build: (lang) => buildTrainingCurveChart(churnCurves, lang) },
  { name: 'churn training curves, first round', build: (lang) => buildTrainingCurveChart([{ model: 'gbdt', trainLoss: [0.69], validLoss: [0.7] }], lang) },
  { name: 'churn comparison, none', build: (lang) => buildModelComparisonChart({ ...churnTransition, models: { bgnbd: churnTransition.models.bgnbd } }, lang) },
  { name: 'churn lift, none', build: (lang) => buildLiftChart(null, lang, 'mlp') },
  { name: 'churn confusion, none', build: (lang) => buildConfusionChart([], [], lang, 'mlp') },
  { name: 'churn calibration, none', build: (lang) => buildCalibrationChart(null, lang, 'mlp') },
  { name: 'churn training curves, none', build: (lang) => buildTrainingCurveChart([], lang) },
  { name: 'churn importance', height: importanceChartHeight(16), build: (lang) => buildImportanceChart(importance, lang, 'gbdt') },
  { name: 'churn importance, none', build: (lang) => buildImportanceChart(null, lang, 'gbdt') },
  { name: 'cluster scan', build: (lang) => buildClusterScanChart(clusterScan, { suggestedK: 5, elbowK: 6, chosenK: 5 }, lang) },
  { name: 'cluster scan, fixed k', build: (lang) => buildClusterScanChart([], { suggestedK: null, elbowK: null, chosenK: 4 }, lang) },
  { name: 'cluster map', build: (lang) => buildClusterMapChart(clusterMap, clusterProfiles, lang) },
  { name: 'cluster × tier', build: (lang) => buildClusterTierChart(clusterTiers, clusterProfiles, lang) },
  { name: 'cluster traits', build: (lang) => buildClusterTraitsChart(clusterProfiles[1], clusterFeatures, lang) },
  { name: 'recommend HR@K', build: (lang) => buildHitRateChart(recommendReport, lang) },
  { name: 'recommend NDCG@K', build: (lang) => buildNdcgChart(recommendReport, lang) },
  { name: 'recommend time split', height: timeSplitChartHeight(5), build: (lang) => buildTimeSplitChart(recommendReport, lang) },
  { name: 'recommend loss, two fits', build: (lang) => buildRecommendLossChart(recommendLoss, lang) },
  { name: 'recommend loss, first epoch', build: (lang) => buildRecommendLossChart([{ model: 'neumf', loss: [0.45] }], lang) },
  { name: 'recommend HR@K, none', build: (lang) => buildHitRateChart(recommendEmpty, lang) },
  { name: 'recommend time split, none', build: (lang) => buildTimeSplitChart(recommendEmpty, lang) },
  { name: 'recommend loss, none', build: (lang) => buildRecommendLossChart([], lang) },
  { name: 'saved: recommend HR@K', build: (lang) => withPeriod(buildHitRateChart(recommendReport, lang), RECOMMEND_PERIOD) },
  { name: 'saved: recommend time split', height: timeSplitChartHeight(5), build: (lang) => withPeriod(buildTimeSplitChart(recommendReport, lang), RECOMMEND_PERIOD) },
  { name: 'saved: churn comparison', build: (lang) => withPeriod(buildModelComparisonChart(churnTransition, lang), CHURN_PERIOD) },
  { name: 'saved: churn lift', build: (lang) => withPeriod(buildLiftChart(churnLift, lang, 'mlp'), CHURN_PERIOD) },
  { name: 'saved: churn confusion, 20 classes', height: 520, build: (lang) => withPeriod(buildConfusionChart(churnConfusion20, churnClasses(lang), lang, 'tierRule'), CHURN_PERIOD) },
];

// ───────────── Roles: each kind of text gets a colour of its own (colour does not move anything) ─────────────

const ROLES = { title: '#010101', subtitle: '#020202', axisName: '#030303', axisLabel: '#040404', legend: '#050505', seriesLabel: '#060606', visualMap: '#070707', note: '#080808' } as const;
type Role = keyof typeof ROLES | 'other';
const roleOf = (fill: string | null): Role => (Object.entries(ROLES).find(([, c]) => c === fill?.toLowerCase())?.[0] as Role | undefined) ?? 'other';

/* eslint-disable @typescript-eslint/no-explicit-any */
const each = <T,>(x: T | T[] | undefined, f: (v: T) => T): T | T[] | undefined => (Array.isArray(x) ? x.map(f) : x === undefined ? x : f(x));
function withRoleColours(option: EChartsOption): EChartsOption {
  const o = option as any;
  const axis = (a: any) => ({ ...a, nameTextStyle: { ...a.nameTextStyle, color: ROLES.axisName }, axisLabel: { ...a.axisLabel, color: ROLES.axisLabel } });
  return {
    ...o,
    title: each(o.title, (t: any) => ({ ...t, textStyle: { ...t.textStyle, color: ROLES.title }, subtextStyle: { ...t.subtextStyle, color: ROLES.subtitle } })),
    legend: each(o.legend, (l: any) => ({ ...l, textStyle: { ...l.textStyle, color: ROLES.legend } })),
    xAxis: each(o.xAxis, axis),
    yAxis: each(o.yAxis, axis),
    visualMap: each(o.visualMap, (v: any) => ({ ...v, textStyle: { ...v.textStyle, color: ROLES.visualMap } })),
    series: each(o.series, (s: any) => ({ ...s, label: { ...s.label, color: ROLES.seriesLabel } })),
    graphic: each(o.graphic, (g: any) => ({ ...g, style: { ...g.style, fill: ROLES.note } })),
  } as EChartsOption;
}

// ───────────── Chromium's glyph widths, lent to ECharts' layout ─────────────

/** Advance widths at 100 px, by character, regular and bold; other characters are taken as wide as '가'. */
type Widths = { regular: Record<string, number>; bold: Record<string, number> };

function charactersUsed(): string[] {
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
  const words = JSON.stringify([CHART_LABELS, CHAIN_NAMES, DEFAULT_TIER_NAMES, NEW_STATE, INACTIVE_STATE]) + '억만천원명건–→·…₩~■●년월일부터까지의데이터불완전한달';
  return [...new Set([...ascii, ...words])];
}

function measureTextWith(widths: Widths) {
  return (text: string, font?: string) => {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    const table = /bold|[6-9]00/.test(font ?? '') ? widths.bold : widths.regular;
    let width = 0;
    for (const ch of text ?? '') width += (table[ch] ?? table['가']) * (size / 100);
    return { width } as TextMetrics;
  };
}

// ───────────── Rendering and measuring ─────────────

function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...withRoleColours(option), animation: false, backgroundColor: '#fff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

interface TextBox {
  text: string;
  role: Role;
  /** Corners in the SVG's coordinates, clockwise (rotated labels are rotated rectangles). */
  corners: [number, number][];
}

/** The rendered <text> boxes (after the page's fonts are ready). */
async function textBoxes(page: Page, svg: string): Promise<{ width: number; height: number; boxes: (Omit<TextBox, 'role'> & { fill: string | null })[] }> {
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  return page.evaluate(async () => {
    await document.fonts.ready;
    const root = document.querySelector('svg') as SVGSVGElement;
    const boxes = [...root.querySelectorAll('text')]
      .filter((t) => (t.textContent ?? '').trim() !== '' && getComputedStyle(t).display !== 'none' && getComputedStyle(t).opacity !== '0')
      .map((t) => {
        const b = t.getBBox();
        const m = t.getCTM() as DOMMatrix;
        const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]].map(([x, y]) => {
          const p = new DOMPoint(x, y).matrixTransform(m);
          return [p.x, p.y] as [number, number];
        });
        return { text: t.textContent ?? '', fill: t.getAttribute('fill'), corners };
      });
    return { width: root.width.baseVal.value, height: root.height.baseVal.value, boxes };
  });
}

const TOLERANCE = 1;

/** Separating-axis test for two convex quadrilaterals: overlap deeper than the tolerance on every axis. */
function overlap(a: TextBox, b: TextBox): boolean {
  const axes = [a, b].flatMap((r) => [0, 1].map((i) => {
    const [p, q] = [r.corners[i], r.corners[i + 1]];
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
    return [(q[0] - p[0]) / len, (q[1] - p[1]) / len];
  }));
  return axes.every(([ax, ay]) => {
    const span = (r: TextBox) => r.corners.map(([x, y]) => x * ax + y * ay);
    const [sa, sb] = [span(a), span(b)];
    return Math.min(Math.max(...sa), Math.max(...sb)) - Math.max(Math.min(...sa), Math.min(...sb)) > TOLERANCE;
  });
}

function layoutProblems(width: number, height: number, boxes: TextBox[]): string[] {
  const problems: string[] = [];
  const show = (b: TextBox) => `${b.role} "${b.text}"`;
  for (const b of boxes) {
    const xs = b.corners.map((c) => c[0]);
    const ys = b.corners.map((c) => c[1]);
    if (Math.min(...xs) < -TOLERANCE || Math.max(...xs) > width + TOLERANCE || Math.min(...ys) < -TOLERANCE || Math.max(...ys) > height + TOLERANCE) {
      problems.push(`${show(b)} outside the ${width}×${height} image (x ${Math.min(...xs).toFixed(1)}…${Math.max(...xs).toFixed(1)}, y ${Math.min(...ys).toFixed(1)}…${Math.max(...ys).toFixed(1)})`);
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlap(boxes[i], boxes[j])) problems.push(`${show(boxes[i])} overlaps ${show(boxes[j])}`);
    }
  }
  return problems;
}

// ───────────── The test ─────────────

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  const widths = await page.evaluate(async (chars) => {
    await document.fonts.ready;
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    const table = (font: string) => {
      ctx.font = font;
      return Object.fromEntries(chars.map((c) => [c, ctx.measureText(c).width]));
    };
    return { regular: table('100px sans-serif'), bold: table('bold 100px sans-serif') };
  }, charactersUsed());
  echarts.setPlatformAPI({ measureText: measureTextWith(widths) });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** CHART_LAYOUT_OUT=<folder> keeps the SVGs, to look at. */
const OUT = process.env.CHART_LAYOUT_OUT;
if (OUT) mkdirSync(OUT, { recursive: true });
const LANGS: Lang[] = ['ko', 'en'];
const WIDTHS = [420, 1300];

describe.each(LANGS.flatMap((lang) => WIDTHS.map((width) => ({ lang, width }))))('charts in $lang at $width px', ({ lang, width }) => {
  it.each(charts)('$name: every text inside the image, none overlapping another', async ({ name, build, height = 320 }) => {
    const svg = renderSvg(build(lang), width, height);
    if (OUT) writeFileSync(join(OUT, `${name.replace(/\W+/g, '-')}-${lang}-${width}.svg`), svg);
    const { width: w, height: h, boxes } = await textBoxes(page, svg);
    expect([w, h]).toEqual([width, height]);
    const texts = boxes.map(({ fill, ...b }) => ({ ...b, role: roleOf(fill) }));
    expect(texts.some((t) => t.role === 'title')).toBe(true);
    expect(layoutProblems(w, h, texts)).toEqual([]);
  });
});
