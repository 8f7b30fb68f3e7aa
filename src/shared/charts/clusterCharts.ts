import type { EChartsOption } from 'echarts';
import type { ClusterProfile, ClusterRunReport, ClusterScanRow } from '../clusters';
import { featureLabel } from '../featureNames';
import { DEFAULT_TIER_NAMES, fill, TIER_NUMBERED } from '../i18n';
import { shareScale, valueAxis, withNoDataNote, xAxisName, yAxisName } from './common';
import { framed, gridIn, SIDE, type PlotBox } from './frame';
import { label, type Lang } from './labels';
import { formatValue } from './numberFormat';
import { textWidth } from './textWidth';
import { tierColor } from './tierPalette';
import { chipAxisLabel } from './transitionHeatmap';

/*
 * The customer clusters report's charts: how many clusters (the k scan), where the clusters lie (the
 * PCA map), what sets one apart (its traits), and how clusters and RFM tiers cross.
 */

/** One colour per cluster, the same in the map, the grid's row chips and the page's cards. */
export const CLUSTER_COLORS = ['#2f5fb3', '#d9622b', '#27a17a', '#8e5cc2', '#e0a526', '#b5485f', '#3d7f8c', '#7a8a2e', '#c2410c', '#5ab0e0', '#6b4f2a', '#d46fb0'] as const;

/** Cluster c's colour (more clusters than colours: they repeat). */
export function clusterColor(cluster: number): string {
  return CLUSTER_COLORS[((cluster % CLUSTER_COLORS.length) + CLUSTER_COLORS.length) % CLUSTER_COLORS.length];
}

/** The cluster's name in the UI language (its profile's, as renamed); a cluster without a profile: '군집 3' (1-based). */
export function clusterName(profiles: readonly ClusterProfile[], cluster: number, lang: Lang): string {
  const name = profiles.find((p) => p.cluster === cluster)?.name[lang];
  return name || fill(label('clusterNumbered', lang), { n: cluster + 1 });
}

/** Tick labels of small values without float noise (0.30000000000000004 → 0.3). */
const fineAxisLabel = { formatter: (v: number) => String(Number(v.toFixed(4))), hideOverlap: true, lineHeight: 16 };
const three = (v: number) => v.toFixed(3);
/** A z score with its sign: +1.8 / −0.9 / ±0.0. */
export const signedZ = (z: number) => `${z > 0.05 ? '+' : z < -0.05 ? '−' : '±'}${Math.abs(z).toFixed(1)}`;
const people = (n: number) => n.toLocaleString('ko-KR');

// ───────────────────────────── The k scan ─────────────────────────────

export const SCAN_COLORS = { inertia: '#2f5fb3', silhouette: '#c2410c', mark: '#6b7280' } as const;

export interface ScanMarks {
  /** The silhouette's pick (null: none defined). */
  suggestedK: number | null;
  /** Where the inertia bends (null: no clear bend). */
  elbowK: number | null;
  /** The k the run used. */
  chosenK: number;
}

/**
 * Inertia (the elbow curve) on the left axis and the mean silhouette on the right, over the k the
 * scan tried; pins mark the silhouette's pick (on the silhouette curve) and the elbow (on the inertia
 * curve), a dashed vertical line the k the run used; the note under the title names all three.
 * A fixed k has no scan: the frame says so.
 */
export function buildClusterScanChart(scan: readonly ClusterScanRow[], marks: ScanMarks, lang: Lang): EChartsOption {
  const rows = [...scan].sort((a, b) => a.k - b.k);
  const inertiaName = label('clusterInertia', lang);
  const silhouetteName = label('clusterSilhouette', lang);
  const { suggestedK, elbowK, chosenK } = marks;
  const row = (k: number | null) => (k === null ? undefined : rows.find((r) => r.k === k));
  const pick = row(suggestedK);
  const bend = row(elbowK);
  const pin = (name: string, color: string, coord: [number, number]) => ({ name, coord, itemStyle: { color } });
  const pins = {
    silhouette: pick && pick.silhouette !== null ? [pin(label('clusterSuggested', lang), SCAN_COLORS.silhouette, [pick.k, pick.silhouette])] : [],
    inertia: bend ? [pin(label('clusterElbow', lang), SCAN_COLORS.inertia, [bend.k, bend.inertia])] : [],
  };
  const markPoint = (data: ReturnType<typeof pin>[]) => ({
    silent: true,
    symbol: 'pin',
    symbolSize: 42,
    label: { show: true, fontSize: 10, color: '#ffffff', formatter: (p: unknown) => (p as { name: string }).name },
    data,
  });
  const note = fill(label('clusterScanNote', lang), { suggested: suggestedK ?? '–', elbow: elbowK ?? '–', k: chosenK });
  const ks = rows.map((r) => r.k);
  const option = framed(
    { title: label('clusterScanTitle', lang), notes: rows.length ? [note] : [], legend: [inertiaName, silhouetteName] },
    {
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const ps = params as { seriesIndex: number; value: [number, number | null]; marker: string; seriesName: string }[];
          const k = ps[0]?.value[0];
          const lines = ps.map((p) => `${p.marker}${p.seriesName} ${p.value[1] === null ? '–' : p.seriesIndex === 0 ? formatValue(p.value[1], 'plain', lang) : three(p.value[1])}`);
          return [`k = ${k ?? ''}`, ...lines].join('<br/>');
        },
      },
      xAxis: valueAxis(label('clusterK', lang), 'plain', lang, { min: ks[0] ?? 2, max: ks[ks.length - 1] ?? 12, interval: 1, axisLabel: { formatter: (v: number) => String(v), hideOverlap: true, lineHeight: 16 } }, 'x'),
      yAxis: [
        // Headroom over the highest point for its pin.
        valueAxis(inertiaName, 'plain', lang, { scale: true, boundaryGap: [0, '30%'] }),
        { ...valueAxis(silhouetteName, 'plain', lang, { scale: true, boundaryGap: [0, '30%'], splitLine: { show: false } }), ...yAxisName(silhouetteName, { align: 'right' }), axisLabel: fineAxisLabel },
      ],
      series: [
        {
          type: 'line',
          name: inertiaName,
          symbolSize: 6,
          itemStyle: { color: SCAN_COLORS.inertia },
          lineStyle: { color: SCAN_COLORS.inertia, width: 2 },
          data: rows.map((r) => [r.k, r.inertia]),
          markPoint: markPoint(pins.inertia),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: SCAN_COLORS.mark, width: 1.5 },
            label: { show: false },
            data: row(chosenK) ? [{ xAxis: chosenK }] : [],
          },
        },
        {
          type: 'line',
          name: silhouetteName,
          yAxisIndex: 1,
          symbolSize: 6,
          connectNulls: false,
          itemStyle: { color: SCAN_COLORS.silhouette },
          lineStyle: { color: SCAN_COLORS.silhouette, width: 2 },
          data: rows.map((r) => [r.k, r.silhouette]),
          markPoint: markPoint(pins.silhouette),
        },
      ],
    },
  );
  return withNoDataNote(option, rows.length === 0, fill(label('clusterScanFixed', lang), { k: chosenK }));
}

// ───────────────────────────── The map ─────────────────────────────

/**
 * The customers on the first two principal components, one series (colour) per cluster named by its
 * profile in the UI language; the axes say how much of the variance each component explains, the
 * note how many customers are drawn out of how many.
 */
export function buildClusterMapChart(map: ClusterRunReport['map'], profiles: readonly ClusterProfile[], lang: Lang): EChartsOption {
  const n = Math.min(map.x.length, map.y.length, map.cluster.length);
  const clusters = [...new Set([...profiles.map((p) => p.cluster), ...map.cluster.slice(0, n)])].sort((a, b) => a - b);
  const points = new Map<number, [number, number][]>(clusters.map((c) => [c, []]));
  for (let i = 0; i < n; i++) points.get(map.cluster[i])!.push([map.x[i], map.y[i]]);
  const names = clusters.map((c) => clusterName(profiles, c, lang));
  const total = profiles.reduce((s, p) => s + p.size, 0);
  const axisName = (i: 0 | 1) => fill(label('clusterPc', lang), { n: i + 1, share: formatValue(100 * (map.explained[i] ?? 0), 'percent', lang) });
  const option = framed(
    { title: label('clusterMapTitle', lang), notes: n ? [fill(label('clusterMapNote', lang), { shown: people(n), total: people(Math.max(total, n)) })] : [], legend: names },
    {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { seriesName, value, marker } = p as { seriesName: string; value: [number, number]; marker: string };
          return `${marker}${seriesName}<br/>PC1 ${value[0].toFixed(2)} · PC2 ${value[1].toFixed(2)}`;
        },
      },
      // The axes at the plot's edges (not crossing at 0, where they would hide points).
      xAxis: { ...valueAxis(axisName(0), 'plain', lang, { scale: true, splitLine: { show: false }, axisLine: { onZero: false } }, 'x'), axisLabel: fineAxisLabel },
      yAxis: { ...valueAxis(axisName(1), 'plain', lang, { scale: true, axisLine: { onZero: false } }), axisLabel: fineAxisLabel },
      series: clusters.map((c, i) => ({
        type: 'scatter' as const,
        name: names[i],
        symbolSize: 5,
        itemStyle: { color: clusterColor(c), opacity: 0.7 },
        emphasis: { focus: 'series' as const },
        data: points.get(c)!,
      })),
    },
  );
  return withNoDataNote(option, n === 0, label('clusterNoMap', lang));
}

// ───────────────────────────── Clusters × tiers ─────────────────────────────

const SCALE_HEIGHT = 28;
/** Light to dark: the share of the cluster (row) a cell holds. */
export const CLUSTER_TIER_SCALE = ['#f3f6fb', '#2f5fb3'] as const;

/** The card height that gives every cluster a readable row (320 up to 6 clusters). */
export function clusterTierChartHeight(clusters: number): number {
  return Math.max(320, 170 + 26 * clusters);
}

/**
 * The run's tier names (the service writes them in Korean) in the UI language: the default names and
 * numbered tiers ('등급 3') translate; an analyst's own names stay as they are.
 */
export function tierNamesIn(tiers: readonly string[], lang: Lang): string[] {
  if (lang === 'ko') return [...tiers];
  const ko = DEFAULT_TIER_NAMES.ko;
  if (tiers.length === ko.length && tiers.every((t, i) => t === ko[i])) return [...DEFAULT_TIER_NAMES[lang]];
  const numbered = new RegExp(`^${TIER_NUMBERED.ko.replace('{n}', '(\\d+)')}$`);
  return tiers.map((t) => {
    const m = numbered.exec(t);
    return m ? fill(TIER_NUMBERED[lang], { n: m[1] }) : t;
  });
}

/**
 * Seed 002's grid: rows the clusters (chips in the cluster colours), columns the RFM tiers (chips in
 * the tier colours); each cell gives its customers and its share of the cluster, and is coloured by
 * that share, so a row reads as the cluster's tier mix.
 */
export function buildClusterTierChart(tierCross: ClusterRunReport['tierCross'], profiles: readonly ClusterProfile[], lang: Lang): EChartsOption {
  const { counts } = tierCross;
  const tiers = tierNamesIn(tierCross.tiers, lang);
  const rows = counts.map((_, c) => clusterName(profiles, c, lang));
  const rowTotals = counts.map((row) => row.reduce((s, v) => s + v, 0));
  const empty = tiers.length === 0 || !rowTotals.some((v) => v > 0);
  const data = counts.flatMap((row, r) => tiers.map((_, c) => [c, r, rowTotals[r] > 0 ? (100 * (row[c] ?? 0)) / rowTotals[r] : 0, row[c] ?? 0]));
  const scaleMax = Math.min(100, Math.max(10, Math.ceil(Math.max(0, ...data.map((d) => d[2])) / 10) * 10));
  const rowLabels = Math.max(0, ...rows.map((s) => textWidth(s, 12))) + 22;
  const cellText = (share: number, v: number) => `${formatValue(v, 'plain', lang)}\n${formatValue(share, 'percent', lang)}`;
  const widestCell = Math.max(0, ...data.map((d) => textWidth(formatValue(d[3], 'plain', lang), 12)), textWidth('100%', 12));
  const responsive = (box: PlotBox): EChartsOption => {
    const band = (box.width - 2 * SIDE - 8 - rowLabels) / Math.max(1, tiers.length);
    return { ...gridIn(box), ...(empty ? {} : { series: [{ label: { show: widestCell + 6 <= band } }] }) };
  };
  const option = framed(
    { title: label('clusterTierTitle', lang), notes: empty ? [] : [label('clusterTierNote', lang)], bottom: SCALE_HEIGHT },
    {
      tooltip: {
        position: 'top',
        formatter: (p: unknown) => {
          const [c, r, share, v] = (p as { value: number[] }).value;
          return `${rows[r]} · ${tiers[c]}<br/>${formatValue(v, 'people', lang)} (${formatValue(share, 'percent', lang)})`;
        },
      },
      xAxis: { type: 'category', ...xAxisName(label('clusterTier', lang)), data: tiers, axisLabel: chipAxisLabel(tiers.map((_, i) => tierColor(i))) },
      yAxis: {
        type: 'category',
        ...yAxisName(label('clusterCluster', lang), { at: 'start', align: 'right' }),
        data: rows,
        inverse: true,
        axisLabel: chipAxisLabel(rows.map((_, c) => clusterColor(c))),
      },
      visualMap: shareScale(scaleMax, CLUSTER_TIER_SCALE),
      series: [
        {
          type: 'heatmap',
          name: label('clusterTierTitle', lang),
          data: data.map((d) => ({ value: d, label: { color: d[2] > 0.55 * scaleMax ? '#ffffff' : '#1f2937' } })),
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          label: { show: true, fontSize: 12, lineHeight: 15, formatter: (p: unknown) => cellText((p as { value: number[] }).value[2], (p as { value: number[] }).value[3]) },
          labelLayout: { hideOverlap: true },
        },
      ],
    },
    responsive,
  );
  return withNoDataNote(option, empty, label('noData', lang));
}

// ───────────────────────────── A cluster's traits ─────────────────────────────

export const TRAIT_COLORS = { above: '#2f5fb3', below: '#d9622b' } as const;

/** The card height that gives each trait a bar (5 traits: 250). */
export function clusterTraitsChartHeight(traits: number): number {
  return 120 + 26 * Math.max(traits, 3);
}

/**
 * What sets the cluster apart: horizontal bars of its traits' z (the cluster's mean against all
 * customers, in standard deviations), largest |z| first, named in the UI language; above the average
 * blue, below orange, each labelled with its signed z. `features` is the run's feature list (the note
 * says how many traits of how many features).
 */
export function buildClusterTraitsChart(profile: ClusterProfile, features: readonly string[], lang: Lang): EChartsOption {
  const traits = [...profile.traits].filter((t) => Number.isFinite(t.z)).sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
  const names = traits.map((t) => featureLabel(t.feature, lang));
  // Each side of 0 that has bars reaches a quarter past the longest, so the value labels stay inside the plot.
  const reach = Math.max(0.5, Math.ceil(Math.max(0, ...traits.map((t) => Math.abs(t.z))) * 1.25 * 2) / 2);
  const min = traits.some((t) => t.z < 0) ? -reach : 0;
  const max = traits.some((t) => t.z >= 0) ? reach : 0;
  const option = framed(
    {
      title: fill(label('clusterTraitsTitle', lang), { name: profile.name[lang] || fill(label('clusterNumbered', lang), { n: profile.cluster + 1 }) }),
      notes: traits.length ? [fill(label('clusterTraitsNote', lang), { shown: traits.length, features: Math.max(features.length, traits.length) })] : [],
    },
    {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const i = (params as { dataIndex: number }[])[0]?.dataIndex ?? -1;
          const t = traits[i];
          if (!t) return '';
          return `${names[i]} z ${signedZ(t.z)}<br/>${fill(label('clusterTraitMean', lang), { mean: formatValue(t.mean, 'plain', lang), overall: formatValue(t.overall, 'plain', lang) })}`;
        },
      },
      xAxis: { ...valueAxis(label('clusterTraitZ', lang), 'plain', lang, { min, max }, 'x'), axisLabel: fineAxisLabel },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { interval: 0, fontSize: 12 }, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          name: label('clusterTraitZ', lang),
          barMaxWidth: 18,
          data: traits.map((t) => ({
            value: t.z,
            itemStyle: { color: t.z >= 0 ? TRAIT_COLORS.above : TRAIT_COLORS.below },
            label: { position: t.z >= 0 ? ('right' as const) : ('left' as const) },
          })),
          label: { show: true, fontSize: 11, formatter: (p: unknown) => signedZ((p as { value: number }).value) },
        },
      ],
    },
  );
  return withNoDataNote(option, traits.length === 0, label('clusterNoTraits', lang));
}
