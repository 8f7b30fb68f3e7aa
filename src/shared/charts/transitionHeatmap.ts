import type { EChartsOption } from 'echarts';
import { transitionStates, type MonetaryBasis, type TransitionCell } from '../analytics';
import { baseOption, tooltipFormatter } from './common';
import { label, type Lang } from './labels';
import { formatAxis, formatValue, money, type Unit } from './numberFormat';
import { DEFAULT_CURRENCY } from '../money';

export type TransitionMeasure = 'customers' | 'revenueFirst' | 'revenueSecond';

/** The tier × tier matrix as a heatmap: rows first-period tier (and 신규), columns second-period tier (and 비활동). */
/**
 * The tier × tier matrix as a heatmap. Revenue cells are the sum of M: money in `currency` when M
 * is the amount, a count of lines or quantity otherwise (data without amounts).
 */
export function buildTransitionHeatmap(
  cells: readonly TransitionCell[],
  names: readonly string[],
  measure: TransitionMeasure,
  lang: Lang,
  m: { basis: MonetaryBasis; currency: string } = { basis: 'amount', currency: DEFAULT_CURRENCY },
): EChartsOption {
  const states = transitionStates(names, lang);
  const unit: Unit = measure === 'customers' ? 'people' : m.basis === 'amount' ? money(m.currency) : 'count';
  const measureName = measure === 'customers' ? label('customers', lang) : m.basis === 'amount' ? label('revenue', lang) : label(m.basis, lang);
  const values = cells.map((c) => c[measure]);
  const data = cells.map((c) => [c.to, c.from, c[measure]]);
  return {
    ...baseOption(`${label('transitions', lang)} (${measureName})`, `transition-heatmap-${measure}`, lang),
    tooltip: {
      position: 'top',
      formatter: (p: unknown) => {
        const [to, from, v] = (p as { value: [number, number, number] }).value;
        return `${states.from[from]} → ${states.to[to]}<br/>${formatValue(v, unit, lang)}`;
      },
    },
    grid: { left: 96, right: 24, top: 48, bottom: 88, containLabel: true },
    xAxis: { type: 'category', name: label('secondPeriod', lang), data: states.to, splitArea: { show: true } },
    yAxis: { type: 'category', name: label('firstPeriod', lang), data: states.from, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, ...values), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, formatter: tooltipFormatter(unit, lang) as (v: unknown) => string },
    // Cell labels in the axes' compact form (1.2억원, 3.4만명): full values run into each other.
    series: [{ type: 'heatmap', name: label('transitions', lang), data, label: { show: true, formatter: (p: unknown) => formatAxis((p as { value: number[] }).value[2], unit, lang) } }],
  };
}
