import type { EChartsOption } from 'echarts';
import { monthsOf, tooltipFormatter, valueAxis, withNoDataNote, xAxisName } from './common';
import { partialMonthBands, partialMonthNote, partialMonths, type Coverage } from './coverage';
import { framed } from './frame';
import { label, type Lang, type LabelKey } from './labels';
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
  /** The data's first and last day: a partial first or last month is greyed and named. */
  coverage?: Coverage | null;
  /** What the frame says when there are no rows. */
  noData: LabelKey;
}

/** Stacked monthly bars, one series per key, zero where a month lacks a key. */
export function stackedMonthly(input: StackedInput, lang: Lang): EChartsOption {
  const months = monthsOf(input.rows);
  const value = new Map(input.rows.map((r) => [`${r.month}|${r.key}`, r.value]));
  const totals = months.map((m) => input.keys.reduce((a, k) => a + (value.get(`${m}|${k}`) ?? 0), 0));
  const unit: Unit = input.asShare ? 'percent' : input.unit;
  const partials = partialMonths(months, input.coverage);
  const partial = new Set(partials.map((p) => p.month));
  const names = input.keys.map((k) => input.keyLabel(k));
  const option = framed(
    { title: input.title, notes: partials.map((p) => partialMonthNote(p, lang)), legend: names },
    {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipFormatter(unit, lang) },
      xAxis: { type: 'category', ...xAxisName(label('month', lang)), data: months, splitArea: partialMonthBands(months, partials) },
      yAxis: valueAxis(input.axisName, unit, lang, input.asShare ? { max: 100 } : {}),
      series: input.keys.map((key, k) => ({
        type: 'bar' as const,
        name: names[k],
        stack: 'total',
        data: months.map((m, i) => {
          const v = value.get(`${m}|${key}`) ?? 0;
          const shown = input.asShare ? (totals[i] ? (100 * v) / totals[i] : 0) : v;
          // A partial month's bars are paler: its total is not comparable with a whole month's.
          return partial.has(m) ? { value: shown, itemStyle: { opacity: 0.45 } } : shown;
        }),
      })),
    },
  );
  return withNoDataNote(option, input.rows.length === 0, label(input.noData, lang));
}
