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
  INACTIVE_COLOR,
  money,
  NEW_COLOR,
  partialMonths,
  tierColor,
  withPeriod,
} from '../../src/shared/charts';
import type { ChainMonthly, EcdfSeries, TransitionCell } from '../../src/shared/analytics';
import { lineCount, textWidth } from '../../src/shared/charts/textWidth';

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
    expect(c.series[0].links).toContainEqual(expect.objectContaining({ source: '우수 (기간1)', target: '비활동 (기간2)', value: 3 }));
    expect(nodes.has('신규 (기간1)')).toBe(false);
  });

  it('churn origin bars in % with the tier names', () => {
    const c = o(buildChurnOriginChart([{ tier: 0, churners: 1, share: 0.25 }, { tier: 3, churners: 3, share: 0.75 }], KO_TIERS, 'ko'));
    expect(c.xAxis.data).toEqual(['최우수', '기타']);
    expect(c.series[0].data.map((d: any) => d.value)).toEqual([25, 75]);
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
    const s = (y: number): EcdfSeries => ({ customers: 1, mean: 0.3, points: [{ x: 0, y }, { x: 1, y: 1 }] });
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

// ───────────── Issue #16: charts that can go on a slide as they are ─────────────

/** The option a card of this width gets: the base, then every media query that matches, in order. */
const atWidth = (option: any, width: number) =>
  (option.media ?? []).filter((m: any) => width >= (m.query.minWidth ?? 0)).reduce((acc: any, m: any) => merge(acc, m.option), option);
const merge = (a: any, b: any): any =>
  Array.isArray(a) && Array.isArray(b) ? a.map((x, i) => (i < b.length ? merge(x, b[i]) : x))
    : a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b) ? Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, k in b ? merge(a[k], b[k]) : a[k]]))
      : b;
const months = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? '2020-12' : `2021-${String(i).padStart(2, '0')}`));
const chainRows: ChainMonthly[] = months(13).flatMap((month) => ['A01', 'A02', 'A03', 'A04', 'A05', 'A06'].map((chain) => ({ month, chain, lines: 10, receipts: 5, revenue: 100 })));

describe('layout: names inside the image, legends that wrap', () => {
  it('estimates text on the wide side and breaks lines where ECharts does (words whole, Hangul anywhere)', () => {
    expect(textWidth('가나다', 12)).toBe(36);
    expect(textWidth('Hypermarket', 12)).toBeGreaterThan(11 * 12 * 0.6); // DejaVu Sans averages ~0.6 em
    expect(lineCount('KL divergence contributions — Other→Inactive · chain and channel', 376, 14)).toBe(2);
    expect(lineCount('KL divergence contributions — Other→Inactive · chain and channel', 1276, 14)).toBe(1);
    expect(lineCount('Dec 2020: data from the 27th\nDec 2021: data up to the 15th', 1000, 12)).toBe(2);
    expect(lineCount('가'.repeat(30), 12 * 10, 12)).toBe(3);
  });

  const cartesian = () => [
    buildMonthlyBuyersChart([{ month: '2021-01', buyers: 1 }], 'en'),
    buildReceiptsHistogram({ buckets: [{ lo: 1, hi: 1, customers: 2 }], customers: 2, oneTimeBuyers: 2, mean: 1, median: 1 }, 'en'),
    buildChainStackedChart(chainRows, { measure: 'lines', asShare: false }, 'en'),
    buildLpayEcdfChart({ segment: { customers: 1, mean: 0.2, points: [] }, all: { customers: 1, mean: 0.2, points: [] }, bestToBest: { customers: 1, mean: 0.2, points: [] } }, 'x', 'en'),
  ].map(o);

  it('axis names stand where the grid makes room for them: x centred under the labels, y above the axis', () => {
    for (const c of cartesian()) {
      expect(c.grid.containLabel).toBeUndefined(); // containLabel leaves names out of the bounds: "Month" ran off the right edge
      expect(c.grid.outerBoundsContain).toBe('all');
      expect(c.xAxis.nameLocation).toBe('middle');
      expect(c.yAxis.nameLocation).toBe('end');
      // Below the title block, whatever the width: the y name stands inside the grid's bounds.
      for (const w of [420, 1300]) expect(atWidth(c, w).grid.top).toBeGreaterThanOrEqual(34);
    }
  });

  it('legends are plain (every series named, wrapping), never paged, with room reserved by width', () => {
    const c = o(buildChainStackedChart(chainRows, { measure: 'lines', asShare: false }, 'en'));
    expect(JSON.stringify(c)).not.toContain('scroll');
    expect(c.legend).toMatchObject({ type: 'plain', show: true });
    expect(c.legend.data).toBeUndefined(); // all six series
    expect(c.series).toHaveLength(6);
    // Six English chain names need three rows on a 420 px card, one on a 1300 px card.
    const narrow = atWidth(c, 420);
    const wide = atWidth(c, 1300);
    expect(narrow.grid.bottom - wide.grid.bottom).toBeGreaterThanOrEqual(2 * 14);
    expect(wide.legend.width).toBeGreaterThan(narrow.legend.width);
    // One series: no legend, the title and the axis name it.
    expect(o(buildMonthlyBuyersChart([{ month: '2021-01', buyers: 1 }], 'ko')).legend.show).toBe(false);
  });

  it('a title too long for a narrow card wraps there, and the plot moves down for its second line', () => {
    const kl = { divergence: 0.1, segmentTotal: 1, allTotal: 1, contributions: [{ category: 'A01:online', p: 0.1, q: 0.1, contribution: 0.1 }] };
    const c = o(buildKlContributionChart(kl, 'Other→Inactive · chain and channel', 'en'));
    expect(atWidth(c, 420).title.textStyle).toMatchObject({ overflow: 'break', width: expect.any(Number) });
    expect(atWidth(c, 1300).title.textStyle.width).toBeUndefined();
    expect(atWidth(c, 420).grid.top).toBeGreaterThan(atWidth(c, 1300).grid.top);
  });

  it('histogram: every bucket labelled; on a narrow card the labels turn instead of colliding', () => {
    const c = o(buildReceiptsHistogram({ buckets: [1, 2, 3, 4, 5, 6, 11, 21, 51, 101].map((lo) => ({ lo, hi: lo === 101 ? null : lo, customers: 1 })), customers: 10, oneTimeBuyers: 1, mean: 1, median: 1 }, 'ko'));
    expect(c.xAxis.axisLabel.interval).toBe(0);
    expect(atWidth(c, 420).xAxis.axisLabel.rotate).toBe(40);
    expect(atWidth(c, 1300).xAxis.axisLabel.rotate).toBe(0);
  });
});

describe('heatmap cell labels', () => {
  const cells: TransitionCell[] = [{ from: 0, to: 0, customers: 35_000, revenueFirst: 123_456_789, revenueSecond: 2_500_000_000 }];
  it('are in the axes compact form, in Korean and English', () => {
    const label = (measure: 'customers' | 'revenueSecond', lang: 'ko' | 'en', v: number) => o(buildTransitionHeatmap(cells, KO_TIERS, measure, lang)).series[0].label.formatter({ value: [0, 0, v] });
    expect(label('revenueSecond', 'ko', 2_500_000_000)).toBe('25억원');
    expect(label('revenueSecond', 'en', 123_456_789)).toBe('₩123.5M');
    expect(label('customers', 'ko', 35_000)).toBe('3.5만명');
    expect(label('customers', 'en', 35_000)).toBe('35K');
  });
  it('the colour scale stands alone under the plot, its ends compact; no legend chip beside it', () => {
    const c = o(buildTransitionHeatmap(cells, KO_TIERS, 'revenueSecond', 'ko'));
    expect(c.legend.show).toBe(false);
    expect(c.visualMap).toMatchObject({ orient: 'horizontal', bottom: 4, text: ['25억원', '0원'] });
    expect(c.grid.bottom).toBeGreaterThanOrEqual(28 + 4);
  });
});

describe('partial first or last month (coverage)', () => {
  it('finds the months the data covers only in part', () => {
    const m = months(13);
    expect(partialMonths(m, { from: '2020-12-27', to: '2021-12-31' })).toEqual([{ month: '2020-12', fromDay: 27, toDay: null }]);
    expect(partialMonths(m, { from: '2020-12-01', to: '2021-12-15' })).toEqual([{ month: '2021-12', fromDay: null, toDay: 15 }]);
    expect(partialMonths(m, { from: '2020-12-01', to: '2021-12-31' })).toEqual([]);
    expect(partialMonths(['2021-02'], { from: '2021-02-01', to: '2021-02-28' })).toEqual([]); // February 2021 has 28 days
    expect(partialMonths(['2020-02'], { from: '2020-02-01', to: '2020-02-28' })).toEqual([{ month: '2020-02', fromDay: null, toDay: 28 }]); // 2020 is a leap year
    expect(partialMonths(['2021-03'], { from: '2021-03-05', to: '2021-03-20' })).toEqual([{ month: '2021-03', fromDay: 5, toDay: 20 }]);
    expect(partialMonths(m, undefined)).toEqual([]);
  });

  it('greys the partial month on every monthly chart and says why under the title (ko and en)', () => {
    const cover = { from: '2020-12-27', to: '2021-12-31' };
    const twelve = months(13);
    const charts = [
      buildMonthlyBuyersChart(twelve.map((month) => ({ month, buyers: 5 })), 'ko', cover),
      buildMonthlyRevenueChart(twelve.map((month) => ({ month, revenue: 5 })), 'ko', 'KRW', cover),
      buildReceiptValueChart(twelve.map((month) => ({ month, receipts: 1, revenue: 5, avgPerReceipt: 5 })), 'ko', 'KRW', cover),
      buildChainStackedChart(chainRows, { measure: 'lines', asShare: false }, 'ko', cover),
      buildChannelSplitChart(twelve.map((month) => ({ month, channel: 'offline' as const, lines: 1, receipts: 1, revenue: 1 })), { measure: 'lines', asShare: true }, 'ko', cover),
      buildAffiliateUsageChart(twelve.map((month) => ({ month, affiliate: 'B01', uses: 1, customers: 1, amount: 1 })), 'ko', cover),
    ].map(o);
    for (const c of charts) {
      expect(c.title.subtext).toBe('2020년 12월은 27일부터의 데이터(불완전한 달)');
      const bands = c.xAxis.splitArea.areaStyle.color;
      expect(bands).toHaveLength(13);
      expect(bands[0]).not.toBe(bands[1]); // December greyed, January clear
      expect(new Set(bands.slice(1)).size).toBe(1);
    }
    // Stacked bars of the partial month are paler; a whole month's stay plain numbers.
    expect(charts[3].series[0].data[0]).toEqual({ value: 10, itemStyle: { opacity: 0.45 } });
    expect(charts[3].series[0].data[1]).toBe(10);
    expect(o(buildMonthlyBuyersChart(twelve.map((month) => ({ month, buyers: 5 })), 'en', { from: '2020-12-27', to: '2021-12-15' })).title.subtext).toBe(
      'Dec 2020: data from the 27th (incomplete month)\nDec 2021: data up to the 15th (incomplete month)',
    );
    expect(o(buildMonthlyBuyersChart([{ month: '2021-03', buyers: 1 }], 'en', { from: '2021-03-02', to: '2021-03-23' })).title.subtext).toBe('Mar 2021: data from the 2nd to the 23rd (incomplete month)');
    // Without coverage (the callers of today) nothing is marked.
    const plain = o(buildMonthlyBuyersChart(twelve.map((month) => ({ month, buyers: 5 })), 'ko'));
    expect(plain.title.subtext).toBeUndefined();
    expect(plain.xAxis.splitArea).toBeUndefined();
  });
});

describe('tier colours', () => {
  const cells: TransitionCell[] = [];
  for (let from = 0; from <= 4; from++) for (let to = 0; to <= 4; to++) if (!(from === 4 && to === 4)) cells.push({ from, to, customers: from + to + 1, revenueFirst: 1, revenueSecond: 1 });
  const chip = (axis: any, i: number) => axis.axisLabel.rich[`s${i}`].backgroundColor;
  const nodeColour = (c: any, name: string) => c.series[0].data.find((n: any) => n.name === name).itemStyle.color;

  it('one fixed colour per tier, the same in the heatmap, the Sankey and the churn bars', () => {
    const heat = o(buildTransitionHeatmap(cells, KO_TIERS, 'customers', 'ko'));
    const sankey = o(buildTransitionSankey(cells, KO_TIERS, 'ko'));
    const churn = o(buildChurnOriginChart([0, 1, 2, 3].map((tier) => ({ tier, churners: 1, share: 0.25 })), KO_TIERS, 'ko'));
    KO_TIERS.forEach((name, i) => {
      expect(chip(heat.yAxis, i)).toBe(tierColor(i));
      expect(chip(heat.xAxis, i)).toBe(tierColor(i));
      expect(nodeColour(sankey, `${name} (기간1)`)).toBe(tierColor(i));
      expect(nodeColour(sankey, `${name} (기간2)`)).toBe(tierColor(i));
      expect(churn.series[0].data[i].itemStyle.color).toBe(tierColor(i));
    });
    expect(new Set(KO_TIERS.map((_, i) => tierColor(i))).size).toBe(4);
    expect(chip(heat.yAxis, 4)).toBe(NEW_COLOR);
    expect(chip(heat.xAxis, 4)).toBe(INACTIVE_COLOR);
    expect(nodeColour(sankey, '신규 (기간1)')).toBe(NEW_COLOR);
    expect(nodeColour(sankey, '비활동 (기간2)')).toBe(INACTIVE_COLOR);
  });

  it('a tier keeps its colour when other tiers have no customers (colours do not follow render order)', () => {
    const without0 = cells.map((c) => (c.from === 0 || c.to === 0 ? { ...c, customers: 0 } : c));
    const sankey = o(buildTransitionSankey(without0, KO_TIERS, 'ko'));
    expect(sankey.series[0].data.some((n: any) => n.name === '최우수 (기간1)')).toBe(false);
    expect(nodeColour(sankey, '우수 (기간1)')).toBe(tierColor(1));
    const churn = o(buildChurnOriginChart([{ tier: 2, churners: 3, share: 1 }], KO_TIERS, 'ko'));
    expect(churn.series[0].data[0].itemStyle.color).toBe(tierColor(2));
  });

  it('Sankey links take their source tier colour, half transparent', () => {
    const sankey = o(buildTransitionSankey(cells, KO_TIERS, 'ko'));
    expect(sankey.series[0].links).toHaveLength(24);
    for (const link of sankey.series[0].links) {
      expect(link.lineStyle.color).toBe(nodeColour(sankey, link.source));
      expect(link.lineStyle.opacity).toBeGreaterThan(0);
      expect(link.lineStyle.opacity).toBeLessThan(1);
    }
    expect(new Set(sankey.series[0].links.map((l: any) => l.lineStyle.color)).size).toBe(5); // four tiers and 신규, not one grey
  });
});

describe('saved images: title and data period', () => {
  it('the period becomes the first line under the title, and the plot moves down for it at every width', () => {
    const c = o(buildChainStackedChart(chainRows, { measure: 'lines', asShare: false }, 'ko', { from: '2020-12-27', to: '2021-12-31' }));
    const saved = o(withPeriod(c, '2020-12-27 ~ 2021-12-31'));
    expect(saved.title.text).toBe(c.title.text);
    expect(saved.title.subtext).toBe('2020-12-27 ~ 2021-12-31\n2020년 12월은 27일부터의 데이터(불완전한 달)');
    for (const w of [420, 700, 1300]) expect(atWidth(saved, w).grid.top).toBe(atWidth(c, w).grid.top + 15);
    expect(saved.toolbox).toBeUndefined();
    // Without a subtitle before, the gap under the title comes too; the Sankey's own box moves.
    const sankey = o(buildTransitionSankey([{ from: 0, to: 0, customers: 1, revenueFirst: 1, revenueSecond: 1 }], KO_TIERS, 'ko'));
    const savedSankey = o(withPeriod(sankey, '2021-01-01 ~ 2021-12-31'));
    expect(savedSankey.title.subtext).toBe('2021-01-01 ~ 2021-12-31');
    expect(savedSankey.series[0].top).toBe(sankey.series[0].top + 15 + 4);
    expect(atWidth(savedSankey, 1300).series[0].top).toBe(atWidth(sankey, 1300).series[0].top + 15 + 4);
    // No period: the option as it is.
    expect(withPeriod(c, undefined)).toBe(c);
  });
});

describe('charts without data say so in their frame', () => {
  const empty = { customers: 0, mean: null, points: [] };
  const none: [string, unknown, string][] = [
    ['monthly buyers', buildMonthlyBuyersChart([], 'ko'), '표시할 데이터가 없습니다'],
    ['histogram', buildReceiptsHistogram({ buckets: [{ lo: 1, hi: 1, customers: 0 }], customers: 0, oneTimeBuyers: 0, mean: 0, median: 0 }, 'ko'), '표시할 데이터가 없습니다'],
    ['chains', buildChainStackedChart([], { measure: 'lines', asShare: false }, 'ko'), '이 데이터에는 체인 정보가 없습니다'],
    ['channels', buildChannelSplitChart([], { measure: 'lines', asShare: false }, 'en'), 'This data has no online/offline split'],
    ['affiliates', buildAffiliateUsageChart([], 'ko'), '이 데이터에는 제휴사 이용 정보가 없습니다'],
    ['affiliate KL', buildKlContributionChart({ divergence: 0, segmentTotal: 0, allTotal: 0, contributions: [] }, 'x', 'ko', 'noAffiliates'), '이 데이터에는 제휴사 이용 정보가 없습니다'],
    ['L.pay', buildLpayEcdfChart({ segment: empty, all: empty, bestToBest: empty }, 'x', 'en'), 'This data has no L.pay payments'],
    ['heatmap', buildTransitionHeatmap([{ from: 0, to: 0, customers: 0, revenueFirst: 0, revenueSecond: 0 }], KO_TIERS, 'customers', 'ko'), '두 기간 모두 구매 고객이 없습니다'],
    ['Sankey', buildTransitionSankey([], KO_TIERS, 'en'), 'No customer bought in either period'],
    ['churn origin', buildChurnOriginChart([{ tier: 0, churners: 0, share: 0 }], KO_TIERS, 'ko'), '비활동으로 바뀐 고객이 없습니다'],
  ];
  it.each(none)('%s: the note in the frame, the title kept, no empty axes or legend', (_, option, note) => {
    const c = o(option);
    expect(c.graphic.style.text).toBe(note);
    expect(c.title.text).toBeTruthy();
    expect(c.series).toEqual([]);
    expect(c.legend.show).toBe(false);
    for (const axis of [c.xAxis, c.yAxis].filter(Boolean)) expect(axis.show).toBe(false);
  });
  it('a chart with data has no note', () => {
    expect(o(buildChainStackedChart(chainRows, { measure: 'lines', asShare: false }, 'ko')).graphic).toBeUndefined();
    expect(o(buildChurnOriginChart([{ tier: 0, churners: 1, share: 1 }], KO_TIERS, 'ko')).graphic).toBeUndefined();
  });
});
