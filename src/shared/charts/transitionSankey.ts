import type { EChartsOption } from 'echarts';
import { transitionStates, type TransitionCell } from '../analytics';
import { baseOption } from './common';
import { label, type Lang } from './labels';
import { formatValue } from './numberFormat';

/**
 * Customers flowing from first-period states (tiers, 신규) to second-period states (tiers, 비활동).
 * Node names carry their period so a tier appears once on each side (Sankey names must be unique).
 */
export function buildTransitionSankey(cells: readonly TransitionCell[], names: readonly string[], lang: Lang): EChartsOption {
  const states = transitionStates(names, lang);
  const left = states.from.map((s) => `${s} (${label('firstPeriod', lang)})`);
  const right = states.to.map((s) => `${s} (${label('secondPeriod', lang)})`);
  const links = cells.filter((c) => c.customers > 0).map((c) => ({ source: left[c.from], target: right[c.to], value: c.customers }));
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  return {
    ...baseOption(label('transitions', lang), 'transition-sankey', lang),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data: { source?: string; target?: string; name?: string; value?: number }; value: number }).data;
        const head = d.source ? `${d.source} → ${d.target}` : (d.name ?? '');
        return `${head}<br/>${formatValue((p as { value: number }).value, 'people', lang)}`;
      },
    },
    series: [
      {
        type: 'sankey',
        left: 24,
        right: 140,
        top: 48,
        bottom: 24,
        nodeAlign: 'justify',
        // Keep the tiers in their order (최우수 at the top) instead of ECharts' crossing-minimising shuffle.
        layoutIterations: 0,
        emphasis: { focus: 'adjacency' },
        data: [...left, ...right].filter((n) => used.has(n)).map((name) => ({ name, depth: left.includes(name) ? 0 : 1 })),
        links,
      },
    ],
  };
}
