import { tierNames, type SegmentSummary } from '../../../shared/analytics';
import { buildChurnOriginChart, buildTransitionHeatmap, buildTransitionSankey } from '../../../shared/charts';
import type { Lang } from '../../../shared/i18n';
import type { ReportSection, ReportTable } from './reportTypes';
import { num, pct, people, reportChart, rt, say, windowText } from './reportText';

/** The saved segments: tiers per period, the transition matrix and Sankey, where the churners came from. */
export function segmentsSection(summary: SegmentSummary | null, lang: Lang): ReportSection {
  const title = rt('sectionSegments', lang);
  if (!summary) return { id: 'segments', title, blocks: [{ kind: 'missing', text: rt('noSegments', lang) }] };
  const names = tierNames(summary.spec.tierNames, summary.tierCount, lang);
  const [p1, p2] = summary.spec.periods;
  const period = `${rt('period1', lang)} ${windowText(p1, lang)} → ${rt('period2', lang)} ${windowText(p2, lang)}`;
  const k = summary.tierCount;
  const cells = summary.transitions;
  const count = (pick: (c: (typeof cells)[number]) => boolean) => cells.filter(pick).reduce((a, c) => a + c.customers, 0);

  const topFrom = count((c) => c.from === 0);
  const stay = topFrom ? say('takeStay', lang, { tier: names[0], share: pct(count((c) => c.from === 0 && c.to === 0) / topFrom, lang) }) : rt('takeNoData', lang);
  const buyers1 = count((c) => c.from < k);
  const lost = count((c) => c.from < k && c.to === k);
  const lostText = buyers1 ? say('takeLost', lang, { share: pct(lost / buyers1, lang), n: people(lost, lang) }) : rt('takeNoData', lang);
  const origin = [...summary.churnOrigin].sort((a, b) => b.share - a.share || a.tier - b.tier)[0];
  const originText = origin && origin.churners > 0 ? say('takeOrigin', lang, { share: pct(origin.share, lang), tier: names[origin.tier] }) : rt('takeNoChurners', lang);

  const basis = { basis: summary.spec.monetary ?? 'amount', currency: summary.currency };
  return {
    id: 'segments',
    title,
    blocks: [
      { kind: 'table', table: tierTable(summary, names, lang) },
      { kind: 'chart', chart: reportChart('segments-heatmap', buildTransitionHeatmap(cells, names, 'customers', lang, basis), stay, { period, height: 400 }) },
      { kind: 'chart', chart: reportChart('segments-sankey', buildTransitionSankey(cells, names, lang), lostText, { period, height: 440 }) },
      { kind: 'chart', chart: reportChart('segments-churn-origin', buildChurnOriginChart(summary.churnOrigin, names, lang), originText, { period, height: 340 }) },
    ],
  };
}

function tierTable(summary: SegmentSummary, names: string[], lang: Lang): ReportTable {
  const [first, second] = summary.periods;
  const cell = (p: typeof first, tier: number) => {
    const t = p.tiers.find((x) => x.tier === tier);
    return t ? [num(t.customers, lang), pct(p.customers ? t.customers / p.customers : null, lang)] : ['–', '–'];
  };
  return {
    caption: rt('tierTable', lang),
    columns: [
      { label: rt('tier', lang) },
      { label: `${rt('period1', lang)} ${rt('customers', lang)}`, numeric: true },
      { label: `${rt('period1', lang)} ${rt('share', lang)}`, numeric: true },
      { label: `${rt('period2', lang)} ${rt('customers', lang)}`, numeric: true },
      { label: `${rt('period2', lang)} ${rt('share', lang)}`, numeric: true },
    ],
    rows: [
      ...names.map((name, tier) => [name, ...cell(first, tier), ...cell(second, tier)]),
      [rt('total', lang), num(first.customers, lang), pct(first.customers ? 1 : null, lang), num(second.customers, lang), pct(second.customers ? 1 : null, lang)],
    ],
  };
}
