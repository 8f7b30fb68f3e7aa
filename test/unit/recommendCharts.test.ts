import { describe, expect, it } from 'vitest';
import {
  buildHitRateChart,
  buildNdcgChart,
  buildRecommendLossChart,
  buildTimeSplitChart,
  lossCurvesOf,
  RECOMMEND_COLORS,
  recommendModelLabel,
  reportModels,
  sampledNegatives,
  sharePercent,
  TIME_SPLIT_COLORS,
  timeSplitChartHeight,
} from '../../src/shared/charts';
import { RECOMMEND_MODELS, type RecommendModelName, type RecommendModelResult, type RecommendRunReport } from '../../src/shared/recommend';

/* eslint-disable @typescript-eslint/no-explicit-any */
const o = (option: unknown) => option as any;

/** HR@K rising linearly from hr1 to hr10; NDCG a little under. */
const result = (model: RecommendModelName, hr1: number, hr10: number, recall: number, extra: Partial<RecommendModelResult> = {}): RecommendModelResult => {
  const hr = Array.from({ length: 10 }, (_, i) => Number((hr1 + ((hr10 - hr1) * i) / 9).toFixed(4)));
  return {
    model,
    seconds: 1.25,
    sampled: { negatives: 49, users: 1323, skipped: 28, hr, ndcg: hr.map((v) => Number((v * 0.6).toFixed(4))) },
    timeSplit: { k: 10, users: 999, recall, precision: recall / 2, ndcg: recall * 1.2, coverage: 0.36, topShare: 0.34 },
    ...extra,
  };
};

/** Listed out of order on purpose: the charts put popularity first. */
const report: RecommendRunReport = {
  run: { id: 'run-1', seconds: 12.5, seed: 42 },
  window: { from: '2021-01-01', to: '2021-12-31' },
  cutoff: '2021-10-01',
  chain: null,
  chainMode: 'pooled',
  data: { customers: 1351, products: 1780, pairs: 40_000 },
  rules: { newOnly: true, excludeTopShare: 0.01, excludeRecentDays: 7, varietyPool: 0, excludeCategories: [] },
  k: 10,
  models: {
    mf: result('mf', 0.2079, 0.681, 0.0921),
    popularity: result('popularity', 0.1, 0.5, 0.0768),
    neumf: result('neumf', 0.15, 0.6, 0.05, { loss: [0.443, 0.4022, 0.38], samplesPerSecond: 160768.5 }),
  },
  best: 'mf',
  saved: { customers: 1351, rows: 40_530 },
};
const empty: RecommendRunReport = { ...report, models: {} };

describe('recommender names, order and colours', () => {
  it('Korean by default, English with en; an unknown name stays; the report order starts with the baseline', () => {
    expect(recommendModelLabel('itemknn', 'ko')).toBe('아이템 kNN(코사인)');
    expect(recommendModelLabel('mf', 'en')).toBe('Matrix factorisation (implicit ALS)');
    expect(recommendModelLabel('neumf', 'ko')).toBe('NeuMF 신경망');
    expect(recommendModelLabel('bpr' as RecommendModelName, 'ko')).toBe('bpr');
    expect(reportModels(report).map(([m]) => m)).toEqual(['popularity', 'mf', 'neumf']);
    expect(sampledNegatives(report)).toBe(49);
    expect(sampledNegatives(empty)).toBeNull();
    // One distinct colour per model.
    expect(new Set(Object.values(RECOMMEND_COLORS)).size).toBe(RECOMMEND_MODELS.length);
    expect(sharePercent(0.3611, 'ko')).toBe('36.1%');
    expect(timeSplitChartHeight(2)).toBe(320);
    expect(timeSplitChartHeight(5)).toBe(380);
  });
});

describe('HR@K chart', () => {
  it('one line per model over K = 1…10 in the model colour, N in the title, the best drawn thicker and named in the note', () => {
    const c = o(buildHitRateChart(report, 'ko'));
    expect(c.title.text).toBe('HR@K — 정답 1개 + 음성 표본 N = 49개 중 순위');
    expect(c.title.subtext).toBe('평가 고객 1,323명 · HR@10 최고: 행렬 분해(암묵적 ALS) 0.681 · 회색 = 기준선');
    expect(c.series.map((s: any) => s.name)).toEqual(['인기 상품(기준선)', '행렬 분해(암묵적 ALS)', 'NeuMF 신경망']);
    expect(c.series.every((s: any) => s.type === 'line')).toBe(true);
    expect(c.series[1].data).toHaveLength(10);
    expect(c.series[1].data[0]).toEqual([1, 0.2079]);
    expect(c.series[1].data[9]).toEqual([10, 0.681]);
    expect(c.series[0].itemStyle.color).toBe(RECOMMEND_COLORS.popularity);
    expect(c.series[2].lineStyle.color).toBe(RECOMMEND_COLORS.neumf);
    expect(c.series[1].lineStyle.width).toBeGreaterThan(c.series[0].lineStyle.width);
    expect(c.xAxis).toMatchObject({ name: '목록 길이 K', min: 1, max: 10, interval: 1 });
    expect(c.yAxis).toMatchObject({ name: '적중률(HR)', min: 0, max: 1 });
    expect(c.legend.show).toBe(true);
    expect(c.tooltip.valueFormatter(0.68103)).toBe('0.681');
  });

  it('in English; with N = 99; no baseline: no grey note', () => {
    const models = Object.fromEntries(
      Object.entries(report.models)
        .filter(([m]) => m !== 'popularity')
        .map(([m, r]) => [m, { ...r!, sampled: { ...r!.sampled, negatives: 99 } }]),
    );
    const c = o(buildHitRateChart({ ...report, models }, 'en'));
    expect(c.title.text).toBe('HR@K — rank among 1 held-out product + N = 99 negatives');
    expect(c.title.subtext).toBe('1,323 customers evaluated · best HR@10: Matrix factorisation (implicit ALS) 0.681');
    expect(c.series.map((s: any) => s.name)).toEqual(['Matrix factorisation (implicit ALS)', 'NeuMF']);
  });

  it('no model: the frame says so, without series', () => {
    const c = o(buildHitRateChart(empty, 'ko'));
    expect(c.series).toEqual([]);
    expect(c.graphic.style.text).toBe('평가된 모델이 없습니다');
    expect(c.title.text).toContain('N = –');
    expect(o(buildHitRateChart(empty, 'en')).graphic.style.text).toBe('No model was evaluated');
  });
});

describe('NDCG@K chart', () => {
  it('the NDCG arrays per model, N in the title, an open-ended axis from 0', () => {
    const c = o(buildNdcgChart(report, 'ko'));
    expect(c.title.text).toBe('NDCG@K — 정답 1개 + 음성 표본 N = 49개 중 순위');
    expect(c.series[1].data[9]).toEqual([10, report.models.mf!.sampled.ndcg[9]]);
    expect(c.yAxis.name).toBe('NDCG');
    expect(c.yAxis.min).toBe(0);
    expect(c.yAxis.max).toBeUndefined();
  });
});

describe('time split chart', () => {
  it('per model (popularity at the top) a recall@10 bar and an NDCG@10 bar, labelled with 3 decimals; the cut-off in the title, the best recall in the note', () => {
    const c = o(buildTimeSplitChart(report, 'ko'));
    expect(c.title.text).toBe('시간 분할 평가 — 기준일 2021-10-01부터 처음 산 상품, 전체 상품 순위 상위 10개');
    expect(c.title.subtext).toBe('평가 고객 999명 · 재현율 최고: 행렬 분해(암묵적 ALS) 0.092');
    expect(c.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['인기 상품(기준선)', '행렬 분해(암묵적 ALS)', 'NeuMF 신경망'] });
    expect(c.xAxis).toMatchObject({ name: '점수', min: 0 });
    expect(c.series.map((s: any) => s.name)).toEqual(['재현율@10', 'NDCG@10']);
    expect(c.series.every((s: any) => s.type === 'bar')).toBe(true);
    expect(c.series[0].data).toEqual([0.0768, 0.0921, 0.05]);
    expect(c.series[1].data[1]).toBeCloseTo(0.0921 * 1.2, 10);
    expect(c.series[0].itemStyle.color).toBe(TIME_SPLIT_COLORS.recall);
    expect(c.series[1].itemStyle.color).toBe(TIME_SPLIT_COLORS.ndcg);
    expect(c.series[0].label.formatter({ value: 0.09208 })).toBe('0.092');
  });

  it('in English; no model: the frame says so', () => {
    const c = o(buildTimeSplitChart(report, 'en'));
    expect(c.series.map((s: any) => s.name)).toEqual(['Recall@10', 'NDCG@10']);
    expect(c.title.text).toBe('Time split — products first bought from 2021-10-01 on, top 10 of the whole catalogue');
    const none = o(buildTimeSplitChart(empty, 'ko'));
    expect(none.series).toEqual([]);
    expect(none.graphic.style.text).toBe('평가된 모델이 없습니다');
  });
});

describe('loss per epoch', () => {
  it('the report gives the networks only; a line per fit in the model colour, the last loss and the speed in the note', () => {
    const curves = lossCurvesOf(report);
    expect(curves).toEqual([{ model: 'neumf', loss: [0.443, 0.4022, 0.38], samplesPerSecond: 160768.5 }]);
    const c = o(buildRecommendLossChart(curves, 'ko'));
    expect(c.title.text).toBe('에포크별 학습 손실');
    expect(c.title.subtext).toBe('NeuMF 신경망: 마지막 손실 0.3800 · 초당 160,769개 표본');
    expect(c.series).toHaveLength(1);
    expect(c.series[0].data).toEqual([
      [1, 0.443],
      [2, 0.4022],
      [3, 0.38],
    ]);
    expect(c.series[0].lineStyle).toMatchObject({ color: RECOMMEND_COLORS.neumf, type: 'solid' });
    expect(c.animation).toBe(false);
    expect(c.xAxis).toMatchObject({ name: '에포크', min: 0, max: 3 });
  });

  it('while training: the time split fit dashed beside the first; a single epoch shows its point', () => {
    const c = o(
      buildRecommendLossChart(
        [
          { model: 'neumf', loss: [0.44, 0.4] },
          { model: 'neumf', loss: [0.45], fit: 'timeSplit' },
        ],
        'en',
      ),
    );
    expect(c.series.map((s: any) => s.name)).toEqual(['NeuMF', 'NeuMF (time-split fit)']);
    expect(c.series[1].lineStyle.type).toBe('dashed');
    expect(c.series[1].showSymbol).toBe(true);
    expect(c.series[0].showSymbol).toBe(false);
    expect(c.xAxis).toMatchObject({ min: 0, max: 2 });
    expect(c.title.subtext).toBe('NeuMF: last loss 0.4000 · – samples/s\nNeuMF (time-split fit): last loss 0.4500 · – samples/s');
  });

  it('no network in the run: the frame says so', () => {
    expect(lossCurvesOf({ models: { mf: report.models.mf } })).toEqual([]);
    const c = o(buildRecommendLossChart([], 'ko'));
    expect(c.series).toEqual([]);
    expect(c.graphic.style.text).toBe('에포크별 손실을 기록하는 모델(NeuMF)이 없습니다');
  });
});
