import type { EChartsOption } from 'echarts';
import type { ReceiptsPerCustomer } from '../analytics';
import { baseOption, tooltipFormatter, valueAxis } from './common';
import { label, type Lang } from './labels';
import { formatValue } from './numberFormat';

/** Customers per receipts-per-customer bucket; the subtitle gives the one-time buyers. */
export function buildReceiptsHistogram(data: ReceiptsPerCustomer, lang: Lang): EChartsOption {
  const bucketName = (lo: number, hi: number | null) => (hi === null ? `${lo}+` : lo === hi ? `${lo}` : `${lo}–${hi}`);
  const base = baseOption(label('receiptsPerCustomer', lang), 'receipts-per-customer', lang);
  return {
    ...base,
    title: {
      ...(base.title as object),
      subtext: `${label('oneTimeBuyers', lang)} ${formatValue(data.oneTimeBuyers, 'people', lang)} / ${label('customers', lang)} ${formatValue(data.customers, 'people', lang)}`,
    },
    grid: { left: 72, right: 24, top: 64, bottom: 56, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('people', lang) },
    // Every bucket labelled (ECharts skips every other one when they are crowded).
    xAxis: { type: 'category', name: label('receiptsPerCustomer', lang), data: data.buckets.map((b) => bucketName(b.lo, b.hi)), axisLabel: { interval: 0 } },
    yAxis: valueAxis(label('customers', lang), 'people', lang),
    series: [{ type: 'bar', name: label('customers', lang), data: data.buckets.map((b) => b.customers) }],
  };
}
