import type { EChartsOption } from 'echarts';
import { CHAINS, type ChainMonthly } from '../analytics';
import type { Coverage } from './coverage';
import { chainLabel, label, type Lang } from './labels';
import { stackedMonthly } from './stackedMonthly';
import { money } from './numberFormat';

/** Monthly lines, receipts or revenue per chain (A01…A06 first, then a project's own), stacked; as amounts or each month's shares. */
export function buildChainStackedChart(
  rows: readonly ChainMonthly[],
  options: { measure: 'lines' | 'receipts' | 'revenue'; asShare: boolean; currency?: string },
  lang: Lang,
  coverage?: Coverage | null,
): EChartsOption {
  const present = new Set(rows.map((r) => r.chain));
  const keys = [...CHAINS.filter((c) => present.has(c)), ...[...present].filter((c) => !(CHAINS as readonly string[]).includes(c)).sort()];
  const measure = label(options.measure, lang);
  return stackedMonthly(
    {
      rows: rows.map((r) => ({ month: r.month, key: r.chain, value: r[options.measure] })),
      keys,
      keyLabel: (k) => chainLabel(k, lang),
      title: `${label('chainTrend', lang)} (${measure}${options.asShare ? `, ${label('share', lang)}` : ''})`,
      axisName: options.asShare ? label('share', lang) : measure,
      unit: options.measure === 'revenue' ? money(options.currency) : 'count',
      asShare: options.asShare,
      coverage,
      noData: 'noChains',
    },
    lang,
  );
}
