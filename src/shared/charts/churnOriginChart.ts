import type { EChartsOption } from 'echarts';
import type { ChurnOrigin } from '../analytics';
import { baseOption, tooltipFormatter, valueAxis } from './common';
import { label, type Lang } from './labels';
import { formatValue } from './numberFormat';

/** Share of all churners (→ 비활동) by first-period tier, in %. */
export function buildChurnOriginChart(origin: readonly ChurnOrigin[], names: readonly string[], lang: Lang): EChartsOption {
  return {
    ...baseOption(label('churnOrigin', lang), 'churn-origin', lang),
    tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('percent', lang) },
    xAxis: { type: 'category', data: origin.map((o) => names[o.tier]) },
    yAxis: valueAxis(label('churnShare', lang), 'percent', lang, { max: 100 }),
    series: [
      {
        type: 'bar',
        name: label('churnShare', lang),
        data: origin.map((o) => 100 * o.share),
        label: { show: true, position: 'top', formatter: (p: unknown) => formatValue((p as { value: number }).value, 'percent', lang) },
      },
    ],
  };
}
