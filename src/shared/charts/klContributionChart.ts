import type { EChartsOption } from 'echarts';
import type { KlResult } from '../analytics';
import { tooltipFormatter, valueAxis, withNoDataNote } from './common';
import { framed } from './frame';
import { chainChannelLabel, label, type Lang, type LabelKey } from './labels';
import { formatValue } from './numberFormat';

/**
 * Horizontal bars of p·ln(p/q) per category, largest at the top; the note under the title gives the
 * divergence. Without categories (no affiliate uses in the data) the frame says `noData`.
 */
export function buildKlContributionChart(kl: KlResult, title: string, lang: Lang, noData: LabelKey = 'noData'): EChartsOption {
  const rows = [...kl.contributions].reverse();
  const option = framed(
    { title: `${label('klTitle', lang)} — ${title}`, notes: rows.length ? [`KL = ${formatValue(kl.divergence, 'plain', lang)} nat`] : [] },
    {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipFormatter('plain', lang) },
      xAxis: valueAxis(label('contribution', lang), 'plain', lang, {}, 'x'),
      yAxis: { type: 'category', data: rows.map((c) => chainChannelLabel(c.category, lang)), axisLabel: { interval: 0 } },
      series: [{ type: 'bar', name: label('contribution', lang), data: rows.map((c) => c.contribution) }],
    },
  );
  return withNoDataNote(option, rows.length === 0, label(noData, lang));
}
