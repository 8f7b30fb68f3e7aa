import type { EChartsOption } from 'echarts';
import type { MonthlyBuyers, MonthlyReceiptValue, MonthlyRevenue } from '../analytics';
import { tooltipFormatter, valueAxis, withNoDataNote, xAxisName } from './common';
import { partialMonthBands, partialMonthNote, partialMonths, type Coverage } from './coverage';
import { framed } from './frame';
import { label, type Lang, type LabelKey } from './labels';
import { money, type Unit } from './numberFormat';
import { roundAmount } from '../money';

/** A partial month's point: grey, as its band. */
const PARTIAL_POINT = '#9aa1ab';

/**
 * One line over the months: the shape of the buyers, revenue and receipt-value charts. A month the
 * coverage only partly covers is greyed and named under the title (its dip is not a real drop).
 */
function monthlyLine(months: string[], values: number[], name: LabelKey, unit: Unit, lang: Lang, coverage: Coverage | null | undefined): EChartsOption {
  const partials = partialMonths(months, coverage);
  const partial = new Set(partials.map((p) => p.month));
  const option = framed(
    { title: label(name, lang), notes: partials.map((p) => partialMonthNote(p, lang)) },
    {
      tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter(unit, lang) },
      xAxis: { type: 'category', ...xAxisName(label('month', lang)), data: months, splitArea: partialMonthBands(months, partials) },
      yAxis: valueAxis(label(name, lang), unit, lang),
      series: [{ type: 'line', name: label(name, lang), data: values.map((v, i) => (partial.has(months[i]) ? { value: v, itemStyle: { color: PARTIAL_POINT } } : v)), smooth: false, symbolSize: 6 }],
    },
  );
  return withNoDataNote(option, months.length === 0, label('noData', lang));
}

export function buildMonthlyBuyersChart(rows: readonly MonthlyBuyers[], lang: Lang, coverage?: Coverage | null): EChartsOption {
  return monthlyLine(rows.map((r) => r.month), rows.map((r) => r.buyers), 'buyers', 'people', lang, coverage);
}

export function buildMonthlyRevenueChart(rows: readonly MonthlyRevenue[], lang: Lang, currency?: string, coverage?: Coverage | null): EChartsOption {
  const unit = money(currency);
  return monthlyLine(rows.map((r) => r.month), rows.map((r) => roundAmount(r.revenue, unit.currency)), 'revenue', unit, lang, coverage);
}

/** The average per receipt, rounded to the currency's digits (whole won). */
export function buildReceiptValueChart(rows: readonly MonthlyReceiptValue[], lang: Lang, currency?: string, coverage?: Coverage | null): EChartsOption {
  const unit = money(currency);
  return monthlyLine(rows.map((r) => r.month), rows.map((r) => roundAmount(r.avgPerReceipt, unit.currency)), 'avgPerReceipt', unit, lang, coverage);
}
