import type { EChartsOption } from 'echarts';
import { fill } from '../i18n';
import { RECOMMEND_MODELS, type RecommendModelName, type RecommendModelResult, type RecommendRunReport } from '../recommend';
import { tooltipFormatter, valueAxis, withNoDataNote } from './common';
import { framed, gridIn, SIDE } from './frame';
import { label, type Lang, type LabelKey } from './labels';
import { formatValue } from './numberFormat';
import { textWidth } from './textWidth';

/*
 * The recommendation report's charts: HR@K and NDCG@K of every model on the leave-one-out protocol
 * (1 held-out product + N sampled negatives), the time split's recall and NDCG per model, and the
 * loss per epoch of the networks (live while they train).
 */

const MODEL_KEYS: Record<RecommendModelName, LabelKey> = {
  popularity: 'recModelPopularity',
  itemknn: 'recModelItemknn',
  mf: 'recModelMf',
  preference: 'recModelPreference',
  neumf: 'recModelNeumf',
  widedeep: 'recModelWideDeep',
};

/** '아이템 kNN(코사인)' / 'Item kNN (cosine)'; a name this version does not know stays as it is. */
export function recommendModelLabel(name: RecommendModelName, lang: Lang): string {
  const key = MODEL_KEYS[name] as LabelKey | undefined;
  return key ? label(key, lang) : String(name);
}

/** One colour per recommender, the same in every chart; popularity (the baseline) grey. */
export const RECOMMEND_COLORS: Record<RecommendModelName, string> = {
  popularity: '#9aa1ab',
  itemknn: '#27a17a',
  mf: '#2f5fb3',
  preference: '#e0a526',
  neumf: '#c2410c',
  widedeep: '#8e5cc2',
};
const modelColor = (name: RecommendModelName) => RECOMMEND_COLORS[name] ?? '#6b7280';

/** The time split's two figures per model. */
export const TIME_SPLIT_COLORS = { recall: '#2f5fb3', ndcg: '#9db8e3' } as const;

const three = (v: number) => v.toFixed(3);
const people = (n: number) => n.toLocaleString('ko-KR');
/** Tick labels of small values without float noise (0.30000000000000004 → 0.3). */
const fineAxisLabel = { formatter: (v: number) => String(Number(v.toFixed(4))), hideOverlap: true, lineHeight: 16 };

/** The report's models in the usual order (popularity first), then any this version does not know. */
export function reportModels(report: Pick<RecommendRunReport, 'models'>): [RecommendModelName, RecommendModelResult][] {
  const known = new Set<string>(RECOMMEND_MODELS);
  const names = [...RECOMMEND_MODELS, ...(Object.keys(report.models) as RecommendModelName[]).filter((m) => !known.has(m))];
  return names.flatMap((m) => {
    const r = report.models[m];
    return r ? [[m, r] as [RecommendModelName, RecommendModelResult]] : [];
  });
}

/** N, the sampled negatives per held-out product (the same for every model of a run); null without a model. */
export function sampledNegatives(report: Pick<RecommendRunReport, 'models'>): number | null {
  return reportModels(report)[0]?.[1].sampled.negatives ?? null;
}

// ───────────────────────────── HR@K and NDCG@K ─────────────────────────────

type SampledMetric = 'hr' | 'ndcg';

/**
 * One line per model over K = 1…10 (the leave-one-out scores: each customer's last new product
 * ranked among it and N products they never bought), in the model's colour; the best model (by
 * HR@10, the run's pick) drawn thicker. The title says N; the note how many customers and the best.
 */
function buildSampledChart(report: RecommendRunReport, metric: SampledMetric, lang: Lang): EChartsOption {
  const rows = reportModels(report).filter(([, r]) => r.sampled[metric].length > 0);
  const n = sampledNegatives(report);
  const names = rows.map(([m]) => recommendModelLabel(m, lang));
  const best = rows.find(([m]) => m === report.best);
  const bestHr = best?.[1].sampled.hr[9] ?? best?.[1].sampled.hr.at(-1);
  const notes =
    best && bestHr !== undefined
      ? [
          fill(label('recSampledNote', lang), { users: people(best[1].sampled.users), model: recommendModelLabel(best[0], lang), value: three(bestHr) }) +
            (rows.some(([m]) => m === 'popularity') ? ` · ${label('recBaselineGrey', lang)}` : ''),
        ]
      : [];
  const kMax = Math.max(1, ...rows.map(([, r]) => r.sampled[metric].length));
  const axisName = label(metric === 'hr' ? 'recHitRate' : 'recNdcg', lang);
  const option = framed(
    { title: fill(label(metric === 'hr' ? 'recHitRateTitle' : 'recNdcgTitle', lang), { n: n ?? '–' }), notes, legend: names },
    {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? three(v) : '–') },
      xAxis: valueAxis(label('recK', lang), 'plain', lang, { min: 1, max: kMax, interval: 1, axisLabel: { formatter: (v: number) => String(v), hideOverlap: true, lineHeight: 16 } }, 'x'),
      yAxis: { ...valueAxis(axisName, 'plain', lang, metric === 'hr' ? { min: 0, max: 1 } : { min: 0 }), axisLabel: fineAxisLabel },
      series: rows.map(([m, r], i) => {
        const color = modelColor(m);
        const width = m === report.best ? 3 : 2;
        return {
          type: 'line' as const,
          name: names[i],
          symbolSize: 5,
          itemStyle: { color },
          lineStyle: { color, width },
          data: r.sampled[metric].map((v, k) => [k + 1, v]),
        };
      }),
    },
  );
  return withNoDataNote(option, rows.length === 0, label('recNoModels', lang));
}

/** HR@K for K = 1…10, one line per model; the title gives N (the sampled negatives). */
export function buildHitRateChart(report: RecommendRunReport, lang: Lang): EChartsOption {
  return buildSampledChart(report, 'hr', lang);
}

/** NDCG@K for K = 1…10, one line per model; the title gives N. */
export function buildNdcgChart(report: RecommendRunReport, lang: Lang): EChartsOption {
  return buildSampledChart(report, 'ndcg', lang);
}

// ───────────────────────────── Time split ─────────────────────────────

/** The card height that gives each model's two bars and their figures room (5 models: 380; a saved image's period line included). */
export function timeSplitChartHeight(models: number): number {
  return Math.max(320, 200 + 36 * models);
}

/** Room right of the plot for the value label of a bar reaching the axis end (0.123). */
const VALUE_LABEL_ROOM = Math.ceil(textWidth('0.000', 11)) + 8;

/**
 * The time split, full ranking: per model (a row, popularity at the top) a bar of recall@K and one
 * of NDCG@K, each labelled (3 decimals). Rows rather than columns, so the models' names and the
 * figures fit a narrow card. The note names the customers evaluated and the best recall.
 */
export function buildTimeSplitChart(report: RecommendRunReport, lang: Lang): EChartsOption {
  const rows = reportModels(report);
  const k = rows[0]?.[1].timeSplit.k ?? 10;
  const recallName = fill(label('recRecall', lang), { k });
  const ndcgName = fill(label('recTimeNdcg', lang), { k });
  let best: [RecommendModelName, RecommendModelResult] | undefined;
  for (const row of rows) if (!best || row[1].timeSplit.recall > best[1].timeSplit.recall) best = row;
  const notes = best
    ? [fill(label('recTimeSplitNote', lang), { users: people(best[1].timeSplit.users), model: recommendModelLabel(best[0], lang), value: three(best[1].timeSplit.recall) })]
    : [];
  const bar = (name: string, color: string, values: number[]) => ({
    type: 'bar' as const,
    name,
    barMaxWidth: 16,
    itemStyle: { color },
    data: values,
    label: { show: true, position: 'right' as const, fontSize: 11, formatter: (p: unknown) => three((p as { value: number }).value) },
    // A short card (a saved image with its period) drops the figures that would run into each other.
    labelLayout: { hideOverlap: true },
  });
  const option = framed(
    { title: fill(label('recTimeSplitTitle', lang), { cutoff: report.cutoff, k }), notes, legend: [recallName, ndcgName] },
    {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? three(v) : '–') },
      xAxis: { ...valueAxis(label('recScore', lang), 'plain', lang, { min: 0 }, 'x'), axisLabel: fineAxisLabel },
      // Read top-down: the baseline first, as in the table.
      yAxis: { type: 'category', inverse: true, data: rows.map(([m]) => recommendModelLabel(m, lang)), axisLabel: { interval: 0 } },
      series: [
        bar(
          recallName,
          TIME_SPLIT_COLORS.recall,
          rows.map(([, r]) => r.timeSplit.recall),
        ),
        bar(
          ndcgName,
          TIME_SPLIT_COLORS.ndcg,
          rows.map(([, r]) => r.timeSplit.ndcg),
        ),
      ],
    },
    (box) => ({ grid: { ...gridIn(box).grid, right: SIDE + VALUE_LABEL_ROOM } }),
  );
  return withNoDataNote(option, rows.length === 0, label('recNoModels', lang));
}

// ───────────────────────────── Loss per epoch ─────────────────────────────

export interface LossCurve {
  model: RecommendModelName;
  /** The training loss per epoch, from the first. */
  loss: readonly number[];
  /** Which fit: the leave-one-out one (the report's, default) or the time split's (seen while training). */
  fit?: 'sampled' | 'timeSplit';
  samplesPerSecond?: number;
}

/** The curves a finished report carries: the networks' leave-one-out fits. */
export function lossCurvesOf(report: Pick<RecommendRunReport, 'models'>): LossCurve[] {
  return reportModels(report).flatMap(([model, r]) => (r.loss && r.loss.length ? [{ model, loss: r.loss, samplesPerSecond: r.samplesPerSecond }] : []));
}

/**
 * The training loss per epoch of the models that record one (NeuMF): a line per fit in the model's
 * colour, the time split's fit dashed. Redrawn on every epoch while training (no animation), so the
 * arrays may grow; the note gives each curve's last loss and its speed.
 */
export function buildRecommendLossChart(curves: readonly LossCurve[], lang: Lang): EChartsOption {
  const shown = curves.filter((c) => c.loss.length > 0);
  const nameOf = (c: LossCurve) => `${recommendModelLabel(c.model, lang)}${c.fit === 'timeSplit' ? ` (${label('recTimeSplitFit', lang)})` : ''}`;
  const names = shown.map(nameOf);
  const notes = shown.map((c, i) =>
    fill(label('recLossNote', lang), {
      model: names[i],
      loss: c.loss[c.loss.length - 1].toFixed(4),
      speed: c.samplesPerSecond === undefined ? '–' : Math.round(c.samplesPerSecond).toLocaleString('ko-KR'),
    }),
  );
  const option = framed(
    { title: label('recLossTitle', lang), notes, legend: names },
    {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('plain', lang) },
      // As the churn curves: from 0, and at least to 2 so that a first lone point stands off the edge.
      xAxis: valueAxis(label('recEpoch', lang), 'plain', lang, { min: 0, max: Math.max(2, ...shown.map((c) => c.loss.length)), minInterval: 1 }, 'x'),
      yAxis: { ...valueAxis(label('recLoss', lang), 'plain', lang, { scale: true }), axisLabel: fineAxisLabel },
      series: shown.map((c, i) => {
        const color = modelColor(c.model);
        return {
          type: 'line' as const,
          name: names[i],
          symbol: c.fit === 'timeSplit' ? 'emptyCircle' : 'circle',
          showSymbol: c.loss.length < 2,
          symbolSize: 5,
          itemStyle: { color },
          lineStyle: { color, width: 2, type: c.fit === 'timeSplit' ? ('dashed' as const) : ('solid' as const) },
          data: c.loss.map((v, e) => [e + 1, v]),
        };
      }),
    },
  );
  return withNoDataNote(option, shown.length === 0, label('recNoLoss', lang));
}

/** A share as the table and tooltips write it: 36.1%. */
export function sharePercent(share: number, lang: Lang): string {
  return formatValue(100 * share, 'percent', lang);
}
