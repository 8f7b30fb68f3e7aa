import type { EChartsOption } from 'echarts';
import { CHAINS, type ChainMonthly } from '../analytics';
import { chainLabel, label, type Lang } from './labels';
import { stackedMonthly } from './stackedMonthly';

/** Monthly lines or receipts per chain A01…A06, stacked; as counts or as each month's shares. */
export function buildChainStackedChart(rows: readonly ChainMonthly[], options: { measure: 'lines' | 'receipts'; asShare: boolean }, lang: Lang): EChartsOption {
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
      unit: 'count',
      asShare: options.asShare,
      fileName: `chain-${options.measure}${options.asShare ? '-share' : ''}`,
    },
    lang,
  );
}
