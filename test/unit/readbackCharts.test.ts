import { describe, expect, it } from 'vitest';
import { buildReadbackOutcomeChart, buildReadbackSegmentChart, buildReadbackSeriesChart, pointsText, READBACK_COLORS, segmentKeyLabel } from '../../src/shared/charts';
import type { ReadbackOutcome, ReadbackReport } from '../../src/shared/readback';

/* eslint-disable @typescript-eslint/no-explicit-any */
const o = (option: unknown) => option as any;

const rate = (outcome: ReadbackOutcome['outcome'], treatment: number, control: number, ciLow: number, ciHigh: number, significant: boolean, pValue: number): ReadbackOutcome => ({
  outcome,
  kind: 'rate',
  treatment,
  control,
  uplift: Number((treatment - control).toFixed(6)),
  ratio: control ? treatment / control : null,
  ciLow,
  ciHigh,
  pValue,
  significant,
  required: significant ? undefined : { treatment: 4200, control: 1800, total: 6000 },
});

/** 700 contacted against 300 control over 5 days: 40 % against 25 % bought by the last day. */
const report: ReadbackReport = {
  run: { id: 'readback-1', seconds: 1.2, seed: 42 },
  list: { file: 'list.csv', createdAt: '2022-01-01T00:00:00.000Z', rows: 1050, exportRun: 'export-1', model: 'gbdt' },
  contacts: { from: '2022-01-02', to: '2022-01-02', channels: { 문자: 700 } },
  window: { days: 5, lastDay: '2022-01-06' },
  groups: { treatment: 700, control: 300, notContacted: 50, controlContacted: 0 },
  outcomes: [
    rate('bought', 0.4, 0.25, 0.09, 0.21, true, 0.00001),
    { outcome: 'receipts', kind: 'mean', treatment: 0.5, control: 0.3, uplift: 0.2, ratio: 1.67, ciLow: 0.1, ciHigh: 0.3, pValue: 0.001, significant: true },
    { outcome: 'amount', kind: 'mean', treatment: 4000, control: 2500, uplift: 1500, ratio: 1.6, ciLow: 800, ciHigh: 2200, pValue: 0.001, significant: true },
    rate('boughtRecommended', 0.1, 0.08, -0.018, 0.058, false, 0.31),
  ],
  segments: [
    {
      by: 'riskDecile',
      rows: [
        { key: '1', treatment: { n: 70, bought: 35 }, control: { n: 30, bought: 9 }, uplift: 0.2, ciLow: 0.01, ciHigh: 0.37, significant: true },
        { key: '2', treatment: { n: 70, bought: 21 }, control: { n: 30, bought: 6 }, uplift: 0.1, ciLow: -0.08, ciHigh: 0.26, significant: false },
        { key: '3', treatment: { n: 5, bought: 1 }, control: { n: 0, bought: 0 }, uplift: null, ciLow: null, ciHigh: null, significant: false },
      ],
    },
    { by: 'tier', rows: [{ key: '최우수', treatment: { n: 100, bought: 50 }, control: { n: 40, bought: 12 }, uplift: 0.2, ciLow: 0.03, ciHigh: 0.35, significant: true }] },
  ],
  series: [
    { day: 1, treatment: 0, control: 0 },
    { day: 2, treatment: 0.1, control: 0.05 },
    { day: 3, treatment: 0.3, control: 0.2 },
    { day: 4, treatment: 0.35, control: 0.22 },
    { day: 5, treatment: 0.4, control: 0.25 },
  ],
  recommendedAmongBuyers: { treatment: 0.25, control: 0.32 },
};

const empty: ReadbackReport = { ...report, groups: { treatment: 0, control: 0, notContacted: 0, controlContacted: 0 }, outcomes: [], segments: [], series: [] };

/** Every number in the series data is finite (nulls are gaps, never NaN). */
function noNaN(option: any) {
  for (const s of option.series) {
    for (const d of s.data) for (const v of [d?.value ?? d].flat()) if (typeof v !== 'string' && v !== null) expect(Number.isFinite(v)).toBe(true);
  }
}

describe('points', () => {
  it('writes a difference of shares in points with its sign, ko-KR and en', () => {
    expect(pointsText(0.031, 'ko')).toBe('+3.1%p');
    expect(pointsText(-0.012, 'ko')).toBe('-1.2%p');
    expect(pointsText(0.00001, 'ko')).toBe('0.0%p');
    expect(pointsText(0.03, 'en')).toBe('+3.0 pts');
    expect(pointsText(null, 'ko')).toBe('–');
    expect(segmentKeyLabel('riskDecile', '3', 'ko')).toBe('3분위');
    expect(segmentKeyLabel('riskDecile', '3', 'en')).toBe('D3');
    expect(segmentKeyLabel('tier', '최우수', 'en')).toBe('최우수');
  });
});

describe('read-back series chart', () => {
  it('both groups day by day in %, contacted in blue and control grey, the last day\'s uplift in the note', () => {
    const c = o(buildReadbackSeriesChart(report, 'ko'));
    expect(c.title.text).toBe('발송 후 누적 구매율(발송 vs 대조군)');
    expect(c.title.subtext).toBe('5일째: 발송 40% · 대조군 25% · 차이 +15.0%p');
    expect(c.series.map((s: any) => s.name)).toEqual(['발송', '대조군']);
    expect(c.series.every((s: any) => s.type === 'line')).toBe(true);
    expect(c.series[0].data).toEqual([
      [1, 0],
      [2, 10],
      [3, 30],
      [4, 35],
      [5, 40],
    ]);
    expect(c.series[1].data[4]).toEqual([5, 25]);
    expect(c.series[0].lineStyle.color).toBe(READBACK_COLORS.treatment);
    expect(c.series[1].lineStyle.color).toBe(READBACK_COLORS.control);
    expect(c.xAxis).toMatchObject({ name: '발송 후 일수(발송일 = 1일째)', min: 1, max: 5 });
    expect(c.yAxis).toMatchObject({ name: '구매한 고객 비율', min: 0 });
    const tip = c.tooltip.formatter([
      { seriesName: '발송', marker: '', data: [3, 30] },
      { seriesName: '대조군', marker: '', data: [3, 20] },
    ]);
    expect(tip).toBe('3일째<br/>발송: <b>30%</b><br/>대조군: <b>20%</b>');
    noNaN(c);
  });

  it('in English; no groups: the frame says so', () => {
    const c = o(buildReadbackSeriesChart(report, 'en'));
    expect(c.title.subtext).toBe('Day 5: contacted 40% · control 25% · uplift +15.0 pts');
    expect(c.series.map((s: any) => s.name)).toEqual(['Contacted', 'Control']);
    const none = o(buildReadbackSeriesChart(empty, 'ko'));
    expect(none.series).toEqual([]);
    expect(none.graphic.style.text).toBe('비교할 발송·대조군 고객이 없습니다');
  });
});

describe('read-back outcome chart', () => {
  it('a dot per rate outcome in points, its 95 % interval as a capped line, the zero line, the significant ones filled', () => {
    const c = o(buildReadbackOutcomeChart(report, 'ko'));
    expect(c.title.text).toBe('지표별 차이(발송 − 대조군, 95% 구간)');
    expect(c.title.subtext).toBe('점 = 차이, 선 = 95% 구간, 채운 점 = 유의함\n발송 700명 · 대조군 300명 · 유의한 지표 1개 / 2개');
    // Only the rates: the means (receipts, amount) are not points.
    expect(c.xAxis.data).toEqual(['구매율', '추천 상품 구매율']);
    const [dots, ...whiskers] = c.series;
    expect(dots.type).toBe('scatter');
    expect(dots.data.map((d: any) => d.value)).toEqual([
      ['구매율', 15],
      ['추천 상품 구매율', 2],
    ]);
    expect(dots.markLine.data).toEqual([{ yAxis: 0 }]);
    // Significant: filled; not: hollow.
    expect(dots.data[0].itemStyle.color).toBe(READBACK_COLORS.significant);
    expect(dots.data[1].itemStyle.color).toBe('#fff');
    expect(whiskers).toHaveLength(2);
    expect(whiskers[0].data).toEqual([
      ['구매율', 9],
      ['구매율', 21],
    ]);
    expect(whiskers[1].data).toEqual([
      ['추천 상품 구매율', -1.8],
      ['추천 상품 구매율', 5.8],
    ]);
    expect(whiskers.every((w: any) => w.type === 'line' && w.silent)).toBe(true);
    expect(c.yAxis.name).toBe('차이(%p)');
    expect(c.yAxis.axisLabel.formatter(5)).toBe('+5%p');
    const tip = c.tooltip.formatter({ marker: '', data: dots.data[1] });
    expect(tip).toContain('추천 상품 구매율: <b>+2.0%p</b>');
    expect(tip).toContain('95% 구간 -1.8%p ~ +5.8%p · 유의하지 않음');
    expect(tip).toContain('10% vs 8% · p = 0.3100');
    noNaN(c);
  });

  it('in English; no rate outcome: the frame says so', () => {
    const c = o(buildReadbackOutcomeChart(report, 'en'));
    expect(c.xAxis.data).toEqual(['Purchase rate', 'Bought a recommended product']);
    expect(c.title.subtext).toContain('1 of 2 outcomes significant');
    const none = o(buildReadbackOutcomeChart(empty, 'ko'));
    expect(none.series).toEqual([]);
    expect(none.graphic.style.text).toBe('비율 지표가 없습니다');
  });
});

describe('read-back segment chart', () => {
  it('the purchase rate\'s uplift per risk decile with intervals; a decile without a control has no dot and no line', () => {
    const c = o(buildReadbackSegmentChart(report, 'riskDecile', 'ko'));
    expect(c.title.text).toBe('이탈 위험 십분위별 구매율 차이(95% 구간)');
    expect(c.title.subtext.split('\n')[1]).toBe('발송 145명 · 대조군 60명');
    expect(c.xAxis.data).toEqual(['1분위', '2분위', '3분위']);
    const [dots, ...whiskers] = c.series;
    expect(dots.data.map((d: any) => d.value)).toEqual([
      ['1분위', 20],
      ['2분위', 10],
      ['3분위', null],
    ]);
    expect(whiskers.map((w: any) => w.data[0][0])).toEqual(['1분위', '2분위']);
    expect(c.tooltip.formatter({ marker: '', data: dots.data[0] })).toContain('50% (70명) vs 30% (30명)');
    noNaN(c);
  });

  it('by tier; a breakdown the report lacks: the frame says so', () => {
    const c = o(buildReadbackSegmentChart(report, 'tier', 'en'));
    expect(c.title.text).toBe('Purchase-rate uplift by tier (95 % interval)');
    expect(c.xAxis.data).toEqual(['최우수']);
    const none = o(buildReadbackSegmentChart(report, 'cluster', 'ko'));
    expect(none.series).toEqual([]);
    expect(none.graphic.style.text).toBe('이 구분의 고객이 없습니다');
  });
});
