import type { EChartsOption } from 'echarts';
import type { MonthlyBuyers, MonthlyReceiptValue, MonthlyRevenue } from '../analytics';
import { baseOption, tooltipFormatter, valueAxis } from './common';
import { label, type Lang, type LabelKey } from './labels';
import { money, type Unit } from './numberFormat';
import { roundAmount } from '../money';

/** One line over the months: the shape of the buyers, revenue and receipt-value charts. */
function monthlyLine(months: string[], values: number[], name: LabelKey, unit: Unit, fileName: string, lang: Lang): EChartsOption {
  return {
    ...baseOption(label(name, lang), fileName, lang),
    tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter(unit, lang) },
    xAxis: { type: 'category', name: label('month', lang), data: months },
    yAxis: valueAxis(label(name, lang), unit, lang),
    series: [{ type: 'line', name: label(name, lang), data: values, smooth: false, symbolSize: 6 }],
  };
}

export function buildMonthlyBuyersChart(rows: readonly MonthlyBuyers[], lang: Lang): EChartsOption {
  return monthlyLine(rows.map((r) => r.month), rows.map((r) => r.buyers), 'buyers', 'people', 'monthly-buyers', lang);
}

export function buildMonthlyRevenueChart(rows: readonly MonthlyRevenue[], lang: Lang, currency?: string): EChartsOption {
  const unit = money(currency);
  return monthlyLine(rows.map((r) => r.month), rows.map((r) => roundAmount(r.revenue, unit.currency)), 'revenue', unit, 'monthly-revenue', lang);
}

/** The average per receipt, rounded to the currency's digits (whole won). */
export function buildReceiptValueChart(rows: readonly MonthlyReceiptValue[], lang: Lang, currency?: string): EChartsOption {
  const unit = money(currency);
  return monthlyLine(rows.map((r) => r.month), rows.map((r) => roundAmount(r.avgPerReceipt, unit.currency)), 'avgPerReceipt', unit, 'avg-per-receipt', lang);
}
