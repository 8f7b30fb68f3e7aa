import type { EChartsOption } from 'echarts';
import { transitionStates, type MonetaryBasis, type TransitionCell } from '../analytics';
import { withNoDataNote, xAxisName, yAxisName } from './common';
import { framed } from './frame';
import { label, type Lang } from './labels';
import { formatAxis, formatValue, money, type Unit } from './numberFormat';
import { stateColors } from './tierPalette';
import { DEFAULT_CURRENCY } from '../money';

export type TransitionMeasure = 'customers' | 'revenueFirst' | 'revenueSecond';

/** Room under the plot for the colour scale (a 12 px bar with its end values beside it). */
const SCALE_HEIGHT = 28;

/** Category labels led by a chip of the state's colour (the tier palette every chart shares). */
export function chipAxisLabel(colors: readonly string[]) {
  return {
    interval: 0,
    formatter: (value: string, index: number) => `{s${index}| } ${value}`,
    rich: Object.fromEntries(colors.map((color, i) => [`s${i}`, { width: 9, height: 9, backgroundColor: color, borderRadius: 2 }])),
  };
}

/**
 * The tier × tier matrix as a heatmap: rows first-period tier (and 신규), columns second-period tier
 * (and 비활동). Revenue cells are the sum of M: money in `currency` when M is the amount, a count of
 * lines or quantity otherwise (data without amounts). Cell labels in the axes' compact form.
 */
export function buildTransitionHeatmap(
  cells: readonly TransitionCell[],
  names: readonly string[],
  measure: TransitionMeasure,
  lang: Lang,
  m: { basis: MonetaryBasis; currency: string } = { basis: 'amount', currency: DEFAULT_CURRENCY },
): EChartsOption {
  const states = transitionStates(names, lang);
  const colors = stateColors(names.length);
  const unit: Unit = measure === 'customers' ? 'people' : m.basis === 'amount' ? money(m.currency) : 'count';
  const measureName = measure === 'customers' ? label('customers', lang) : m.basis === 'amount' ? label('revenue', lang) : label(m.basis, lang);
  const max = Math.max(1, ...cells.map((c) => c[measure]));
  const option = framed(
    { title: `${label('transitions', lang)} (${measureName})`, bottom: SCALE_HEIGHT },
    {
      tooltip: {
        position: 'top',
        formatter: (p: unknown) => {
          const [to, from, v] = (p as { value: [number, number, number] }).value;
          return `${states.from[from]} → ${states.to[to]}<br/>${formatValue(v, unit, lang)}`;
        },
      },
      xAxis: { type: 'category', ...xAxisName(label('secondPeriod', lang)), data: states.to, splitArea: { show: true }, axisLabel: chipAxisLabel(colors.to) },
      // Rows read top-down (inverse), so the axis starts at the top: the name stands there, over the row labels.
      yAxis: { type: 'category', ...yAxisName(label('firstPeriod', lang), { at: 'start', align: 'right' }), data: states.from, inverse: true, splitArea: { show: true }, axisLabel: chipAxisLabel(colors.from) },
      // The colour scale alone under the plot (no legend chip beside it), its ends in the compact form.
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemWidth: 12,
        itemHeight: 160,
        text: [formatAxis(max, unit, lang), formatAxis(0, unit, lang)],
        textGap: 8,
        textStyle: { fontSize: 12 },
      },
      series: [
        {
          type: 'heatmap',
          name: label('transitions', lang),
          data: cells.map((c) => [c.to, c.from, c[measure]]),
          // Full won values run into each other: 123,456,789원 reads 1.2억원 (the tooltip keeps the full value).
          label: { show: true, fontSize: 12, formatter: (p: unknown) => formatAxis((p as { value: number[] }).value[2], unit, lang) },
        },
      ],
    },
  );
  return withNoDataNote(option, !cells.some((c) => c.customers > 0), label('noTransitions', lang));
}
