import type { EChartsOption } from 'echarts';
import type { KlResult } from '../analytics';
import { baseOption, tooltipFormatter, valueAxis } from './common';
import { chainChannelLabel, label, type Lang } from './labels';
import { formatValue } from './numberFormat';

/** Horizontal bars of p·ln(p/q) per category, largest at the top; the subtitle gives the divergence. */
export function buildKlContributionChart(kl: KlResult, title: string, lang: Lang): EChartsOption {
  const base = baseOption(`${label('klTitle', lang)} — ${title}`, 'kl-contributions', lang);
  const rows = [...kl.contributions].reverse();
  return {
    ...base,
    title: { ...(base.title as object), subtext: `KL = ${formatValue(kl.divergence, 'plain', lang)} nat` },
    grid: { left: 24, right: 32, top: 64, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipFormatter('plain', lang) },
    xAxis: valueAxis(label('contribution', lang), 'plain', lang),
    yAxis: { type: 'category', data: rows.map((c) => chainChannelLabel(c.category, lang)) },
    series: [{ type: 'bar', name: label('contribution', lang), data: rows.map((c) => c.contribution) }],
  };
}
