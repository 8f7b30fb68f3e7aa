import type { EChartsOption } from 'echarts';
import type { ChurnOrigin } from '../analytics';
import { tooltipFormatter, valueAxis, withNoDataNote } from './common';
import { framed } from './frame';
import { label, type Lang } from './labels';
import { formatValue } from './numberFormat';
import { tierColor } from './tierPalette';

/** Share of all churners (→ 비활동) by first-period tier, in %, each bar in its tier's colour. */
export function buildChurnOriginChart(origin: readonly ChurnOrigin[], names: readonly string[], lang: Lang): EChartsOption {
  const option = framed(
    { title: label('churnOrigin', lang) },
    {
      tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('percent', lang) },
      xAxis: { type: 'category', data: origin.map((o) => names[o.tier]), axisLabel: { interval: 0 } },
      // The name stands higher than usual: a 100 % bar's value label sits between it and the plot.
      yAxis: valueAxis(label('churnShare', lang), 'percent', lang, { max: 100, nameGap: 26 }),
      series: [
        {
          type: 'bar',
          name: label('churnShare', lang),
          data: origin.map((o) => ({ value: 100 * o.share, itemStyle: { color: tierColor(o.tier) } })),
          label: { show: true, position: 'top', formatter: (p: unknown) => formatValue((p as { value: number }).value, 'percent', lang) },
        },
      ],
    },
  );
  return withNoDataNote(option, !origin.some((o) => o.churners > 0), label('noChurners', lang));
}
