import type { EChartsOption } from 'echarts';
import type { EcdfSeries, SegmentProfile } from '../analytics';
import { baseOption, tooltipFormatter, valueAxis, withNoDataNote } from './common';
import { label, type Lang } from './labels';

/** ECDF step lines of the per-customer L.pay usage ratio: the segment, all customers, 최우수→최우수. */
export function buildLpayEcdfChart(lpay: SegmentProfile['lpay'], segmentName: string, lang: Lang): EChartsOption {
  const line = (name: string, s: EcdfSeries) => ({
    type: 'line' as const,
    name,
    step: 'end' as const,
    showSymbol: false,
    data: s.points.map((p) => [100 * p.x, 100 * p.y]),
  });
  // No customer paid with L.pay at all (a project without the L.pay file, or an imported CSV).
  const empty = lpay.all.customers === 0 || !lpay.all.mean;
  return withNoDataNote({
    ...baseOption(label('lpayTitle', lang), 'lpay-ecdf', lang),
    tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('percent', lang) },
    xAxis: valueAxis(label('lpayRatio', lang), 'percent', lang, { min: 0, max: 100 }),
    yAxis: valueAxis(label('cumulativeShare', lang), 'percent', lang, { min: 0, max: 100 }),
    series: [line(segmentName, lpay.segment), line(label('allCustomers', lang), lpay.all), line(label('bestToBest', lang), lpay.bestToBest)],
  }, empty, label('noLpay', lang));
}
