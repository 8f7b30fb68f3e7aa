import type { EChartsOption } from 'echarts';
import type { ReceiptsPerCustomer } from '../analytics';
import { tooltipFormatter, valueAxis, withNoDataNote, xAxisName } from './common';
import { framed, gridIn, SIDE, type PlotBox } from './frame';
import { label, type Lang } from './labels';
import { formatValue } from './numberFormat';
import { textWidth } from './textWidth';

/** Room the y axis takes left of the bars (its labels, e.g. 1.2만명), as estimated for rotation. */
const Y_LABELS = 56;

/** Customers per receipts-per-customer bucket; the subtitle gives the one-time buyers. */
export function buildReceiptsHistogram(data: ReceiptsPerCustomer, lang: Lang): EChartsOption {
  const bucketName = (lo: number, hi: number | null) => (hi === null ? `${lo}+` : lo === hi ? `${lo}` : `${lo}–${hi}`);
  const names = data.buckets.map((b) => bucketName(b.lo, b.hi));
  const widest = Math.max(0, ...names.map((n) => textWidth(n, 12)));
  // Every bucket labelled (interval 0); where the bars are narrower than their labels, the labels turn.
  const turn = (box: PlotBox) => {
    const band = (box.width - 2 * SIDE - 8 - Y_LABELS) / Math.max(1, names.length);
    return widest + 8 > band ? 40 : 0;
  };
  const option = framed(
    {
      title: label('receiptsPerCustomer', lang),
      notes: [`${label('oneTimeBuyers', lang)} ${formatValue(data.oneTimeBuyers, 'people', lang)} / ${label('customers', lang)} ${formatValue(data.customers, 'people', lang)}`],
    },
    {
      tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('people', lang) },
      xAxis: { type: 'category', ...xAxisName(label('receiptsPerCustomer', lang)), data: names, axisLabel: { interval: 0 } },
      yAxis: valueAxis(label('customers', lang), 'people', lang),
      series: [{ type: 'bar', name: label('customers', lang), data: data.buckets.map((b) => b.customers) }],
    },
    (box) => ({ ...gridIn(box), xAxis: { axisLabel: { rotate: turn(box) } } }),
  );
  return withNoDataNote(option, data.customers === 0, label('noData', lang));
}
