import type { EChartsOption } from 'echarts';
import { baseOption, monthsOf, tooltipFormatter, valueAxis } from './common';
import type { Lang } from './labels';
import type { Unit } from './numberFormat';

export interface StackedInput {
  rows: readonly { month: string; key: string; value: number }[];
  keys: readonly string[];
  keyLabel: (key: string) => string;
  title: string;
  axisName: string;
  unit: Unit;
  /** Each month's bars as percentages of that month's total. */
  asShare: boolean;
  fileName: string;
}

/** Stacked monthly bars, one series per key, zero where a month lacks a key. */
export function stackedMonthly(input: StackedInput, lang: Lang): EChartsOption {
  const months = monthsOf(input.rows);
  const value = new Map(input.rows.map((r) => [`${r.month}|${r.key}`, r.value]));
  const totals = months.map((m) => input.keys.reduce((a, k) => a + (value.get(`${m}|${k}`) ?? 0), 0));
  const unit: Unit = input.asShare ? 'percent' : input.unit;
  return {
    ...baseOption(input.title, input.fileName, lang),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipFormatter(unit, lang) },
    xAxis: { type: 'category', data: months },
    yAxis: valueAxis(input.axisName, unit, lang, input.asShare ? { max: 100 } : {}),
    series: input.keys.map((key) => ({
      type: 'bar' as const,
      name: input.keyLabel(key),
      stack: 'total',
      data: months.map((m, i) => {
        const v = value.get(`${m}|${key}`) ?? 0;
        return input.asShare ? (totals[i] ? (100 * v) / totals[i] : 0) : v;
      }),
    })),
  };
}
