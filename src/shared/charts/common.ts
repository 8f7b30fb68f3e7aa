import type { EChartsOption } from 'echarts';
import { formatAxis, formatValue, type Unit } from './numberFormat';
import type { Lang } from './labels';



/**
 * Title and legend every chart shares. No ECharts toolbox: the page's PNG/SVG buttons are the one
 * save path, and the exported image carries no download icon (the file name and language are the
 * Chart component's; the parameters stay so every builder reads the same).
 */
export function baseOption(title: string, _fileName: string, _lang: Lang): EChartsOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 72, right: 24, top: 48, bottom: 56, containLabel: true },
  };
}

export function valueAxis(name: string, unit: Unit, lang: Lang, extra: Record<string, unknown> = {}) {
  return {
    type: 'value' as const,
    name,
    axisLabel: { formatter: (v: number) => formatAxis(v, unit, lang) },
    ...extra,
  };
}

export function tooltipFormatter(unit: Unit, lang: Lang): (value: unknown) => string {
  return (value) => (typeof value === 'number' ? formatValue(value, unit, lang) : String(value ?? '–'));
}

/** A chart whose data the project lacks says so in its frame (instead of an empty frame). */
export function withNoDataNote(option: EChartsOption, empty: boolean, note: string): EChartsOption {
  if (!empty) return option;
  return { ...option, graphic: { type: 'text', left: 'center', top: 'middle', style: { text: note, fontSize: 14, fill: '#6b7280' } } };
}

/** The months present anywhere in the rows, ascending ('YYYY-MM'). */
export function monthsOf(rows: readonly { month: string }[]): string[] {
  return [...new Set(rows.map((r) => r.month))].sort();
}
