import { describe, expect, it } from 'vitest';
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
  formatAxis,
  formatValue,
  money,
} from '../../src/shared/charts';
import type { ChainMonthly, EcdfSeries, TransitionCell } from '../../src/shared/analytics';

/* eslint-disable @typescript-eslint/no-explicit-any */
const o = (option: unknown) => option as any;
const KO_TIERS = ['최우수', '우수', '일반', '기타'];

describe('number formats (ko-KR)', () => {
  it('writes 원, 명, 건 and % after the number, and compact axis figures', () => {
    expect(formatValue(1234, money('KRW'), 'ko')).toBe('1,234원');
    expect(formatValue(1234, 'people', 'ko')).toBe('1,234명');
    expect(formatValue(1234, 'count', 'ko')).toBe('1,234건');
    expect(formatValue(12.345, 'percent', 'ko')).toBe('12.3%');
    expect(formatValue(1234, money('KRW'), 'en')).toBe('₩1,234');
    expect(formatAxis(123_456_789, money('KRW'), 'ko')).toBe('1.2억원');
    expect(formatAxis(35_000, 'people', 'ko')).toBe('3.5만명');
    expect(formatValue(null, money(), 'ko')).toBe('–');
    // Another currency leads with its sign and keeps its cents; negative amounts put the minus first.
    expect(formatValue(1234.5, money('USD'), 'en')).toBe('$1,234.5');
    expect(formatValue(-58.550000000000004, money('USD'), 'ko')).toBe('-$58.55');
    expect(formatValue(12, money('EUR'), 'ko')).toBe('€12');
  });
});

describe('overview charts', () => {
  it('monthly buyers and revenue: one line, Korean axis names, formatted ticks and tooltips, save as image', () => {
    const buyers = o(buildMonthlyBuyersChart([{ month: '2021-01', buyers: 1234 }, { month: '2021-02', buyers: 99 }], 'ko'));
    expect(buyers.series).toHaveLength(1);
    expect(buyers.series[0].type).toBe('line');
    expect(buyers.xAxis.data).toEqual(['2021-01', '2021-02']);
    expect(buyers.yAxis.name).toBe('구매 고객 수');
    expect(buyers.tooltip.valueFormatter(1234)).toBe('1,234명');
    expect(buyers.toolbox).toBeUndefined(); // one save path (the page's buttons), no icon in the image
    // A chart whose data the project lacks says so in its frame.
    expect(o(buildAffiliateUsageChart([], 'ko')).graphic.style.text).toBe('이 데이터에는 제휴사 이용 정보가 없습니다');
    expect(o(buildAffiliateUsageChart([{ month: '2021-01', affiliate: 'B01', uses: 3, customers: 2, amount: 9000 }], 'ko')).graphic).toBeUndefined();
    const revenue = o(buildMonthlyRevenueChart([{ month: '2021-01', revenue: 1234 }], 'ko'));
    expect(revenue.tooltip.valueFormatter(1234)).toBe('1,234원');
    expect(revenue.yAxis.axisLabel.formatter(1234)).toBe('1.2천원');
    expect(o(buildMonthlyRevenueChart([], 'en')).yAxis.name).toBe('Revenue');
  });

  it('average per receipt is rounded to whole won', () => {
    const c = o(buildReceiptValueChart([{ month: '2021-01', receipts: 3, revenue: 3800, avgPerReceipt: 3800 / 3 }], 'ko'));
    expect(c.series[0].data).toEqual([1267]);
    expect(c.title.text).toBe('영수증당 평균 금액');
  });

  it('receipts-per-customer histogram names the buckets and gives the one-time buyers', () => {
    const c = o(
      buildReceiptsHistogram(
        { buckets: [{ lo: 1, hi: 1, customers: 2 }, { lo: 6, hi: 10, customers: 5 }, { lo: 101, hi: null, customers: 1 }], customers: 8, oneTimeBuyers: 2, mean: 3, median: 2 },
        'ko',
      ),
    );
    expect(c.xAxis.data).toEqual(['1', '6–10', '101+']);
    expect(c.series[0].data).toEqual([2, 5, 1]);
    expect(c.xAxis.axisLabel.interval).toBe(0); // every bar labelled
    expect(c.title.subtext).toBe('1회 구매 고객 2명 / 고객 수 8명');
  });

  const chains: ChainMonthly[] = [
    { month: '2021-01', chain: 'A01', lines: 30, receipts: 10, revenue: 1 },
    { month: '2021-01', chain: 'A02', lines: 10, receipts: 5, revenue: 1 },
    { month: '2021-02', chain: 'A02', lines: 20, receipts: 8, revenue: 1 },
  ];

  it('chain bars are stacked, one series per chain, zero where a month lacks a chain', () => {
    const c = o(buildChainStackedChart(chains, { measure: 'lines', asShare: false }, 'ko'));
    expect(c.series.map((s: any) => s.name)).toEqual(['A01 백화점', 'A02 대형마트']);
    expect(c.series.every((s: any) => s.type === 'bar' && s.stack === 'total')).toBe(true);
    expect(c.series[0].data).toEqual([30, 0]);
    expect(c.series[1].data).toEqual([10, 20]);
    expect(c.tooltip.valueFormatter(1234)).toBe('1,234건');
  });

  it('chain shares add up to 100 % per month', () => {
    const c = o(buildChainStackedChart(chains, { measure: 'receipts', asShare: true }, 'ko'));
    expect(c.series[0].data[0]).toBeCloseTo((100 * 10) / 15, 12);
    expect(c.series[0].data[0] + c.series[1].data[0]).toBeCloseTo(100, 12);
    expect(c.series[1].data[1]).toBe(100);
    expect(c.yAxis.max).toBe(100);
    expect(c.yAxis.axisLabel.formatter(40)).toBe('40%');
  });

  it('online/offline split: two stacked series in Korean', () => {
    const c = o(
      buildChannelSplitChart(
        [
          { month: '2021-01', channel: 'offline', lines: 9, receipts: 3, revenue: 900 },
          { month: '2021-01', channel: 'online', lines: 1, receipts: 1, revenue: 100 },
        ],
        { measure: 'revenue', asShare: false },
        'ko',
      ),
    );
    expect(c.series.map((s: any) => s.name)).toEqual(['오프라인', '온라인']);
    expect(c.series.map((s: any) => s.data[0])).toEqual([900, 100]);
    expect(c.tooltip.valueFormatter(900)).toBe('900원');
  });

  it('affiliate usage: one line per affiliate in B01…E01 order', () => {
    const c = o(
      buildAffiliateUsageChart(
        [
          { month: '2021-01', affiliate: 'D01', uses: 4, customers: 2, amount: 1 },
          { month: '2021-02', affiliate: 'B01', uses: 1, customers: 1, amount: 1 },
        ],
        'ko',
      ),
    );
    expect(c.series.map((s: any) => s.name)).toEqual(['B01 숙박', 'D01 식음료1']);
    expect(c.series[0].data).toEqual([0, 1]);
    expect(c.series[1].data).toEqual([4, 0]);
  });
});

describe('segment charts', () => {
  const cells: TransitionCell[] = [];
  for (let from = 0; from <= 4; from++) for (let to = 0; to <= 4; to++) if (!(from === 4 && to === 4)) cells.push({ from, to, customers: from === to ? 10 : from === 1 && to === 4 ? 3 : 0, revenueFirst: 0, revenueSecond: 5 });

  it('heatmap: tier rows with 신규, tier columns with 비활동, one cell per pair', () => {
    const c = o(buildTransitionHeatmap(cells, KO_TIERS, 'customers', 'ko'));
    expect(c.yAxis.data).toEqual(['최우수', '우수', '일반', '기타', '신규']);
    expect(c.xAxis.data).toEqual(['최우수', '우수', '일반', '기타', '비활동']);
    expect(c.series[0].data).toHaveLength(24);
    expect(c.series[0].data).toContainEqual([4, 1, 3]);
    expect(c.visualMap.max).toBe(10);
    expect(c.tooltip.formatter({ value: [4, 1, 3] })).toBe('우수 → 비활동<br/>3명');
    // Cell labels compact, as the axes: 123,456,789원 reads 1.2억원 (the tooltip keeps the full value).
    const revenue = o(buildTransitionHeatmap(cells, KO_TIERS, 'revenueSecond', 'ko'));
    expect(revenue.series[0].label.formatter({ value: [0, 0, 123_456_789] })).toBe('1.2억원');
    expect(revenue.tooltip.formatter({ value: [0, 0, 123_456_789] })).toBe('최우수 → 최우수<br/>123,456,789원');
    expect(o(buildTransitionHeatmap(cells, ['Best', 'Good', 'Regular', 'Other'], 'revenueSecond', 'en')).xAxis.data.at(-1)).toBe('Inactive');
  });

  it('Sankey: links only between existing nodes, none of zero width, names unique per period', () => {
    const c = o(buildTransitionSankey(cells, KO_TIERS, 'ko'));
    const nodes = new Set(c.series[0].data.map((n: any) => n.name));
    expect(nodes.size).toBe(c.series[0].data.length);
    expect(c.series[0].links.length).toBe(5); // four diagonal cells and 우수 → 비활동 (신규 → 신규 does not exist)
    for (const link of c.series[0].links) {
      expect(nodes.has(link.source)).toBe(true);
      expect(nodes.has(link.target)).toBe(true);
      expect(link.value).toBeGreaterThan(0);
    }
    expect(c.series[0].links).toContainEqual({ source: '우수 (기간1)', target: '비활동 (기간2)', value: 3 });
    expect(nodes.has('신규 (기간1)')).toBe(false);
  });

  it('churn origin bars in % with the tier names', () => {
    const c = o(buildChurnOriginChart([{ tier: 0, churners: 1, share: 0.25 }, { tier: 3, churners: 3, share: 0.75 }], KO_TIERS, 'ko'));
    expect(c.xAxis.data).toEqual(['최우수', '기타']);
    expect(c.series[0].data).toEqual([25, 75]);
    expect(c.series[0].label.formatter({ value: 75 })).toBe('75%');
  });

  it('KL bars: largest contribution on top, Korean category names, divergence in the subtitle', () => {
    const c = o(
      buildKlContributionChart(
        {
          divergence: 0.5,
          segmentTotal: 1,
          allTotal: 1,
          contributions: [
            { category: 'A04:offline', p: 0.5, q: 0.2, contribution: 0.45 },
            { category: 'A01:online', p: 0.1, q: 0.1, contribution: 0 },
          ],
        },
        '기타→비활동',
        'ko',
      ),
    );
    expect(c.yAxis.data).toEqual(['A01 백화점 온라인', 'A04 편의점 오프라인']);
    expect(c.series[0].data).toEqual([0, 0.45]);
    expect(c.title.subtext).toBe('KL = 0.5 nat');
  });

  it('L.pay ECDF: three step lines in percent', () => {
    const s = (y: number): EcdfSeries => ({ customers: 1, mean: 0, points: [{ x: 0, y }, { x: 1, y: 1 }] });
    const c = o(buildLpayEcdfChart({ segment: s(0.5), all: s(0.7), bestToBest: s(0.2) }, '기타→비활동', 'ko'));
    expect(c.series.map((x: any) => x.name)).toEqual(['기타→비활동', '전체 고객', '최우수→최우수']);
    expect(c.series.every((x: any) => x.step === 'end')).toBe(true);
    expect(c.series[1].data).toEqual([[0, 70], [100, 100]]);
    expect(c.xAxis.max).toBe(100);
  });
});

describe('axis numbers', () => {
  it('small plain values keep two significant digits and zero has no sign', async () => {
    const { formatAxis } = await import('../../src/shared/charts/numberFormat');
    expect(formatAxis(-0.05, 'plain', 'ko')).toBe('-0.05');
    expect(formatAxis(0.125, 'plain', 'ko')).toBe('0.13');
    expect(formatAxis(-0, 'plain', 'ko')).toBe('0');
    expect(formatAxis(12_000, 'count', 'ko')).toBe('1.2만건');
  });
});
