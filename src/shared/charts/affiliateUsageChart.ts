import type { EChartsOption } from 'echarts';
import { AFFILIATES, type AffiliateMonthly } from '../analytics';
import { baseOption, monthsOf, tooltipFormatter, valueAxis, withNoDataNote } from './common';
import { chainLabel, label, type Lang } from './labels';

/** Monthly affiliate-service uses, one line per affiliate B01…E01 (zero in months without use). */
export function buildAffiliateUsageChart(rows: readonly AffiliateMonthly[], lang: Lang): EChartsOption {
  const months = monthsOf(rows);
  const uses = new Map(rows.map((r) => [`${r.month}|${r.affiliate}`, r.uses]));
  const present = new Set(rows.map((r) => r.affiliate));
  const affiliates = [...AFFILIATES.filter((a) => present.has(a)), ...[...present].filter((a) => !(AFFILIATES as readonly string[]).includes(a)).sort()];
  return withNoDataNote({
    ...baseOption(label('affiliateUsage', lang), 'affiliate-usage', lang),
    tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('count', lang) },
    xAxis: { type: 'category', name: label('month', lang), data: months },
    yAxis: valueAxis(label('uses', lang), 'count', lang),
    series: affiliates.map((a) => ({ type: 'line' as const, name: chainLabel(a, lang), data: months.map((m) => uses.get(`${m}|${a}`) ?? 0) })),
  }, rows.length === 0, label('noAffiliates', lang));
}
