import type { EChartsOption } from 'echarts';
import { formatAxis, formatValue, type Unit } from './numberFormat';
import type { Lang } from './labels';

/*
 * Axis names never run off the image: the x name sits centred under the axis labels, the y name
 * stands above the axis, starting at the axis line. Both lie inside the grid's bounds (frame.ts's
 * gridIn), so ECharts makes room for them instead of clipping them at the edge.
 */

const NAME_STYLE = { fontSize: 12, lineHeight: 16 };

/** Name props of a horizontal axis: centred under its labels. */
export function xAxisName(name: string) {
  return { name, nameLocation: 'middle' as const, nameGap: 6, nameMoveOverlap: true, nameTextStyle: NAME_STYLE };
}

/**
 * Name props of a vertical axis: above its top end (`start` for an inverse axis, whose start is at
 * the top), read left to right from the axis line, or ending at it with align 'right'.
 */
export function yAxisName(name: string, options: { at?: 'start' | 'end'; align?: 'left' | 'right'; gap?: number } = {}) {
  return {
    name,
    nameLocation: options.at ?? ('end' as const),
    nameGap: options.gap ?? 10,
    nameMoveOverlap: false,
    nameTextStyle: { ...NAME_STYLE, align: options.align ?? ('left' as const), verticalAlign: 'bottom' as const },
  };
}

/** A value axis with compact figures (1.2억원, 3.5만명); `side` says where its name goes. */
export function valueAxis(name: string, unit: Unit, lang: Lang, extra: Record<string, unknown> = {}, side: 'x' | 'y' = 'y') {
  return {
    type: 'value' as const,
    ...(side === 'x' ? xAxisName(name) : yAxisName(name)),
    // A short plot (a narrow card with a long legend) drops tick labels rather than stack them; the
    // line height is the glyphs' full height, so ECharts sees the overlap the eye would.
    axisLabel: { formatter: (v: number) => formatAxis(v, unit, lang), hideOverlap: true, lineHeight: 16 },
    ...extra,
  };
}

export function tooltipFormatter(unit: Unit, lang: Lang): (value: unknown) => string {
  return (value) => (typeof value === 'number' ? formatValue(value, unit, lang) : String(value ?? '–'));
}

/**
 * A chart whose data the project lacks says so in its frame (instead of an empty frame): the title
 * stays, the note takes the place of the plot; axes, legend, colour scale and series go.
 */
export function withNoDataNote(option: EChartsOption, empty: boolean, note: string): EChartsOption {
  if (!empty) return option;
  const hide = <T,>(axis: T | T[] | undefined) => (Array.isArray(axis) ? axis.map((a) => ({ ...a, show: false })) : axis && { ...axis, show: false });
  return {
    ...option,
    xAxis: hide(option.xAxis),
    yAxis: hide(option.yAxis),
    visualMap: hide(option.visualMap),
    legend: { show: false },
    series: [],
    graphic: { type: 'text', left: 'center', top: 'middle', style: { text: note, fontSize: 14, fill: '#6b7280' } },
  } as EChartsOption;
}

/** The months present anywhere in the rows, ascending ('YYYY-MM'). */
export function monthsOf(rows: readonly { month: string }[]): string[] {
  return [...new Set(rows.map((r) => r.month))].sort();
}

/** The colour scale of a share heatmap (cells coloured by their share in %, 0 … max): one bar centred under the plot. */
export function shareScale(max: number, colors: readonly string[]) {
  return {
    type: 'continuous' as const,
    dimension: 2,
    min: 0,
    max,
    calculable: false,
    orient: 'horizontal' as const,
    left: 'center',
    bottom: 4,
    itemWidth: 12,
    itemHeight: 160,
    text: [`${max}%`, '0%'],
    textGap: 8,
    textStyle: { fontSize: 12 },
    inRange: { color: [...colors] },
  };
}
