import type { EChartsOption } from 'echarts';
import { transitionStates, type TransitionCell } from '../analytics';
import { baseOption, tooltipFormatter } from './common';
import { label, type Lang } from './labels';
import { formatValue } from './numberFormat';

export type TransitionMeasure = 'customers' | 'revenueFirst' | 'revenueSecond';

/** The tier × tier matrix as a heatmap: rows first-period tier (and 신규), columns second-period tier (and 비활동). */
export function buildTransitionHeatmap(cells: readonly TransitionCell[], names: readonly string[], measure: TransitionMeasure, lang: Lang): EChartsOption {
  const states = transitionStates(names, lang);
  const unit = measure === 'customers' ? 'people' : 'won';
  const values = cells.map((c) => c[measure]);
  const data = cells.map((c) => [c.to, c.from, c[measure]]);
  return {
    ...baseOption(`${label('transitions', lang)} (${measure === 'customers' ? label('customers', lang) : label('revenue', lang)})`, `transition-heatmap-${measure}`, lang),
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
    series: [{ type: 'heatmap', name: label('transitions', lang), data, label: { show: true, formatter: (p: unknown) => formatValue((p as { value: number[] }).value[2], unit, lang) } }],
  };
}
