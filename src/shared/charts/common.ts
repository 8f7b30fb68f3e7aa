import type { EChartsOption } from 'echarts';
import { formatAxis, formatValue, type Unit } from './numberFormat';
import { label, type Lang } from './labels';



/** Title, save-as-image toolbox and legend every chart shares. */
export function baseOption(title: string, fileName: string, lang: Lang): EChartsOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    toolbox: { feature: { saveAsImage: { name: fileName, title: label('saveImage', lang) } } },
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

/** The months present anywhere in the rows, ascending ('YYYY-MM'). */
export function monthsOf(rows: readonly { month: string }[]): string[] {
  return [...new Set(rows.map((r) => r.month))].sort();
}
