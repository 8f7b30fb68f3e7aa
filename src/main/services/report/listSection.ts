import { transitionStates } from '../../../shared/analytics';
import { chainLabel, label, modelLabel, recommendModelLabel } from '../../../shared/charts';
import type { ExportManifest } from '../../../shared/export';
import type { Lang } from '../../../shared/i18n';
import type { ChurnModelName } from '../../../shared/models';
import type { RecommendModelName } from '../../../shared/recommend';
import { buildListChart } from './listChart';
import type { ListCounts } from './listCounts';
import type { ReportBlock, ReportSection } from './reportTypes';
import { dateTimeText, num, pct, people, reportChart, rt, say } from './reportText';

/** An export run's metrics: the manifest, where the list and the manifest were written. */
export type ExportRunMetrics = ExportManifest & { path: string; manifestPath: string };

/**
 * The latest written target list: what selected its customers, what it was built from, and its
 * customers per risk decile and group as read back from the file (the manifest's totals when the
 * file cannot be read, and the section says so).
 */
export function listSection(list: ExportRunMetrics | null, counts: ListCounts | null, tierNames: string[] | null, lang: Lang): ReportSection {
  const title = rt('sectionList', lang);
  if (!list) return { id: 'list', title, blocks: [{ kind: 'missing', text: rt('noList', lang) }] };
  const blocks: ReportBlock[] = [];
  if (!counts) blocks.push({ kind: 'text', text: say('listFileMissing', lang, { path: list.path }) });
  const sources = list.sources;
  const facts: [string, string][] = [
    [rt('listFile', lang), list.path],
    [rt('listFormat', lang), list.format === 'csv' ? `CSV (${list.encoding === 'cp949' ? 'CP949' : 'UTF-8 BOM'})` : 'Parquet'],
    [rt('listRows', lang), people(list.rows, lang)],
    [rt('listControl', lang), `${people(list.control, lang)} (${pct(list.rows ? list.control / list.rows : null, lang)})`],
    [rt('listFilters', lang), describeFilters(list.filters, tierNames, lang)],
    [
      rt('listSources', lang),
      [
        say('sourceSegments', lang, { at: dateTimeText(sources.segmentsComputedAt, lang) }),
        sources.churn ? say('sourceChurn', lang, { model: modelLabel(sources.churn.model as ChurnModelName, lang), run: sources.churn.runId }) : rt('sourceNoChurn', lang),
        sources.recommend
          ? say('sourceRecommend', lang, { model: recommendModelLabel(sources.recommend.model as RecommendModelName, lang), k: sources.recommend.k, run: sources.recommend.runId })
          : rt('sourceNoRecommend', lang),
      ].join(' · '),
    ],
    [rt('listSeed', lang), String(list.seed)],
    [rt('listCreated', lang), dateTimeText(list.createdAt, lang)],
  ];
  blocks.push({ kind: 'table', table: { caption: rt('listFacts', lang), columns: [{ label: '' }, { label: '' }], rows: facts } });

  const shown: ListCounts = counts ?? { hasDecile: false, rows: [{ decile: null, contact: list.rows - list.control, control: list.control }] };
  const rows = shown.rows;
  const total = rows.reduce((a, r) => ({ contact: a.contact + r.contact, control: a.control + r.control }), { contact: 0, control: 0 });
  const all = total.contact + total.control;
  const values = { rows: people(all, lang), control: people(total.control, lang), rowsN: num(all, lang), controlN: num(total.control, lang), share: pct(all ? total.control / all : null, lang) };
  // The deciles are the list's own (the control group is drawn per decile), so the takeaway is the group split.
  const takeaway = say(shown.hasDecile ? 'takeListStratified' : 'takeList', lang, values);
  blocks.push({ kind: 'chart', chart: reportChart('list-deciles', buildListChart(shown, lang), takeaway, { height: 340 }) });
  blocks.push({
    kind: 'table',
    table: {
      caption: rt(shown.hasDecile ? 'listByDecile' : 'listByGroup', lang),
      columns: [
        { label: shown.hasDecile ? rt('decile', lang) : '' },
        { label: rt('contact', lang), numeric: true },
        { label: rt('control', lang), numeric: true },
        { label: rt('total', lang), numeric: true },
      ],
      rows: [
        ...(shown.hasDecile
          ? rows.map((r) => [r.decile === null ? rt('noScore', lang) : String(r.decile), num(r.contact, lang), num(r.control, lang), num(r.contact + r.control, lang)])
          : []),
        [rt('total', lang), num(total.contact, lang), num(total.control, lang), num(all, lang)],
      ],
    },
  });
  return { id: 'list', title, blocks };
}

/** The filters that selected the list, in words. */
function describeFilters(f: ExportManifest['filters'], tierNames: string[] | null, lang: Lang): string {
  const names = tierNames ?? [];
  const states = transitionStates(names, lang);
  const tier = (t: number) => names[t] ?? states.to[t] ?? String(t + 1);
  const parts: string[] = [];
  if (f.tiers?.length) parts.push(say('filterTiers', lang, { v: f.tiers.map((t) => (t === names.length ? states.to[t] : tier(t))).join(', ') }));
  if (f.transitions?.length) parts.push(say('filterTransitions', lang, { v: f.transitions.map(([a, b]) => `${states.from[a] ?? a}→${states.to[b] ?? b}`).join(', ') }));
  if (f.minRisk !== undefined) parts.push(say('filterMinRisk', lang, { v: num(f.minRisk, lang, 2) }));
  if (f.topN !== undefined) parts.push(say('filterTopN', lang, { v: people(f.topN, lang) }));
  if (f.chain) parts.push(say('filterChain', lang, { v: chainLabel(f.chain, lang) }));
  if (f.channel) parts.push(say('filterChannel', lang, { v: label(f.channel, lang) }));
  if (f.genders?.length) parts.push(say('filterGenders', lang, { v: f.genders.join(', ') }));
  if (f.ageBands?.length) parts.push(say('filterAgeBands', lang, { v: f.ageBands.join(', ') }));
  if (f.clusters) parts.push(say('filterClusters', lang, { v: f.clusters.clusters.map((c) => c + 1).join(', ') }));
  return parts.length ? parts.join(' · ') : rt('filterAll', lang);
}
