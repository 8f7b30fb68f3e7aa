import type { EChartsOption } from 'echarts';
import { transitionStates, type TransitionCell } from '../analytics';
import { withNoDataNote } from './common';
import { framed, SIDE } from './frame';
import { label, type Lang } from './labels';
import { formatValue } from './numberFormat';
import { textWidth } from './textWidth';
import { stateColors } from './tierPalette';

const LABEL = { size: 12, distance: 6 };

/**
 * Customers flowing from first-period states (tiers, 신규) to second-period states (tiers, 비활동).
 * Node names carry their period so a tier appears once on each side (Sankey names must be unique).
 * Nodes take their tier's fixed colour; a link takes its source's colour, half transparent.
 * First-period labels stand left of their nodes, second-period labels right, with room reserved.
 */
export function buildTransitionSankey(cells: readonly TransitionCell[], names: readonly string[], lang: Lang): EChartsOption {
  const states = transitionStates(names, lang);
  const colors = stateColors(names.length);
  const left = states.from.map((s) => `${s} (${label('firstPeriod', lang)})`);
  const right = states.to.map((s) => `${s} (${label('secondPeriod', lang)})`);
  const links = cells
    .filter((c) => c.customers > 0)
    .map((c) => ({ source: left[c.from], target: right[c.to], value: c.customers, lineStyle: { color: colors.from[c.from], opacity: 0.4 } }));
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes = [
    ...left.map((name, i) => ({ name, depth: 0, itemStyle: { color: colors.from[i] }, label: { position: 'left' as const } })),
    ...right.map((name, i) => ({ name, depth: 1, itemStyle: { color: colors.to[i] }, label: { position: 'right' as const } })),
  ].filter((n) => used.has(n.name));
  const room = (list: string[]) => SIDE + LABEL.distance + Math.max(0, ...list.filter((n) => used.has(n)).map((n) => textWidth(n, LABEL.size)));
  const option = framed(
    { title: label('transitions', lang) },
    {
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
          left: room(left),
          right: room(right),
          nodeAlign: 'justify',
          // Node centres at least a label's height apart, so labels of thin neighbours do not collide.
          nodeGap: 16,
          // Keep the tiers in their order (최우수 at the top) instead of ECharts' crossing-minimising shuffle.
          layoutIterations: 0,
          emphasis: { focus: 'adjacency' },
          label: { fontSize: LABEL.size, distance: LABEL.distance },
          data: nodes,
          links,
        },
      ],
    },
    (box) => ({ series: [{ top: box.top, bottom: box.bottom }] }),
  );
  return withNoDataNote(option, links.length === 0, label('noTransitions', lang));
}
