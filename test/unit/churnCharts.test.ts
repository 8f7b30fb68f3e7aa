import { describe, expect, it } from 'vitest';
import {
  buildCalibrationChart,
  buildConfusionChart,
  buildLiftChart,
  buildModelComparisonChart,
  buildTrainingCurveChart,
  COMPARISON_COLORS,
  confusionChartHeight,
  MODEL_COLORS,
  modelLabel,
} from '../../src/shared/charts';
import { confusionCount } from '../../src/shared/charts/churnCharts';
import type { CalibrationCurve, LiftTable } from '../../src/shared/metrics';
import type { ChurnModelResult, ChurnRunReport } from '../../src/shared/models';

/* eslint-disable @typescript-eslint/no-explicit-any */
const o = (option: unknown) => option as any;

const scores = (s: { rocAuc: number | null; prAuc?: number | null; accuracy?: number; macroF1: number }): ChurnModelResult => ({
  applies: true,
  seconds: 1,
  details: {},
  rocAuc: s.rocAuc,
  prAuc: s.prAuc ?? null,
  accuracy: s.accuracy ?? 0.5,
  macroF1: s.macroF1,
  weightedF1: s.macroF1,
});

/** A small binary run: GBDT best on ROC-AUC, the tier rule the weakest, BG/NBD between. */
const binary: ChurnRunReport = {
  run: { id: 'r', backend: 'cpu', seconds: 3, seed: 42 },
  label: 'binary',
  periods: [{ from: '2021-01-01', to: '2021-06-30' }, { from: '2021-07-01', to: '2021-12-31' }],
  classes: ['유지', '이탈'],
  features: ['recency'],
  train: { customers: 700 },
  valid: { customers: 100 },
  test: { customers: 200, positives: 40 },
  models: {
    logistic: scores({ rocAuc: 0.7812, accuracy: 0.71, macroF1: 0.64 }),
    tierRule: scores({ rocAuc: 0.6204, accuracy: 0.74, macroF1: 0.55 }),
    gbdt: scores({ rocAuc: 0.8431, accuracy: 0.69, macroF1: 0.7 }),
    bgnbd: scores({ rocAuc: 0.7001, accuracy: 0.6, macroF1: 0.58 }),
  },
  best: 'gbdt',
};
const transition: ChurnRunReport = {
  ...binary,
  label: 'transition',
  classes: ['최우수→최우수', '최우수→비활동'],
  models: {
    mlp: scores({ rocAuc: 0.71, macroF1: 0.2412 }),
    tierRule: scores({ rocAuc: 0.6, macroF1: 0.1533 }),
    bgnbd: { applies: false, reason: 'BG/NBD gives P(alive), a churn score; it predicts no tier transition.' },
  },
  best: 'mlp',
};

describe('model names', () => {
  it('Korean by default, English with en', () => {
    expect(modelLabel('mlp', 'ko')).toBe('MLP 신경망');
    expect(modelLabel('gbdt', 'ko')).toBe('GBDT(그래디언트 부스팅)');
    expect(modelLabel('logistic', 'ko')).toBe('로지스틱 회귀');
    expect(modelLabel('tierRule', 'ko')).toBe('RFM 등급 규칙');
    expect(modelLabel('bgnbd', 'ko')).toBe('BG/NBD 생존확률');
    expect(modelLabel('mlp', 'en')).toBe('MLP');
    expect(modelLabel('gbdt', 'en')).toBe('GBDT');
    expect(modelLabel('logistic', 'en')).toBe('Logistic regression');
    expect(modelLabel('tierRule', 'en')).toBe('RFM tier rule');
    expect(modelLabel('bgnbd', 'en')).toBe('BG/NBD P(alive)');
  });
});

describe('model comparison', () => {
  it('binary: ROC-AUC bars best first, the tier rule grey, the best highlighted, 3-decimal labels', () => {
    const c = o(buildModelComparisonChart(binary, 'ko'));
    expect(c.title.text).toBe('모델 비교 (ROC-AUC)');
    // Top-down (inverse axis): GBDT, logistic, BG/NBD, tier rule; MLP was not trained, so no bar.
    expect(c.yAxis.inverse).toBe(true);
    expect(c.yAxis.data).toEqual(['GBDT(그래디언트 부스팅)', '로지스틱 회귀', 'BG/NBD 생존확률', 'RFM 등급 규칙']);
    expect(c.series[0].data.map((d: any) => d.value)).toEqual([0.8431, 0.7812, 0.7001, 0.6204]);
    const colours = c.series[0].data.map((d: any) => d.itemStyle.color);
    expect(colours).toEqual([COMPARISON_COLORS.best, COMPARISON_COLORS.other, COMPARISON_COLORS.other, COMPARISON_COLORS.baseline]);
    expect(COMPARISON_COLORS.baseline).toBe('#9aa1ab');
    expect(c.series[0].data[0].label.fontWeight).toBe('bold');
    expect(c.series[0].data[1].label).toBeUndefined();
    expect(c.series[0].label.formatter({ value: 0.8431 })).toBe('0.843');
    expect(c.tooltip.valueFormatter(0.7)).toBe('0.700');
    expect(c.title.subtext).toBe('최고 모델: GBDT(그래디언트 부스팅) 0.843 · 회색 = 기준선');
    // Every model beats chance: the axis starts at 0.5 and ends at 1.
    expect(c.xAxis).toMatchObject({ min: 0.5, max: 1, name: 'ROC-AUC' });
    expect(c.graphic).toBeUndefined();
  });

  it('another metric on request; below chance ROC-AUC starts the axis at 0', () => {
    const acc = o(buildModelComparisonChart(binary, 'en', 'accuracy'));
    expect(acc.title.text).toBe('Model comparison (Accuracy)');
    expect(acc.yAxis.data).toEqual(['RFM tier rule', 'Logistic regression', 'GBDT', 'BG/NBD P(alive)']);
    expect(acc.series[0].data.map((d: any) => d.value)).toEqual([0.74, 0.71, 0.69, 0.6]);
    // The tier rule is best here: it stays grey (the baseline) but is named and bold.
    expect(acc.series[0].data[0].itemStyle.color).toBe(COMPARISON_COLORS.baseline);
    expect(acc.series[0].data[0].label.fontWeight).toBe('bold');
    expect(acc.title.subtext).toBe('Best: RFM tier rule 0.740 · grey = baseline');
    expect(acc.xAxis.min).toBe(0);
    const weak = o(buildModelComparisonChart({ ...binary, models: { ...binary.models, tierRule: scores({ rocAuc: 0.48, macroF1: 0.4 }) } }, 'ko'));
    expect(weak.xAxis.min).toBe(0);
  });

  it('transition: macro-F1 by default, the model that does not apply named in the note with its reason', () => {
    const ko = o(buildModelComparisonChart(transition, 'ko'));
    expect(ko.title.text).toBe('모델 비교 (매크로 F1)');
    expect(ko.yAxis.data).toEqual(['MLP 신경망', 'RFM 등급 규칙']);
    expect(ko.series[0].data.map((d: any) => d.value)).toEqual([0.2412, 0.1533]);
    expect(ko.title.subtext.split('\n')).toEqual(['최고 모델: MLP 신경망 0.241 · 회색 = 기준선', 'BG/NBD 생존확률: 전이 예측에는 적용되지 않음']);
    expect(ko.xAxis.min).toBe(0);
    const en = o(buildModelComparisonChart(transition, 'en'));
    expect(en.title.subtext).toContain('BG/NBD P(alive): not applicable to transition prediction');
  });

  it('a score that is undefined (one class among the test customers) is named, not drawn as 0', () => {
    const c = o(buildModelComparisonChart({ ...binary, models: { gbdt: scores({ rocAuc: null, macroF1: 0.5 }), logistic: scores({ rocAuc: 0.7, macroF1: 0.5 }) } }, 'ko'));
    expect(c.yAxis.data).toEqual(['로지스틱 회귀']);
    expect(c.title.subtext).toContain('GBDT(그래디언트 부스팅): ROC-AUC 계산 불가');
    // No tier rule: no word on grey.
    expect(c.title.subtext).not.toContain('기준선');
  });

  it('nothing to compare: the frame says so', () => {
    const c = o(buildModelComparisonChart({ ...transition, models: { bgnbd: transition.models.bgnbd } }, 'ko'));
    expect(c.series).toEqual([]);
    expect(c.graphic.style.text).toBe('비교할 모델 결과가 없습니다');
    expect(c.title.subtext).toBe('BG/NBD 생존확률: 전이 예측에는 적용되지 않음');
  });
});

const liftTable: LiftTable = {
  customers: 100,
  positives: 20,
  overallRate: 0.2,
  rows: [3.5, 2, 1.5, 1, 0.5, 0.5, 0.5, 0.5, 0, 0].map((lift, i, all) => ({
    group: i + 1,
    customers: 10,
    positives: lift * 2,
    rate: lift * 0.2,
    lift,
    cumulativeGain: all.slice(0, i + 1).reduce((s, v) => s + v, 0) / 10,
    cumulativeLift: 1,
    minScore: 0,
    maxScore: 1,
  })),
};

describe('lift', () => {
  it('bars are the decile lifts, the line the cumulative gain in % on the second axis, a dashed line at 1', () => {
    const c = o(buildLiftChart(liftTable, 'ko', 'gbdt'));
    expect(c.title.text).toBe('이탈 리프트 — GBDT(그래디언트 부스팅)');
    expect(c.title.subtext).toBe('상위 10% 고객 이탈 적중 ×3.5');
    expect(c.xAxis.data).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(c.xAxis.name).toBe('십분위(예측 점수 높은 순)');
    const [bars, gain] = c.series;
    expect(bars.type).toBe('bar');
    expect(bars.data).toEqual(liftTable.rows.map((r) => r.lift));
    expect(bars.label.formatter({ value: 3.5 })).toBe('3.5');
    expect(bars.markLine.data).toEqual([{ yAxis: 1 }]);
    expect(bars.markLine.lineStyle.type).toBe('dashed');
    expect(gain.type).toBe('line');
    expect(gain.yAxisIndex).toBe(1);
    expect(gain.data.map((v: number) => Math.round(v))).toEqual([35, 55, 70, 80, 85, 90, 95, 100, 100, 100]);
    expect(c.yAxis[1]).toMatchObject({ min: 0, max: 100, name: '누적 이탈 포착률' });
    expect(c.yAxis[1].axisLabel.formatter(50)).toBe('50%');
    expect(c.yAxis[0].name).toBe('리프트(배)');
    expect(c.legend.show).toBe(true);
    expect(c.tooltip.formatter([{ seriesIndex: 0, value: 3.5, axisValue: '1', marker: '', seriesName: '리프트(배)' }, { seriesIndex: 1, value: 35, axisValue: '1', marker: '', seriesName: '누적 이탈 포착률' }])).toBe(
      '십분위(예측 점수 높은 순) 1<br/>리프트(배) ×3.50<br/>누적 이탈 포착률 35%',
    );
  });

  it('in English; no table (no churner): the frame says so', () => {
    const en = o(buildLiftChart(liftTable, 'en', 'mlp'));
    expect(en.title.text).toBe('Churn lift — MLP');
    expect(en.title.subtext).toBe('Top 10% of customers: churn rate ×3.5 the average');
    expect(en.yAxis[0].name).toBe('Lift (×)');
    const none = o(buildLiftChart(null, 'ko', 'mlp'));
    expect(none.series).toEqual([]);
    expect(none.graphic.style.text).toBe('리프트를 계산할 이탈 고객이 없습니다');
    expect(none.title.subtext).toBeUndefined();
  });
});

describe('confusion matrix', () => {
  const matrix = [
    [80, 20],
    [10, 30],
  ];
  it('one cell per pair with its count, coloured by its share of the actual class', () => {
    const c = o(buildConfusionChart(matrix, ['유지', '이탈'], 'ko', 'logistic'));
    expect(c.title.text).toBe('혼동 행렬 — 로지스틱 회귀');
    expect(c.yAxis.data).toEqual(['유지', '이탈']);
    expect(c.yAxis.inverse).toBe(true);
    expect(c.yAxis.name).toBe('실제');
    expect(c.xAxis.name).toBe('예측');
    const cells = c.series[0].data.map((d: any) => d.value);
    expect(cells).toEqual([
      [0, 0, 80, 80],
      [1, 0, 20, 20],
      [0, 1, 25, 10],
      [1, 1, 75, 30],
    ]);
    // The colour reads the share (dimension 2), so each row's diagonal cell is its class's recall.
    expect(c.visualMap.dimension).toBe(2);
    expect(c.visualMap.max).toBe(80);
    expect(c.visualMap.text).toEqual(['80%', '0%']);
    // Dark cells take white figures.
    expect(c.series[0].data[0].label.color).toBe('#ffffff');
    expect(c.series[0].data[1].label.color).toBe('#1f2937');
    // Few classes: count and row share in each cell.
    expect(c.series[0].label.formatter({ value: [0, 0, 80, 80] })).toBe('80\n80%');
    expect(c.title.subtext).toBe('정확도 0.786 · 색: 실제 클래스 안의 비중(대각선 = 재현율)');
    expect(c.tooltip.formatter({ value: [1, 0, 20, 20] })).toBe('실제: 유지<br/>예측: 이탈<br/>20명 (20%)');
    const en = o(buildConfusionChart(matrix, ['Retained', 'Churned'], 'en', 'logistic'));
    expect(en.title.text).toBe('Confusion matrix — Logistic regression');
    expect(en.title.subtext).toBe('Accuracy 0.786 · colour: share of the actual class (diagonal = recall)');
  });

  it('counts in full up to 9,999, compact above; a class absent from the test counts 0 %', () => {
    expect(confusionCount(3954, 'ko')).toBe('3,954');
    expect(confusionCount(12_345, 'ko')).toBe('1.2만');
    expect(confusionCount(12_345, 'en')).toBe('12.3K');
    const c = o(buildConfusionChart([[5, 0], [0, 0]], ['a', 'b'], 'ko', 'gbdt'));
    expect(c.series[0].data.map((d: any) => d.value[2])).toEqual([100, 0, 0, 0]);
  });

  it('20 classes: smaller labels, columns turned as the width needs, counts only where they fit', () => {
    const n = 20;
    const names = Array.from({ length: n }, (_, i) => `${['최우수', '우수', '일반', '기타'][i % 4]}→${['최우수', '우수', '일반', '기타', '비활동'][i % 5]}`);
    const m = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === c ? 500 : r + c)));
    const c = o(buildConfusionChart(m, names, 'ko', 'gbdt'));
    expect(c.series[0].data).toHaveLength(400);
    expect(c.series[0].data[21].value).toEqual([1, 1, (100 * 500) / m[1].reduce((s: number, v: number) => s + v, 0), 500]);
    expect(c.series[0].label.formatter({ value: [0, 0, 50, 500] })).toBe('500');
    expect(c.yAxis.axisLabel).toMatchObject({ interval: 0, fontSize: 10 });
    // The narrowest layout (the base option) turns the names upright and has no room for counts…
    expect(c.xAxis.axisLabel.rotate).toBe(90);
    expect(c.series[0].label.show).toBe(false);
    // …the widest (1200 px and up) turns them 45° and shows the counts.
    const wide = c.media.at(-1);
    expect(wide.query.minWidth).toBe(1200);
    expect(wide.option.xAxis.axisLabel.rotate).toBe(45);
    expect(wide.option.series[0].label.show).toBe(true);
    // Two classes lie flat at every width.
    const two = o(buildConfusionChart(matrix, ['유지', '이탈'], 'ko', 'gbdt'));
    expect([two.xAxis.axisLabel.rotate, ...two.media.map((x: any) => x.option.xAxis.axisLabel.rotate)].every((r) => r === 0)).toBe(true);
    expect(confusionChartHeight(2)).toBe(320);
    expect(confusionChartHeight(20)).toBe(520);
  });

  it('an empty matrix: the frame says so (and no half series in the media)', () => {
    for (const empty of [o(buildConfusionChart([], [], 'ko', 'mlp')), o(buildConfusionChart([[0, 0], [0, 0]], ['a', 'b'], 'ko', 'mlp'))]) {
      expect(empty.series).toEqual([]);
      expect(empty.graphic.style.text).toBe('표시할 데이터가 없습니다');
      expect(empty.media.every((x: any) => x.option.series === undefined)).toBe(true);
    }
  });
});

describe('calibration', () => {
  const curve: CalibrationCurve = {
    brier: 0.14123,
    ece: 0.03871,
    bins: [
      { lower: 0, upper: 0.5, count: 10, meanPredicted: 0.2, observedRate: 0.1 },
      { lower: 0.5, upper: 0.8, count: 0, meanPredicted: null, observedRate: null },
      { lower: 0.8, upper: 1, count: 4, meanPredicted: 0.9, observedRate: 0.75 },
    ],
  };
  it('points of the non-empty bins, the diagonal dashed, Brier and ECE under the title', () => {
    const c = o(buildCalibrationChart(curve, 'ko', 'logistic'));
    expect(c.title.text).toBe('보정 곡선 — 로지스틱 회귀');
    expect(c.title.subtext).toBe('Brier 0.141 · ECE 0.039');
    expect(c.series[0].name).toBe('로지스틱 회귀');
    expect(c.series[0].data).toEqual([
      [0.2, 0.1, 10],
      [0.9, 0.75, 4],
    ]);
    expect(c.series[0].itemStyle.color).toBe(MODEL_COLORS.logistic);
    expect(c.series[1].data).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(c.series[1].lineStyle.type).toBe('dashed');
    expect(c.xAxis).toMatchObject({ min: 0, max: 1, name: '예측 확률(구간 평균)' });
    expect(c.yAxis).toMatchObject({ min: 0, max: 1, name: '실제 이탈률' });
    expect(c.xAxis.axisLabel.formatter(0.30000000000000004)).toBe('0.3');
    expect(c.tooltip.formatter({ seriesIndex: 0, value: [0.9, 0.75, 4] })).toBe('로지스틱 회귀<br/>예측 확률(구간 평균) 0.900<br/>실제 이탈률 0.750<br/>고객 수 4명');
    const en = o(buildCalibrationChart(curve, 'en', 'gbdt'));
    expect(en.title.text).toBe('Calibration — GBDT');
    expect(en.yAxis.name).toBe('Observed churn rate');
    expect(en.series[1].name).toBe('Perfectly calibrated');
  });

  it('no curve, or only empty bins: the frame says so', () => {
    for (const c of [o(buildCalibrationChart(null, 'ko', 'mlp')), o(buildCalibrationChart({ ...curve, bins: [curve.bins[1]] }, 'ko', 'mlp'))]) {
      expect(c.series).toEqual([]);
      expect(c.graphic.style.text).toBe('표시할 데이터가 없습니다');
    }
  });
});

describe('training curves', () => {
  const curves = [
    { model: 'mlp' as const, trainLoss: [0.7, 0.6, 0.5], validLoss: [0.72, 0.61, 0.63] },
    { model: 'gbdt' as const, trainLoss: [0.69, 0.5], validLoss: [null, 0.55] },
  ];
  it('two lines per model, training solid and validation dashed in the model colour, per round', () => {
    const c = o(buildTrainingCurveChart(curves, 'ko'));
    expect(c.title.text).toBe('학습 곡선');
    expect(c.series).toHaveLength(4);
    expect(c.series.map((s: any) => s.name)).toEqual(['MLP 신경망 학습', 'MLP 신경망 검증', 'GBDT(그래디언트 부스팅) 학습', 'GBDT(그래디언트 부스팅) 검증']);
    expect(c.series.map((s: any) => s.lineStyle.type)).toEqual(['solid', 'dashed', 'solid', 'dashed']);
    expect(c.series.map((s: any) => s.lineStyle.color)).toEqual([MODEL_COLORS.mlp, MODEL_COLORS.mlp, MODEL_COLORS.gbdt, MODEL_COLORS.gbdt]);
    expect(c.series[0].data).toEqual([
      [1, 0.7],
      [2, 0.6],
      [3, 0.5],
    ]);
    // A round without a validation loss is a gap, not a zero.
    expect(c.series[3].data).toEqual([
      [1, null],
      [2, 0.55],
    ]);
    expect(c.xAxis.name).toBe('반복(에포크)');
    expect(c.yAxis.name).toBe('로그 손실');
    expect(c.yAxis.scale).toBe(true);
    expect(c.title.subtext).toBe('최저 검증 손실: MLP 신경망 0.610 (2회) · GBDT(그래디언트 부스팅) 0.550 (2회)');
    // Redrawn on every round while training: no animation.
    expect(c.animation).toBe(false);
    const en = o(buildTrainingCurveChart(curves, 'en'));
    expect(en.xAxis.name).toBe('Round (epoch)');
    expect(en.yAxis.name).toBe('Log-loss');
    expect(en.series[1].name).toBe('MLP validation');
    expect(en.title.subtext).toBe('Lowest validation loss: MLP 0.610 (round 2) · GBDT 0.550 (round 2)');
  });

  it('grows with the arrays while training; a first single round shows its points', () => {
    const first = o(buildTrainingCurveChart([{ model: 'gbdt', trainLoss: [0.69], validLoss: [0.7] }], 'ko'));
    expect(first.series).toHaveLength(2);
    expect(first.series[0].showSymbol).toBe(true);
    const later = o(buildTrainingCurveChart([{ model: 'gbdt', trainLoss: [0.69, 0.6, 0.55], validLoss: [0.7, 0.62, 0.6] }], 'ko'));
    expect(later.series[0].data).toHaveLength(3);
    expect(later.series[0].showSymbol).toBe(false);
    // The legend tells validation by a hollow symbol (the dashes hide behind it).
    expect(later.series.map((s: any) => s.symbol)).toEqual(['circle', 'emptyCircle']);
  });

  it('no loss yet (or only non-iterative models): the frame says so', () => {
    for (const c of [o(buildTrainingCurveChart([], 'ko')), o(buildTrainingCurveChart([{ model: 'mlp', trainLoss: [], validLoss: [] }], 'ko'))]) {
      expect(c.series).toEqual([]);
      expect(c.graphic.style.text).toBe('반복 학습 모델(MLP, GBDT)의 손실 기록이 없습니다');
    }
    expect(o(buildTrainingCurveChart([], 'en')).graphic.style.text).toBe('No loss history of an iterative model (MLP, GBDT)');
  });
});
