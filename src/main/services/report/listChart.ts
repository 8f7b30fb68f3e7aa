import type { EChartsOption } from 'echarts';
import { valueAxis, xAxisName } from '../../../shared/charts/common';
import { framed } from '../../../shared/charts/frame';
import type { Lang } from '../../../shared/i18n';
import type { ListCounts } from './listCounts';
import { rt } from './reportText';

const COLORS = { contact: '#2f5fb3', control: '#9aa1ab' } as const;

/** The written list per risk decile (or as one bar without deciles): contact and control stacked, each labelled with its count. */
export function buildListChart(counts: ListCounts, lang: Lang): EChartsOption {
  const names = { contact: rt('contact', lang), control: rt('control', lang) };
  const rows = counts.rows;
  const categories = counts.hasDecile ? rows.map((r) => (r.decile === null ? rt('noScore', lang) : String(r.decile))) : [rt('total', lang)];
  const totals = counts.hasDecile ? rows : [{ decile: null, contact: rows.reduce((a, r) => a + r.contact, 0), control: rows.reduce((a, r) => a + r.control, 0) }];
  const series = (key: 'contact' | 'control') => ({
    type: 'bar' as const,
    name: names[key],
    stack: 'list',
    barMaxWidth: 48,
    itemStyle: { color: COLORS[key] },
    data: totals.map((r) => r[key]),
    label: { show: true, position: 'inside' as const, fontSize: 11, color: '#fff', formatter: (p: unknown) => ((p as { value: number }).value ? (p as { value: number }).value.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US') : '') },
  });
  return framed(
    { title: rt(counts.hasDecile ? 'listChartTitle' : 'listChartGroupTitle', lang), legend: [names.contact, names.control] },
    {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', ...xAxisName(counts.hasDecile ? rt('decile', lang) : ''), data: categories, axisLabel: { interval: 0 } },
      yAxis: valueAxis(rt('customers', lang), 'people', lang),
      series: [series('contact'), series('control')],
    },
  );
}
