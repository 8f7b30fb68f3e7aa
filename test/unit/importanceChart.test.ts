import { describe, expect, it } from 'vitest';
import { buildImportanceChart, IMPORTANCE_SHOWN, importanceChartHeight } from '../../src/shared/charts';
import { featureLabel } from '../../src/shared/featureNames';
import { modelImportance } from '../../src/main/services/models/churn/importance';
import type { FeatureImportanceSummary } from '../../src/shared/models';

/* eslint-disable @typescript-eslint/no-explicit-any */
const o = (option: unknown) => option as any;

describe('feature names', () => {
  it('fixed features and per-chain ones in Korean and English; an unknown key stays as it is', () => {
    expect(featureLabel('recency_days', 'ko')).toBe('마지막 구매 후 경과일');
    expect(featureLabel('recency_days', 'en')).toBe('Days since last purchase');
    expect(featureLabel('share_amount_a01', 'ko')).toBe('A01 백화점 구매금액 비중');
    expect(featureLabel('rank_amount_a06', 'en')).toBe('A06 Online mall: amount rank (percentile)');
    expect(featureLabel('uses_c02', 'ko')).toBe('C02 엔터테인먼트2 이용 건수');
    // A mapped file's own chain key: its code, no name.
    expect(featureLabel('share_lines_c7', 'ko')).toBe('C7 구매 라인 비중');
    expect(featureLabel('something_new', 'ko')).toBe('something_new');
  });
});

describe('permutation importance of a model', () => {
  it('the feature the model reads leads; features it ignores drop exactly 0; seeded', () => {
    // y = 1 when feature 1 > 0; the "model" reads feature 1 only.
    const n = 600;
    const d = 3;
    const x = new Float32Array(n * d);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) x[i * d + j] = Math.sin(i * (j + 1) * 1.7 + j);
      y[i] = x[i * d + 1] > 0 ? 1 : 0;
    }
    const predict = (m: Float32Array, rows: number) => Float64Array.from({ length: rows }, (_, i) => 1 / (1 + Math.exp(-4 * m[i * d + 1])));
    const a = modelImportance(predict, x, y, d, 2, ['a', 'b', 'c'], 5);
    expect(a.baseline).toBe(1);
    expect(a.features[0].feature).toBe('b');
    expect(a.features[0].mean).toBeGreaterThan(0.3);
    expect(a.features.slice(1).map((f) => f.mean)).toEqual([0, 0]);
    expect(a.rows).toBe(n);
    const b = modelImportance(predict, x, y, d, 2, ['a', 'b', 'c'], 5);
    expect(b.features).toEqual(a.features);
  });

  it('beyond the row cap it measures on a seeded sample', () => {
    const n = 5000;
    const x = Float32Array.from({ length: n }, (_, i) => Math.cos(i));
    const y = Int32Array.from(x, (v) => (v > 0 ? 1 : 0));
    const s = modelImportance((m, rows) => Float64Array.from(m.subarray(0, rows)), x, y, 1, 2, ['only'], 1);
    expect(s.rows).toBe(3000);
    expect(s.features[0].mean).toBeGreaterThan(0.3);
  });
});

const summary = (features: { feature: string; mean: number }[]): FeatureImportanceSummary => ({
  metric: 'rocAuc',
  baseline: 0.9,
  rows: 1234,
  repeats: 3,
  features: features.map((f) => ({ ...f, std: 0.001 })),
  seconds: 0.5,
});

describe('importance chart', () => {
  it('the top features, largest first, named in Korean; a drop ≤ 0 grey; the note says on what it was measured', () => {
    const features = Array.from({ length: 20 }, (_, i) => ({ feature: i === 0 ? 'share_amount_a01' : i === 1 ? 'recency_days' : `f${i}`, mean: 0.1 - i * 0.01 }));
    const c = o(buildImportanceChart(summary(features), 'ko', 'gbdt'));
    expect(c.yAxis.data).toHaveLength(IMPORTANCE_SHOWN);
    expect(c.yAxis.data.slice(0, 2)).toEqual(['A01 백화점 구매금액 비중', '마지막 구매 후 경과일']);
    expect(c.series[0].data[0].value).toBe(0.1);
    expect(c.series[0].data[0].itemStyle.color).not.toBe(c.series[0].data[12].itemStyle.color);
    expect(c.series[0].data[12].value).toBeCloseTo(-0.02, 10);
    expect(c.title.text).toBe('변수 중요도(순열) · GBDT(그래디언트 부스팅)');
    expect(c.title.subtext).toContain('테스트 고객 1,234명');
    expect(c.xAxis.name).toBe('섞었을 때 ROC-AUC 감소');
    expect(importanceChartHeight(20)).toBeGreaterThan(importanceChartHeight(3));
  });

  it('in English; nothing to show: the frame says so', () => {
    const c = o(buildImportanceChart({ ...summary([]), metric: 'macroRocAuc' }, 'en', 'mlp'));
    expect(c.graphic.style.text).toBe('No feature importance for this model');
    expect(c.xAxis.name).toBe('Drop in macro ROC-AUC when shuffled');
  });
});
