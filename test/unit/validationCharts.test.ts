import { describe, expect, it } from 'vitest';
import {
  buildGainsChart,
  buildRecommendCheckChart,
  buildRepurchaseChart,
  CHAIN_COLORS,
  checkedModels,
  GAINS_RANDOM_COLOR,
  MODEL_COLORS,
  RECOMMEND_COLORS,
  recommendLift,
  topDecileGain,
} from '../../src/shared/charts';
import type { ChurnDecile, RecommendCheck, RepurchaseChain, ValidationReport } from '../../src/shared/validation';

/* eslint-disable @typescript-eslint/no-explicit-any */
const o = (option: unknown) => option as any;

const THRESHOLDS = Array.from({ length: 10 }, (_, i) => i / 2);

/** Seed 001's shape: the share rises with the score for A01–A04 and stays low for A05/A06; no pair above 4.0 at A06. */
const chain = (code: string, base: number, slope: number): RepurchaseChain => ({
  chain: code,
  rows: THRESHOLDS.map((t, i) => {
    const pairs = Math.round(20_000 / (1 + i * i));
    return code === 'A06' && t > 4 ? { threshold: t, pairs: 0, share: null } : { threshold: t, pairs, share: Number((base + slope * i).toFixed(4)) };
  }),
});

const check = (model: RecommendCheck['model'], hitRate: number, precision: number, recall: number, lift: number | null, precisionLift: number | null): RecommendCheck => ({
  model,
  customers: 2000,
  hitCustomers: Math.round(2000 * hitRate),
  hitRate,
  precision,
  recall,
  lift,
  precisionLift,
  seconds: 0.5,
  listsHash: 'h',
});

/** Ten deciles of 100 customers; gains rising to 1. */
const deciles = (gains: number[]): ChurnDecile[] =>
  gains.map((gain, i) => ({ decile: i + 1, customers: 100, churners: 10, rate: 0.1, lift: i === 0 ? gain / 0.1 : 1, gain }));

const report: ValidationReport = {
  run: { id: 'validation-1', seconds: 30.5, seed: 42 },
  learn: { from: '2021-01-01', to: '2021-09-30' },
  observe: { from: '2021-10-01', to: '2021-12-31' },
  cutoff: '2021-10-01',
  repurchase: {
    chains: [chain('A01', 0.1, 0.05), chain('A02', 0.2, 0.06), chain('A03', 0.15, 0.05), chain('A04', 0.12, 0.04), chain('A05', 0.02, 0), chain('A06', 0.03, 0.001)],
  },
  recommend: {
    k: 10,
    rules: { newOnly: true, excludeTopShare: 0.01, excludeRecentDays: 7, varietyPool: 0, excludeCategories: [] },
    customers: 2000,
    buyers: 1500,
    // Listed out of order: the chart puts popularity first.
    models: [check('itemknn', 0.42, 0.061, 0.09, 1.4, 1.525), check('popularity', 0.3, 0.04, 0.06, 1, 1), check('mf', 0.38, 0.05, 0.075, 1.2667, 1.25)],
  },
  churn: {
    trainRun: 'churn-1',
    periods: [
      { from: '2021-01-01', to: '2021-03-31' },
      { from: '2021-04-01', to: '2021-06-30' },
    ],
    scored: { from: '2021-04-01', to: '2021-09-30' },
    customers: 1000,
    churners: 250,
    models: [
      { model: 'logistic', riskHash: 'a', rocAuc: 0.71, deciles: deciles([0.25, 0.42, 0.55, 0.65, 0.74, 0.82, 0.88, 0.93, 0.97, 1]) },
      { model: 'gbdt', riskHash: 'b', rocAuc: 0.78, deciles: deciles([0.312, 0.5, 0.63, 0.73, 0.8, 0.86, 0.91, 0.95, 0.98, 1]) },
    ],
    best: 'gbdt',
  },
};

const empty: ValidationReport = {
  ...report,
  repurchase: { chains: [] },
  recommend: { ...report.recommend, customers: 0, buyers: 0, models: [] },
  churn: { ...report.churn, customers: 0, churners: 0, models: [], best: null },
};

/** Every number in the series data is finite (nulls are gaps, never NaN). */
function noNaN(option: any) {
  for (const s of option.series) {
    for (const d of s.data) for (const v of [d].flat()) if (v !== null) expect(Number.isFinite(v)).toBe(true);
  }
}

describe('repurchase chart', () => {
  it('one line per chain over the thresholds 0.0 … 4.5, chain names and colours, the share in %, pairs kept for the tooltip', () => {
    const c = o(buildRepurchaseChart(report, 'ko'));
    expect(c.title.text).toBe('선호 점수 구간별 재구매율(체인별)');
    expect(c.title.subtext).toBe('학습 2021-01-01 ~ 2021-09-30에 산 고객·상품 쌍 중 2021-10-01 ~ 2021-12-31에 다시 산 비율');
    expect(c.series.map((s: any) => s.name)).toEqual(['A01 백화점', 'A02 대형마트', 'A03 슈퍼마켓', 'A04 편의점', 'A05 전자제품', 'A06 온라인몰']);
    expect(c.series.every((s: any) => s.type === 'line')).toBe(true);
    expect(c.series[0].data).toHaveLength(10);
    expect(c.series[0].data[0]).toEqual([0, 10, 20_000]);
    expect(c.series[0].data[9][0]).toBe(4.5);
    expect(c.series[0].data[9][1]).toBeCloseTo(55, 6);
    // Rising for A01–A04, flat and low for A05.
    for (const s of c.series.slice(0, 4)) expect(s.data[9][1]).toBeGreaterThan(s.data[0][1]);
    expect(c.series[4].data[9][1]).toBe(c.series[4].data[0][1]);
    // No pairs: a gap, not NaN.
    expect(c.series[5].data[9]).toEqual([4.5, null, 0]);
    expect(c.series[0].lineStyle.color).toBe(CHAIN_COLORS.A01);
    expect(new Set(c.series.map((s: any) => s.itemStyle.color)).size).toBe(6);
    expect(c.xAxis).toMatchObject({ name: '선호 점수 기준(이상)', min: 0, max: 4.5, interval: 0.5 });
    expect(c.xAxis.axisLabel.formatter(1)).toBe('1.0');
    expect(c.yAxis).toMatchObject({ name: '재구매 비율', min: 0 });
    const tip = c.tooltip.formatter([
      { seriesName: 'A01 백화점', marker: '', data: [1, 20, 10_000] },
      { seriesName: 'A06 온라인몰', marker: '', data: [1, null, 0] },
    ]);
    expect(tip).toContain('선호 점수 ≥ 1.0');
    expect(tip).toContain('A01 백화점: <b>20%</b> (10,000쌍)');
    expect(tip).toContain('A06 온라인몰: <b>–</b> (0쌍)');
    noNaN(c);
  });

  it('in English; no chain: the frame says so', () => {
    const c = o(buildRepurchaseChart(report, 'en'));
    expect(c.title.text).toBe('Repurchase by preference score (per chain)');
    expect(c.series[0].name).toBe('A01 Department store');
    expect(c.tooltip.formatter([{ seriesName: 'A01', marker: '', data: [0.5, 12.5, 1234] }])).toContain('(1,234 pairs)');
    const none = o(buildRepurchaseChart(empty, 'ko'));
    expect(none.series).toEqual([]);
    expect(none.graphic.style.text).toBe('기준일 전에 산 고객·상품 쌍이 없습니다');
    expect(o(buildRepurchaseChart(empty, 'en')).graphic.style.text).toBe('No customer–product pair bought before the cut-off');
  });
});

describe('recommendation check chart', () => {
  it('per figure a bar per model (popularity first) in the recommendation colours, K in the title, the lift in the note and tooltip', () => {
    expect(checkedModels(report).map((m) => m.model)).toEqual(['popularity', 'itemknn', 'mf']);
    const c = o(buildRecommendCheckChart(report, 'ko'));
    expect(c.title.text).toBe('추천 목록 검증 — 고객별 처음 사는 상품 상위 10개');
    expect(c.title.subtext).toBe(
      '목록 고객 2,000명 · 그중 2021-10-01 ~ 2021-12-31에 새 상품을 산 고객 1,500명\n적중률 최고: 아이템 kNN(코사인) 0.420 (인기 상품 대비 ×1.40)',
    );
    expect(c.xAxis.data).toEqual(['적중률', '정밀도@10', '재현율@10']);
    expect(c.series.map((s: any) => s.name)).toEqual(['인기 상품(기준선)', '아이템 kNN(코사인)', '행렬 분해(암묵적 ALS)']);
    expect(c.series.every((s: any) => s.type === 'bar')).toBe(true);
    expect(c.series[1].data).toEqual([0.42, 0.061, 0.09]);
    expect(c.series[0].itemStyle.color).toBe(RECOMMEND_COLORS.popularity);
    expect(c.series[2].itemStyle.color).toBe(RECOMMEND_COLORS.mf);
    expect(c.series[1].label.formatter({ value: 0.4213 })).toBe('0.421');
    const tip = c.tooltip.formatter([
      { seriesIndex: 0, dataIndex: 2, marker: '', seriesName: '인기 상품(기준선)', value: 0.06 },
      { seriesIndex: 1, dataIndex: 2, marker: '', seriesName: '아이템 kNN(코사인)', value: 0.09 },
    ]);
    expect(tip).toContain('재현율@10');
    expect(tip).toContain('아이템 kNN(코사인): <b>0.090</b> · 인기 상품 대비 ×1.50');
    expect(tip).not.toContain('인기 상품(기준선): <b>0.060</b> ·');
    noNaN(c);
  });

  it('the lifts: hit rate and precision from the report, recall against popularity', () => {
    const [pop, knn] = checkedModels(report);
    expect(recommendLift(knn, 'hitRate', pop)).toBe(1.4);
    expect(recommendLift(knn, 'precision', pop)).toBe(1.525);
    expect(recommendLift(knn, 'recall', pop)).toBeCloseTo(1.5, 10);
    expect(recommendLift(knn, 'recall', undefined)).toBeNull();
  });

  it('in English, K = 5; no model: the frame says so', () => {
    const c = o(buildRecommendCheckChart({ ...report, recommend: { ...report.recommend, k: 5 } }, 'en'));
    expect(c.title.text).toBe("Recommendation check — each customer's top 5 new-to-you products");
    expect(c.xAxis.data).toEqual(['Hit rate', 'Precision@5', 'Recall@5']);
    expect(c.series[1].name).toBe('Item kNN (cosine)');
    expect(c.title.subtext).toContain('Best hit rate: Item kNN (cosine) 0.420 (×1.40 popularity)');
    const none = o(buildRecommendCheckChart(empty, 'ko'));
    expect(none.series).toEqual([]);
    expect(none.graphic.style.text).toBe('평가된 모델이 없습니다');
  });
});

describe('gains chart', () => {
  it('a line per churn model from (0, 0) through the deciles, the random diagonal dashed, the best thicker, the top-10 % reach in the note', () => {
    const c = o(buildGainsChart(report, 'ko'));
    expect(c.title.text).toBe('이탈 위험 누적 포착률(게인 차트)');
    expect(c.title.subtext).toBe('상위 10 %에 연락하면 이탈자의 31.2 % (GBDT(그래디언트 부스팅))\n고객 1,000명 중 2021-10-01 ~ 2021-12-31에 구매가 없는 고객 250명');
    expect(c.series.map((s: any) => s.name)).toEqual(['로지스틱 회귀', 'GBDT(그래디언트 부스팅)', '무작위 연락']);
    const gbdt = c.series[1];
    expect(gbdt.data).toHaveLength(11);
    expect(gbdt.data[0]).toEqual([0, 0]);
    expect(gbdt.data[1]).toEqual([10, 31.2]);
    expect(gbdt.data[10]).toEqual([100, 100]);
    expect(gbdt.lineStyle.color).toBe(MODEL_COLORS.gbdt);
    expect(c.series[0].lineStyle.color).toBe(MODEL_COLORS.logistic);
    expect(gbdt.lineStyle.width).toBeGreaterThan(c.series[0].lineStyle.width);
    expect(c.series[2].data).toEqual([
      [0, 0],
      [100, 100],
    ]);
    expect(c.series[2].lineStyle).toMatchObject({ type: 'dashed', color: GAINS_RANDOM_COLOR });
    expect(c.xAxis).toMatchObject({ name: '연락한 고객 비율(위험 높은 순)', min: 0, max: 100 });
    expect(c.yAxis).toMatchObject({ name: '포착한 이탈자 비율', min: 0, max: 100 });
    expect(c.tooltip.formatter({ marker: '', seriesName: 'GBDT', data: [10, 31.2] })).toContain('고객 10%에 연락 → 이탈자 31.2% 포착');
    expect(topDecileGain(report.churn.models[1])).toBe(0.312);
    expect(topDecileGain(undefined)).toBeNull();
    noNaN(c);
  });

  it('in English; no churn model: the frame says so', () => {
    const c = o(buildGainsChart(report, 'en'));
    expect(c.title.subtext.split('\n')[0]).toBe('Contacting the top 10 % reaches 31.2 % of the churners (GBDT)');
    expect(c.series.at(-1).name).toBe('Random contact');
    const none = o(buildGainsChart(empty, 'ko'));
    expect(none.series).toEqual([]);
    expect(none.graphic.style.text).toBe('검증한 이탈 모델이 없습니다');
    expect(o(buildGainsChart(empty, 'en')).graphic.style.text).toBe('No churn model was checked');
  });
});
