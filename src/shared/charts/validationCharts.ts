import type { EChartsOption } from 'echarts';
import { fill } from '../i18n';
import type { ChurnModelName } from '../models';
import type { RecommendModelName } from '../recommend';
import type { ChurnCheck, RecommendCheck, ValidationReport } from '../validation';
import { modelLabel as churnModelLabel, MODEL_COLORS as CHURN_COLORS } from './churnCharts';
import { valueAxis, withNoDataNote } from './common';
import { framed } from './frame';
import { chainLabel, label, type Lang } from './labels';
import { formatValue } from './numberFormat';
import { RECOMMEND_COLORS, recommendModelLabel } from './recommendCharts';

/*
 * The validation report's charts (DESIGN.md step 6): everything learned before the cut-off, checked
 * on what the customers did in the observed months after it. The repurchase table per chain (seed
 * 001's), each recommender's new-to-you lists against popularity, and the churn models' cumulative
 * gains on who actually went inactive.
 */

const three = (v: number) => v.toFixed(3);
const people = (n: number) => n.toLocaleString('ko-KR');
/** A share as the notes write it beside their own %: 41.2. */
const pct1 = (share: number) => (100 * share).toFixed(1);
const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
/** Tick labels of small values without float noise (0.30000000000000004 → 0.3). */
const fineAxisLabel = { formatter: (v: number) => String(Number(v.toFixed(4))), hideOverlap: true, lineHeight: 16 };
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** One colour per chain, the same wherever chains are drawn side by side in this report. */
export const CHAIN_COLORS: Record<string, string> = {
  A01: '#2f5fb3',
  A02: '#27a17a',
  A03: '#e0a526',
  A04: '#c2410c',
  A05: '#8e5cc2',
  A06: '#0e7490',
};
const OTHER_COLORS = ['#6b7280', '#b45309', '#be185d', '#4d7c0f', '#1d4ed8', '#9333ea'];
export function chainColor(code: string, index: number): string {
  return CHAIN_COLORS[code] ?? OTHER_COLORS[index % OTHER_COLORS.length];
}

/** The random-targeting diagonal of the gains chart. */
export const GAINS_RANDOM_COLOR = '#6b7280';

// ───────────────────────────── Repurchase by preference score ─────────────────────────────

/**
 * Seed 001's table as lines: one per chain, x = the preference-score threshold (0.0 … 4.5), y = the
 * share of the customer–product pairs bought before the cut-off (with a score ≥ threshold) that were
 * bought again in the observed months. A threshold without pairs leaves a gap. The tooltip gives the
 * pair counts; the note the learned and observed windows.
 */
export function buildRepurchaseChart(report: ValidationReport, lang: Lang): EChartsOption {
  const chains = report.repurchase.chains.filter((c) => c.rows.length > 0);
  const names = chains.map((c) => chainLabel(c.chain, lang));
  const thresholds = [...new Set(chains.flatMap((c) => c.rows.map((r) => r.threshold)))].sort((a, b) => a - b);
  const notes = [fill(label('valRepurchaseNote', lang), { learnFrom: report.learn.from, learnTo: report.learn.to, from: report.observe.from, to: report.observe.to })];
  const tooltipFormatter = (params: unknown) => {
    const list = (Array.isArray(params) ? params : [params]) as { seriesName: string; marker: string; data: [number, number | null, number] }[];
    if (!list.length) return '';
    const head = fill(label('valThresholdAt', lang), { t: list[0].data[0].toFixed(1) });
    const lines = list.map((p) => {
      const [, share, pairs] = p.data;
      const value = finite(share) ? formatValue(share, 'percent', lang) : '–';
      return `${p.marker}${esc(p.seriesName)}: <b>${value}</b> (${fill(label('valPairs', lang), { n: people(pairs) })})`;
    });
    return [esc(head), ...lines].join('<br/>');
  };
  const option = framed(
    { title: label('valRepurchaseTitle', lang), notes, legend: names },
    {
      tooltip: { trigger: 'axis', formatter: tooltipFormatter },
      xAxis: valueAxis(
        label('valThreshold', lang),
        'plain',
        lang,
        { min: thresholds[0] ?? 0, max: thresholds.at(-1) ?? 4.5, interval: 0.5, axisLabel: { formatter: (v: number) => v.toFixed(1), hideOverlap: true, lineHeight: 16 } },
        'x',
      ),
      yAxis: valueAxis(label('valRepurchaseShare', lang), 'percent', lang, { min: 0 }),
      series: chains.map((c, i) => {
        const color = chainColor(c.chain, i);
        return {
          type: 'line' as const,
          name: names[i],
          symbolSize: 5,
          connectNulls: false,
          itemStyle: { color },
          lineStyle: { color, width: 2 },
          // [threshold, share in %, pairs]: the third value is the tooltip's pair count.
          data: c.rows.map((r) => [r.threshold, finite(r.share) ? Number((100 * r.share).toFixed(4)) : null, r.pairs]),
        };
      }),
    },
  );
  return withNoDataNote(option, chains.length === 0, label('valNoRepurchase', lang));
}

// ───────────────────────────── Recommenders on the observed months ─────────────────────────────

type CheckMetric = 'hitRate' | 'precision' | 'recall';
const CHECK_METRICS: readonly CheckMetric[] = ['hitRate', 'precision', 'recall'];

/** The lift of one figure over popularity's: the report's for hit rate and precision, computed for recall. */
export function recommendLift(check: RecommendCheck, metric: CheckMetric, popularity: RecommendCheck | undefined): number | null {
  if (metric === 'hitRate') return check.lift;
  if (metric === 'precision') return check.precisionLift;
  return popularity && popularity.recall > 0 ? check.recall / popularity.recall : null;
}

/** The checked models, popularity (the baseline) first, in the order the report lists the others. */
export function checkedModels(report: ValidationReport): RecommendCheck[] {
  const models = report.recommend.models;
  return [...models.filter((m) => m.model === 'popularity'), ...models.filter((m) => m.model !== 'popularity')];
}

/**
 * Per figure (hit rate, precision@K, recall@K: the categories) a bar per model in the model's colour
 * and with its name, as in the recommendation report. Each bar is labelled with its value; the
 * tooltip adds the lift over popularity. K is in the title; the note names the best hit rate and its lift.
 */
export function buildRecommendCheckChart(report: ValidationReport, lang: Lang): EChartsOption {
  const rec = report.recommend;
  const models = checkedModels(report);
  const popularity = models.find((m) => m.model === 'popularity');
  const names = models.map((m) => recommendModelLabel(m.model, lang));
  const categories = CHECK_METRICS.map((m) => fill(label(m === 'hitRate' ? 'valHitRate' : m === 'precision' ? 'valPrecisionAt' : 'valRecallAt', lang), { k: rec.k }));
  let best: RecommendCheck | undefined;
  for (const m of models) if (!best || m.hitRate > best.hitRate) best = m;
  const notes = best
    ? [
        fill(label('valRecommendNote', lang), { customers: people(rec.customers), buyers: people(rec.buyers), from: report.observe.from, to: report.observe.to }),
        fill(label(finite(best.lift) && best.model !== 'popularity' ? 'valRecommendBestLift' : 'valRecommendBest', lang), {
          model: recommendModelLabel(best.model, lang),
          value: three(best.hitRate),
          lift: finite(best.lift) ? best.lift.toFixed(2) : '–',
        }),
      ]
    : [];
  const liftText = (v: number | null) => (finite(v) ? `×${v.toFixed(2)}` : '–');
  const tooltipFormatter = (params: unknown) => {
    const list = (Array.isArray(params) ? params : [params]) as { seriesIndex: number; dataIndex: number; marker: string; seriesName: string; value: number }[];
    if (!list.length) return '';
    const metric = CHECK_METRICS[list[0].dataIndex];
    const lines = list.map((p) => {
      const check = models[p.seriesIndex];
      const lift = check && check.model !== 'popularity' ? ` · ${esc(fill(label('valLiftOverPopularity', lang), { lift: liftText(recommendLift(check, metric, popularity)) }))}` : '';
      return `${p.marker}${esc(p.seriesName)}: <b>${finite(p.value) ? three(p.value) : '–'}</b>${lift}`;
    });
    return [esc(categories[list[0].dataIndex] ?? ''), ...lines].join('<br/>');
  };
  const option = framed(
    { title: fill(label('valRecommendTitle', lang), { k: rec.k }), notes, legend: names },
    {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltipFormatter },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
      yAxis: { ...valueAxis(label('recScore', lang), 'plain', lang, { min: 0 }), axisLabel: fineAxisLabel },
      series: models.map((m, i) => {
        const color = RECOMMEND_COLORS[m.model as RecommendModelName] ?? '#6b7280';
        return {
          type: 'bar' as const,
          name: names[i],
          barMaxWidth: 22,
          itemStyle: { color },
          data: CHECK_METRICS.map((metric) => (finite(m[metric]) ? m[metric] : 0)),
          label: { show: true, position: 'top' as const, fontSize: 10, formatter: (p: unknown) => three((p as { value: number }).value) },
          labelLayout: { hideOverlap: true },
        };
      }),
    },
  );
  return withNoDataNote(option, models.length === 0, label('recNoModels', lang));
}

// ───────────────────────────── Churn: cumulative gains ─────────────────────────────

/** [share contacted %, share of churners reached %] from (0, 0) through every decile. */
function gainsPoints(check: ChurnCheck): [number, number][] {
  const total = check.deciles.reduce((s, d) => s + d.customers, 0);
  let cum = 0;
  const points: [number, number][] = [[0, 0]];
  for (const d of check.deciles) {
    cum += d.customers;
    const x = total > 0 ? (100 * cum) / total : 10 * d.decile;
    points.push([Number(x.toFixed(4)), finite(d.gain) ? Number((100 * d.gain).toFixed(4)) : 0]);
  }
  return points;
}

/** Share of the churners reached by contacting the top decile of a model (null without deciles). */
export function topDecileGain(check: ChurnCheck | undefined): number | null {
  const d = check?.deciles[0];
  return d && finite(d.gain) ? d.gain : null;
}

/**
 * Cumulative gains per churn model over the risk deciles: x = share of the customers contacted
 * (riskiest first), y = share of the customers who bought nothing in the observed months reached.
 * The dashed diagonal is random contact; the best model (by ROC-AUC) is drawn thicker, and the note
 * says what its top 10 % reaches.
 */
export function buildGainsChart(report: ValidationReport, lang: Lang): EChartsOption {
  const ch = report.churn;
  const models = ch.models.filter((m) => m.deciles.length > 0);
  const names = models.map((m) => churnModelLabel(m.model, lang));
  const randomName = label('valRandom', lang);
  const best = models.find((m) => m.model === ch.best) ?? models[0];
  const reach = topDecileGain(best);
  const notes: string[] = [fill(label('valGainsWindow', lang), { customers: people(ch.customers), churners: people(ch.churners), from: report.observe.from, to: report.observe.to })];
  if (best && reach !== null) notes.unshift(fill(label('valGainsNote', lang), { model: churnModelLabel(best.model, lang), value: pct1(reach) }));
  const option = framed(
    { title: label('valGainsTitle', lang), notes, legend: [...names, randomName] },
    {
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { marker, seriesName, data } = p as { marker: string; seriesName: string; data: [number, number] };
          return `${marker}${esc(seriesName)}<br/>${esc(fill(label('valGainsPoint', lang), { contacted: formatValue(data[0], 'percent', lang), reached: formatValue(data[1], 'percent', lang) }))}`;
        },
      },
      xAxis: valueAxis(label('valContacted', lang), 'percent', lang, { min: 0, max: 100, interval: 10 }, 'x'),
      yAxis: valueAxis(label('valChurnersReached', lang), 'percent', lang, { min: 0, max: 100 }),
      series: [
        ...models.map((m, i) => {
          const color = CHURN_COLORS[m.model as ChurnModelName] ?? '#6b7280';
          return {
            type: 'line' as const,
            name: names[i],
            symbolSize: 5,
            itemStyle: { color },
            lineStyle: { color, width: m === best ? 3.5 : 1.75 },
            z: m === best ? 3 : 2,
            data: gainsPoints(m),
          };
        }),
        {
          type: 'line' as const,
          name: randomName,
          symbol: 'none',
          silent: true,
          itemStyle: { color: GAINS_RANDOM_COLOR },
          lineStyle: { color: GAINS_RANDOM_COLOR, width: 1.5, type: 'dashed' as const },
          data: [
            [0, 0],
            [100, 100],
          ],
        },
      ],
    },
  );
  return withNoDataNote(option, models.length === 0, label('valNoGains', lang));
}
