import type { EChartsOption } from 'echarts';
import { CHANNELS, type ChannelMonthly } from '../analytics';
import type { Coverage } from './coverage';
import { label, type Lang } from './labels';
import { stackedMonthly } from './stackedMonthly';
import { money } from './numberFormat';

/** Monthly online/offline split of lines, receipts or revenue, stacked; as amounts or shares. */
export function buildChannelSplitChart(
  rows: readonly ChannelMonthly[],
  options: { measure: 'lines' | 'receipts' | 'revenue'; asShare: boolean; currency?: string },
  lang: Lang,
  coverage?: Coverage | null,
): EChartsOption {
  const measure = label(options.measure, lang);
  return stackedMonthly(
    {
      rows: rows.map((r) => ({ month: r.month, key: r.channel, value: r[options.measure] })),
      keys: CHANNELS,
      keyLabel: (k) => label(k as 'online' | 'offline', lang),
      title: `${label('channelSplit', lang)} (${measure})`,
      axisName: options.asShare ? label('share', lang) : measure,
      unit: options.measure === 'revenue' ? money(options.currency) : 'count',
      asShare: options.asShare,
      coverage,
      noData: 'noChannels',
    },
    lang,
  );
}
