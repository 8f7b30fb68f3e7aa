import type { EChartsOption } from 'echarts';
import { AFFILIATES, type AffiliateMonthly } from '../analytics';
import { monthsOf, tooltipFormatter, valueAxis, withNoDataNote, xAxisName } from './common';
import { partialMonthBands, partialMonthNote, partialMonths, type Coverage } from './coverage';
import { framed } from './frame';
import { chainLabel, label, type Lang } from './labels';

/** Monthly affiliate-service uses, one line per affiliate B01…E01 (zero in months without use). */
export function buildAffiliateUsageChart(rows: readonly AffiliateMonthly[], lang: Lang, coverage?: Coverage | null): EChartsOption {
  const months = monthsOf(rows);
  const uses = new Map(rows.map((r) => [`${r.month}|${r.affiliate}`, r.uses]));
  const present = new Set(rows.map((r) => r.affiliate));
  const affiliates = [...AFFILIATES.filter((a) => present.has(a)), ...[...present].filter((a) => !(AFFILIATES as readonly string[]).includes(a)).sort()];
  const names = affiliates.map((a) => chainLabel(a, lang));
  const partials = partialMonths(months, coverage);
  const option = framed(
    { title: label('affiliateUsage', lang), notes: partials.map((p) => partialMonthNote(p, lang)), legend: names },
    {
      tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('count', lang) },
      xAxis: { type: 'category', ...xAxisName(label('month', lang)), data: months, splitArea: partialMonthBands(months, partials) },
      yAxis: valueAxis(label('uses', lang), 'count', lang),
      series: affiliates.map((a, i) => ({ type: 'line' as const, name: names[i], data: months.map((m) => uses.get(`${m}|${a}`) ?? 0) })),
    },
  );
  return withNoDataNote(option, rows.length === 0, label('noAffiliates', lang));
}
