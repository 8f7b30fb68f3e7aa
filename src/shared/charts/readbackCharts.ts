import type { EChartsOption } from 'echarts';
import { fill } from '../i18n';
import type { ReadbackOutcome, ReadbackOutcomeName, ReadbackReport, ReadbackSegmentRow } from '../readback';
import { valueAxis, withNoDataNote } from './common';
import { framed } from './frame';
import { label, type Lang, type LabelKey } from './labels';
import { formatValue } from './numberFormat';

/*
 * The campaign read-back's charts (issue #21): the contacted against the control group of an exported
 * list on the purchases that followed. Day by day, per outcome, and per risk decile / tier / cluster.
 * Uplifts of rates are drawn in percentage points (%p) with their 95 % intervals.
 */

export const READBACK_COLORS = { treatment: '#2f5fb3', control: '#9ca3af', significant: '#2f5fb3', notSignificant: '#6b7280' } as const;

const people = (n: number, lang: Lang) => formatValue(n, 'people', lang);
const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
/** A share 0..1 in % as the series hold it, without float noise. */
const asPercent = (share: number) => Number((100 * share).toFixed(4));
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A difference of shares in percentage points with its sign: +3.0%p / -1.2%p (en: +3.0 pts). */
export function pointsText(diff: number | null | undefined, lang: Lang, digits = 1): string {
  if (!finite(diff)) return '–';
  const v = Number((100 * diff).toFixed(digits));
  return fill(label('rbPoints', lang), { n: v === 0 ? (0).toFixed(digits) : `${v > 0 ? '+' : ''}${v.toFixed(digits)}` });
}

const OUTCOME_LABELS: Record<ReadbackOutcomeName, LabelKey> = {
  bought: 'rbOutcomeBought',
  receipts: 'rbOutcomeReceipts',
  amount: 'rbOutcomeAmount',
  boughtRecommended: 'rbOutcomeBoughtRecommended',
  boughtCategory: 'rbOutcomeBoughtCategory',
};
export function outcomeLabel(outcome: ReadbackOutcomeName, lang: Lang): string {
  return label(OUTCOME_LABELS[outcome], lang);
}

export type ReadbackSegmentBy = ReadbackReport['segments'][number]['by'];
const BY_LABELS: Record<ReadbackSegmentBy, LabelKey> = { riskDecile: 'rbByRiskDecile', tier: 'rbByTier', cluster: 'rbByCluster' };
export function segmentByLabel(by: ReadbackSegmentBy, lang: Lang): string {
  return label(BY_LABELS[by], lang);
}
/** A segment's key as shown: a risk decile '1' → '1분위' (D1); tiers and clusters as the list names them. */
export function segmentKeyLabel(by: ReadbackSegmentBy, key: string, lang: Lang): string {
  return by === 'riskDecile' && /^\d+$/.test(key) ? fill(label('rbDecileKey', lang), { d: key }) : key;
}

// ───────────────────────────── Day by day ─────────────────────────────

/**
 * Both groups over the days since each customer's contact: the cumulative share who bought by day d
 * (1 … window). Contacted in blue, control grey; the note gives both shares and the uplift on the last day.
 */
export function buildReadbackSeriesChart(report: ReadbackReport, lang: Lang): EChartsOption {
  const names = [label('rbContacted', lang), label('rbControl', lang)];
  const last = report.series.at(-1);
  const notes = last
    ? [
        fill(label('rbSeriesNote', lang), {
          day: last.day,
          treatment: formatValue(100 * last.treatment, 'percent', lang),
          control: formatValue(100 * last.control, 'percent', lang),
          uplift: pointsText(last.treatment - last.control, lang),
        }),
      ]
    : [];
  const line = (name: string, color: string, width: number, pick: (p: ReadbackReport['series'][number]) => number) => ({
    type: 'line' as const,
    name,
    symbol: 'none',
    step: 'end' as const,
    itemStyle: { color },
    lineStyle: { color, width },
    data: report.series.map((p) => [p.day, asPercent(pick(p))]),
  });
  const option = framed(
    { title: label('rbSeriesTitle', lang), notes, legend: names },
    {
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as { seriesName: string; marker: string; data: [number, number] }[];
          if (!list.length) return '';
          const lines = list.map((p) => `${p.marker}${esc(p.seriesName)}: <b>${formatValue(p.data[1], 'percent', lang)}</b>`);
          return [esc(fill(label('rbDayAt', lang), { day: list[0].data[0] })), ...lines].join('<br/>');
        },
      },
      xAxis: valueAxis(label('rbDay', lang), 'plain', lang, { min: 1, max: Math.max(1, last?.day ?? 1), minInterval: 1, axisLabel: { formatter: (v: number) => String(v), hideOverlap: true, lineHeight: 16 } }, 'x'),
      yAxis: valueAxis(label('rbBoughtShare', lang), 'percent', lang, { min: 0 }),
      series: [line(names[0], READBACK_COLORS.treatment, 2.5, (p) => p.treatment), line(names[1], READBACK_COLORS.control, 2, (p) => p.control)],
    },
  );
  const empty = report.series.length === 0 || report.groups.treatment + report.groups.control === 0;
  return withNoDataNote(option, empty, label('rbNoSeries', lang));
}

// ───────────────────────────── Dot and whisker ─────────────────────────────

interface Interval {
  name: string;
  uplift: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  significant: boolean;
  /** The tooltip's second line (p, group sizes). */
  detail: string;
}

/** A dot per category (filled when significant, hollow when not), its 95 % interval a capped line, the zero line dashed. */
function intervalChart(title: string, notes: string[], rows: Interval[], lang: Lang): EChartsOption {
  const categories = rows.map((r) => r.name);
  const upliftName = label('rbUplift', lang);
  const dot = (r: Interval) => {
    const color = r.significant ? READBACK_COLORS.significant : READBACK_COLORS.notSignificant;
    return {
      value: [r.name, finite(r.uplift) ? asPercent(r.uplift) : null],
      itemStyle: r.significant ? { color, borderColor: color } : { color: '#fff', borderColor: color, borderWidth: 2 },
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
      significant: r.significant,
      detail: r.detail,
    };
  };
  const whiskers = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => finite(r.ciLow) && finite(r.ciHigh))
    .map(({ r }) => {
      const color = r.significant ? READBACK_COLORS.significant : READBACK_COLORS.notSignificant;
      return {
        type: 'line' as const,
        name: `${r.name} 95%`,
        silent: true,
        symbol: 'rect',
        symbolSize: [12, 2],
        itemStyle: { color },
        lineStyle: { color, width: 2 },
        tooltip: { show: false },
        data: [
          [r.name, asPercent(r.ciLow!)],
          [r.name, asPercent(r.ciHigh!)],
        ],
      };
    });
  const tooltipFormatter = (p: unknown) => {
    const { marker, data } = p as { marker: string; data: ReturnType<typeof dot> };
    const name = String(data.value[0]);
    const value = data.value[1] as number | null;
    const interval = fill(label('rbInterval', lang), { low: pointsText(data.ciLow, lang), high: pointsText(data.ciHigh, lang) });
    const verdict = label(data.significant ? 'rbSignificant' : 'rbNotSignificant', lang);
    return `${marker}${esc(name)}: <b>${finite(value) ? pointsText(value / 100, lang) : '–'}</b><br/>${esc(interval)} · ${esc(verdict)}${data.detail ? `<br/>${esc(data.detail)}` : ''}`;
  };
  return framed(
    { title, notes },
    {
      tooltip: { trigger: 'item', formatter: tooltipFormatter },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { ...valueAxis(upliftName, 'plain', lang), axisLabel: { formatter: (v: number) => pointsText(v / 100, lang, 0), hideOverlap: true, lineHeight: 16 } },
      series: [
        {
          type: 'scatter' as const,
          name: upliftName,
          symbolSize: 11,
          z: 3,
          data: rows.map(dot),
          markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#374151', type: 'dashed' as const, width: 1 }, data: [{ yAxis: 0 }] },
        },
        ...whiskers,
      ],
    },
  );
}

const pText = (p: number | null) => (finite(p) ? `p = ${p < 0.0001 ? '< 0.0001' : p.toFixed(4)}` : '');

/**
 * Each rate outcome's uplift (contacted − control) in points with its 95 % interval (Newcombe's) as a
 * capped line; significant ones filled. The note counts the significant outcomes.
 */
export function buildReadbackOutcomeChart(report: ReadbackReport, lang: Lang): EChartsOption {
  const rates = report.outcomes.filter((o: ReadbackOutcome) => o.kind === 'rate');
  const rows: Interval[] = rates.map((o) => ({
    name: outcomeLabel(o.outcome, lang),
    uplift: o.uplift,
    ciLow: o.ciLow,
    ciHigh: o.ciHigh,
    significant: o.significant,
    detail: [`${formatValue(100 * o.treatment, 'percent', lang)} vs ${formatValue(100 * o.control, 'percent', lang)}`, pText(o.pValue)].filter(Boolean).join(' · '),
  }));
  const notes = [
    label('rbOutcomeNote', lang),
    fill(label('rbGroupSizes', lang), { treatment: people(report.groups.treatment, lang), control: people(report.groups.control, lang) }) +
      ' · ' +
      fill(label('rbSignificantCount', lang), { n: rates.filter((o) => o.significant).length, total: rates.length }),
  ];
  return withNoDataNote(intervalChart(label('rbOutcomeTitle', lang), notes, rows, lang), rows.length === 0, label('rbNoOutcomes', lang));
}

/** The purchase rate's uplift per risk decile (or tier, cluster), with its interval; a group lacking either side has no dot. */
export function buildReadbackSegmentChart(report: ReadbackReport, by: ReadbackSegmentBy, lang: Lang): EChartsOption {
  const segment = report.segments.find((s) => s.by === by);
  const list: ReadbackSegmentRow[] = segment?.rows ?? [];
  const rate = (g: { n: number; bought: number }) => (g.n ? formatValue((100 * g.bought) / g.n, 'percent', lang) : '–');
  const rows: Interval[] = list.map((r) => ({
    name: segmentKeyLabel(by, r.key, lang),
    uplift: r.uplift,
    ciLow: r.ciLow,
    ciHigh: r.ciHigh,
    significant: r.significant,
    detail: `${rate(r.treatment)} (${people(r.treatment.n, lang)}) vs ${rate(r.control)} (${people(r.control.n, lang)})`,
  }));
  const sum = (pick: (r: ReadbackSegmentRow) => number) => list.reduce((s, r) => s + pick(r), 0);
  const notes = [
    label('rbOutcomeNote', lang),
    fill(label('rbGroupSizes', lang), { treatment: people(sum((r) => r.treatment.n), lang), control: people(sum((r) => r.control.n), lang) }),
  ];
  const title = fill(label('rbSegmentTitle', lang), { by: segmentByLabel(by, lang) });
  return withNoDataNote(intervalChart(title, notes, rows, lang), rows.length === 0, label('rbNoSegments', lang));
}
