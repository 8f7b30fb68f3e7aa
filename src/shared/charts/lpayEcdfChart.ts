import type { EChartsOption } from 'echarts';
import type { EcdfSeries, SegmentProfile } from '../analytics';
import { tooltipFormatter, valueAxis, withNoDataNote } from './common';
import { framed } from './frame';
import { label, type Lang } from './labels';
import { tierColor } from './tierPalette';

/** ECDF step lines of the per-customer L.pay usage ratio: the segment, all customers, 최우수→최우수. */
export function buildLpayEcdfChart(lpay: SegmentProfile['lpay'], segmentName: string, lang: Lang): EChartsOption {
  const line = (name: string, s: EcdfSeries, style: { color: string; type?: 'dashed' }) => ({
    type: 'line' as const,
    name,
    step: 'end' as const,
    showSymbol: false,
    itemStyle: { color: style.color },
    lineStyle: { color: style.color, type: style.type ?? ('solid' as const) },
    data: s.points.map((p) => [100 * p.x, 100 * p.y]),
  });
  const names = [segmentName, label('allCustomers', lang), label('bestToBest', lang)];
  // No customer paid with L.pay at all (a project without the L.pay file, or an imported CSV).
  const empty = lpay.all.customers === 0 || !lpay.all.mean;
  const option = framed(
    { title: label('lpayTitle', lang), legend: names },
    {
      tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('percent', lang) },
      xAxis: valueAxis(label('lpayRatio', lang), 'percent', lang, { min: 0, max: 100 }, 'x'),
      yAxis: valueAxis(label('cumulativeShare', lang), 'percent', lang, { min: 0, max: 100 }),
      // The segment stands out; all customers grey; 최우수→최우수 in the top tier's colour, dashed.
      series: [line(names[0], lpay.segment, { color: '#c2410c' }), line(names[1], lpay.all, { color: '#6b7280' }), line(names[2], lpay.bestToBest, { color: tierColor(0), type: 'dashed' })],
    },
  );
  return withNoDataNote(option, empty, label('noLpay', lang));
}
