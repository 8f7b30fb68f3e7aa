import type { EChartsOption } from 'echarts';
import { fill } from '../i18n';
import type { CalibrationCurve, LiftTable } from '../metrics';
import { CHURN_MODELS, type ChurnModelName, type ChurnRunReport } from '../models';
import { shareScale, tooltipFormatter, valueAxis, withNoDataNote, xAxisName, yAxisName } from './common';
import { framed, gridIn, SIDE, type PlotBox } from './frame';
import { label, type Lang, type LabelKey } from './labels';
import { formatAxis, formatValue } from './numberFormat';
import { textWidth } from './textWidth';

/*
 * The churn model report's charts: the models side by side, then the focused model's lift, confusion
 * matrix and calibration, and the loss curves of the iterative models (live while they train).
 */

const MODEL_KEYS: Record<ChurnModelName, LabelKey> = {
  mlp: 'churnModelMlp',
  gbdt: 'churnModelGbdt',
  logistic: 'churnModelLogistic',
  tierRule: 'churnModelTierRule',
  bgnbd: 'churnModelBgnbd',
};

/** 'GBDT(그래디언트 부스팅)' / 'GBDT'; a name this version does not know stays as it is. */
export function modelLabel(name: ChurnModelName, lang: Lang): string {
  const key = MODEL_KEYS[name] as LabelKey | undefined;
  return key ? label(key, lang) : String(name);
}

/** One colour per model, the same in every churn chart; the tier rule (the baseline) grey. */
export const MODEL_COLORS: Record<ChurnModelName, string> = {
  mlp: '#c2410c',
  gbdt: '#2f5fb3',
  logistic: '#27a17a',
  tierRule: '#9aa1ab',
  bgnbd: '#8e5cc2',
};
const modelColor = (name: ChurnModelName) => MODEL_COLORS[name] ?? '#6b7280';

/** Scores and probabilities as the report writes them: 0.842. */
const three = (v: number) => v.toFixed(3);

/** Tick labels of small values without float noise (0.30000000000000004 → 0.3) nor rounded duplicates. */
const fineAxisLabel = { formatter: (v: number) => String(Number(v.toFixed(4))), hideOverlap: true, lineHeight: 16 };

// ───────────────────────────── Model comparison ─────────────────────────────

export type ComparisonMetric = 'rocAuc' | 'prAuc' | 'accuracy' | 'macroF1';

const METRIC_KEYS: Record<ComparisonMetric, LabelKey> = { rocAuc: 'churnRocAuc', prAuc: 'churnPrAuc', accuracy: 'churnAccuracy', macroF1: 'churnMacroF1' };

/** The baseline bar's colour; the best model's bar stands out, the others are a lighter shade of it. */
export const COMPARISON_COLORS = { baseline: '#9aa1ab', best: '#2f5fb3', other: '#9db8e3' } as const;

/** Room right of the plot for the value label of a bar reaching the axis end (0.987). */
const VALUE_LABEL_ROOM = Math.ceil(textWidth('0.000', 12)) + 8;

/**
 * Horizontal bars, one per model that applies, best at the top, each labelled with its score (3
 * decimals). The tier rule (the baseline) is grey, the best model stands out. A model that does not
 * apply, or whose score is undefined, is named in a note under the title. ROC-AUC starts at 0.5
 * (chance) when every model reaches it; the other scores at 0.
 */
export function buildModelComparisonChart(
  report: ChurnRunReport,
  lang: Lang,
  metric: ComparisonMetric = report.label === 'binary' ? 'rocAuc' : 'macroF1',
): EChartsOption {
  const metricName = label(METRIC_KEYS[metric], lang);
  const bars: { model: ChurnModelName; value: number }[] = [];
  const skipped: string[] = [];
  const known = new Set<string>(CHURN_MODELS);
  const names = [...CHURN_MODELS, ...(Object.keys(report.models) as ChurnModelName[]).filter((m) => !known.has(m))];
  for (const model of names) {
    const r = report.models[model];
    if (!r) continue;
    if (!r.applies) {
      skipped.push(`${modelLabel(model, lang)}: ${label(report.label === 'transition' ? 'churnNotForTransition' : 'churnNotApplicable', lang)}`);
      continue;
    }
    const value = r[metric];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      skipped.push(`${modelLabel(model, lang)}: ${fill(label('churnMetricUndefined', lang), { metric: metricName })}`);
      continue;
    }
    bars.push({ model, value });
  }
  bars.sort((a, b) => b.value - a.value);
  const best = bars[0]?.model;
  const color = (m: ChurnModelName) => (m === 'tierRule' ? COMPARISON_COLORS.baseline : m === best ? COMPARISON_COLORS.best : COMPARISON_COLORS.other);
  const head = bars.length
    ? [fill(label('churnBest', lang), { model: modelLabel(bars[0].model, lang), value: three(bars[0].value) }) + (bars.some((b) => b.model === 'tierRule') ? ` · ${label('churnBaselineGrey', lang)}` : '')]
    : [];
  const min = metric === 'rocAuc' && bars.length && bars.every((b) => b.value >= 0.5) ? 0.5 : 0;
  const option = framed(
    { title: `${label('churnComparison', lang)} (${metricName})`, notes: [...head, ...skipped] },
    {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? three(v) : '–') },
      xAxis: valueAxis(metricName, 'plain', lang, { min, max: 1 }, 'x'),
      // Read top-down: the best model first.
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => modelLabel(b.model, lang)), axisLabel: { interval: 0 } },
      series: [
        {
          type: 'bar',
          name: metricName,
          barMaxWidth: 28,
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: color(b.model) }, ...(b.model === best ? { label: { fontWeight: 'bold' as const } } : {}) })),
          label: { show: true, position: 'right', fontSize: 12, formatter: (p: unknown) => three((p as { value: number }).value) },
        },
      ],
    },
    (box) => ({ grid: { ...gridIn(box).grid, right: SIDE + VALUE_LABEL_ROOM } }),
  );
  return withNoDataNote(option, bars.length === 0, label('churnNoModels', lang));
}

// ───────────────────────────── Lift ─────────────────────────────

export const LIFT_COLORS = { bars: '#2f5fb3', gain: '#c2410c', reference: '#6b7280' } as const;

/**
 * The decile table: bars of the lift per decile (1 = the highest scores), a dashed line at lift 1
 * (random targeting), and the cumulative gain in % on the right axis. The note gives the top decile's
 * lift. No table (no churner among the test customers): the frame says so.
 */
export function buildLiftChart(lift: LiftTable | null | undefined, lang: Lang, modelName: ChurnModelName): EChartsOption {
  const rows = lift?.rows ?? [];
  const liftName = label('churnLift', lang);
  const gainName = label('churnCumulativeGain', lang);
  const top = rows[0];
  const share = top && lift && lift.customers > 0 ? Math.round((100 * top.customers) / lift.customers) : 0;
  const option = framed(
    {
      title: `${label('churnLiftTitle', lang)} — ${modelLabel(modelName, lang)}`,
      notes: top ? [fill(label('churnLiftTop', lang), { share, lift: top.lift.toFixed(1) })] : [],
      legend: [liftName, gainName],
    },
    {
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const ps = params as { seriesIndex: number; value: number; axisValue: string; marker: string; seriesName: string }[];
          const lines = ps.map((p) => `${p.marker}${p.seriesName} ${p.seriesIndex === 0 ? `×${p.value.toFixed(2)}` : formatValue(p.value, 'percent', lang)}`);
          return [`${label('churnDecile', lang)} ${ps[0]?.axisValue ?? ''}`, ...lines].join('<br/>');
        },
      },
      xAxis: { type: 'category', ...xAxisName(label('churnDecile', lang)), data: rows.map((r) => String(r.group)), axisLabel: { interval: 0 } },
      // Both names stand higher than usual: the tallest bar's value label sits between them and the plot.
      yAxis: [
        valueAxis(liftName, 'plain', lang, { min: 0, nameGap: 26 }),
        { ...valueAxis(gainName, 'percent', lang, { min: 0, max: 100, splitLine: { show: false } }), ...yAxisName(gainName, { align: 'right', gap: 26 }) },
      ],
      series: [
        {
          type: 'bar',
          name: liftName,
          barMaxWidth: 36,
          itemStyle: { color: LIFT_COLORS.bars },
          data: rows.map((r) => r.lift),
          label: { show: true, position: 'top', fontSize: 12, formatter: (p: unknown) => (p as { value: number }).value.toFixed(1) },
          markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { type: 'dashed', color: LIFT_COLORS.reference, width: 1.5 }, data: [{ yAxis: 1 }] },
        },
        {
          type: 'line',
          name: gainName,
          yAxisIndex: 1,
          symbolSize: 6,
          itemStyle: { color: LIFT_COLORS.gain },
          lineStyle: { color: LIFT_COLORS.gain },
          data: rows.map((r) => 100 * r.cumulativeGain),
        },
      ],
    },
  );
  return withNoDataNote(option, rows.length === 0, label('churnNoLift', lang));
}

// ───────────────────────────── Confusion matrix ─────────────────────────────

/** Room under the plot for the colour scale, as in the transition heatmap. */
const SCALE_HEIGHT = 28;
/** Light to dark: the share of the actual class a cell holds. */
export const CONFUSION_SCALE = ['#f3f6fb', '#2f5fb3'] as const;
/** Line height of a label at this font size, as Chromium's boxes are (a little over 1.15 em). */
const lineOf = (fontSize: number) => Math.ceil(1.25 * fontSize);

/** A cell's count: in full up to 9,999 (3,954), compact above (1.2만, 12K). */
export function confusionCount(v: number, lang: Lang): string {
  return v < 10_000 ? formatValue(v, 'plain', lang) : formatAxis(v, 'plain', lang);
}

/** The card height a matrix of this many classes needs for every row label (320 up to 7 classes, 520 for 20). */
export function confusionChartHeight(classes: number): number {
  return Math.max(320, 200 + 16 * classes);
}

/**
 * Rows the actual class, columns the predicted one; each cell labelled with its count (compact:
 * 1.2천) and coloured by its share of the row, so the diagonal reads as each class's recall. Many
 * classes (20 transitions) take smaller labels, the column names turned as far as the card's width
 * needs, and cell counts only where they fit; such a matrix wants a taller card (confusionChartHeight).
 */
export function buildConfusionChart(confusion: readonly (readonly number[])[], classNames: readonly string[], lang: Lang, modelName: ChurnModelName): EChartsOption {
  const n = confusion.length;
  const names = Array.from({ length: n }, (_, i) => classNames[i] ?? String(i));
  const rowTotals = confusion.map((row) => row.reduce((s, v) => s + v, 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  const empty = n === 0 || total === 0;
  const correct = confusion.reduce((s, row, i) => s + (row[i] ?? 0), 0);
  const shares = confusion.map((row, r) => row.map((v) => (rowTotals[r] > 0 ? (100 * v) / rowTotals[r] : 0)));
  // The scale ends at the largest share (to the next 10 %), so a matrix of low recalls still shows its pattern.
  const scaleMax = Math.min(100, Math.max(10, Math.ceil(Math.max(0, ...shares.flat()) / 10) * 10));
  const data = confusion.flatMap((row, r) =>
    row.map((v, c) => {
      const share = shares[r][c];
      // Dark cells take white figures.
      return { value: [c, r, share, v], label: { color: share > 0.55 * scaleMax ? '#ffffff' : '#1f2937' } };
    }),
  );
  // A few classes: each cell gives its count and its share of the row; many: the count alone.
  const few = n <= 5;
  const cellText = (share: number, v: number) => (few ? `${confusionCount(v, lang)}\n${formatValue(share, 'percent', lang)}` : confusionCount(v, lang));

  const yFont = n > 24 ? 9 : n > 10 ? 10 : 12;
  const cellFont = few ? 14 : n > 10 ? 10 : 12;
  const yLabels = Math.max(0, ...names.map((s) => textWidth(s, yFont))) + 8;
  const widestCount = Math.max(0, ...data.map((d) => textWidth(confusionCount(d.value[3], lang), cellFont)), few ? textWidth('100%', cellFont) : 0);
  const responsive = (box: PlotBox): EChartsOption => {
    const band = (box.width - 2 * SIDE - 8 - yLabels) / Math.max(1, n);
    let xFont = yFont;
    const widest = (f: number) => Math.max(0, ...names.map((s) => textWidth(s, f)));
    let rotate = 0;
    if (widest(xFont) + 8 > band) {
      if (band * Math.SQRT1_2 >= lineOf(xFont) + 2) rotate = 45;
      else {
        rotate = 90;
        while (xFont > 8 && band < lineOf(xFont) + 2) xFont -= 1;
      }
    }
    const showCounts = widestCount + 6 <= band;
    return {
      ...gridIn(box),
      xAxis: { axisLabel: { rotate, fontSize: xFont } },
      // An empty frame has no series to shape (a partial series in the media would be one without a type).
      ...(empty ? {} : { series: [{ label: { show: showCounts } }] }),
    };
  };

  const option = framed(
    {
      title: `${label('churnConfusionTitle', lang)} — ${modelLabel(modelName, lang)}`,
      notes: empty ? [] : [fill(label('churnConfusionNote', lang), { accuracy: three(correct / total) })],
      bottom: SCALE_HEIGHT,
    },
    {
      tooltip: {
        position: 'top',
        formatter: (p: unknown) => {
          const [c, r, share, v] = (p as { value: number[] }).value;
          return `${label('churnActual', lang)}: ${names[r]}<br/>${label('churnPredicted', lang)}: ${names[c]}<br/>${formatValue(v, 'people', lang)} (${formatValue(share, 'percent', lang)})`;
        },
      },
      xAxis: { type: 'category', ...xAxisName(label('churnPredicted', lang)), data: names, splitArea: { show: false }, axisLabel: { interval: 0, fontSize: yFont } },
      // Rows read top-down (inverse), so the axis starts at the top: the name stands there, over the row labels.
      yAxis: { type: 'category', ...yAxisName(label('churnActual', lang), { at: 'start', align: 'right' }), data: names, inverse: true, axisLabel: { interval: 0, fontSize: yFont } },
      visualMap: shareScale(scaleMax, CONFUSION_SCALE),
      series: [
        {
          type: 'heatmap',
          name: label('churnConfusionTitle', lang),
          data,
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          label: { show: true, fontSize: cellFont, lineHeight: Math.round(cellFont * 1.3), formatter: (p: unknown) => cellText((p as { value: number[] }).value[2], (p as { value: number[] }).value[3]) },
          // A card shorter than the matrix wants drops the counts that would run into each other.
          labelLayout: { hideOverlap: true },
        },
      ],
    },
    responsive,
  );
  return withNoDataNote(option, empty, label('noData', lang));
}

// ───────────────────────────── Calibration ─────────────────────────────

/**
 * Reliability: the mean predicted probability (x) against the observed churn rate (y) of each
 * non-empty bin, the diagonal (perfect calibration) dashed; Brier score and ECE under the title.
 */
export function buildCalibrationChart(calibration: CalibrationCurve | null | undefined, lang: Lang, modelName: ChurnModelName): EChartsOption {
  const bins = (calibration?.bins ?? []).filter((b) => b.count > 0 && b.meanPredicted !== null && b.observedRate !== null);
  const name = modelLabel(modelName, lang);
  const perfect = label('churnPerfect', lang);
  const option = framed(
    {
      title: `${label('churnCalibrationTitle', lang)} — ${name}`,
      notes: calibration && bins.length ? [`Brier ${three(calibration.brier)} · ECE ${three(calibration.ece)}`] : [],
      legend: [name, perfect],
    },
    {
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { seriesIndex, value } = p as { seriesIndex: number; value: number[] };
          if (seriesIndex !== 0) return perfect;
          const [x, y, customers] = value;
          return `${name}<br/>${label('churnMeanPredicted', lang)} ${three(x)}<br/>${label('churnObservedRate', lang)} ${three(y)}<br/>${label('customers', lang)} ${formatValue(customers, 'people', lang)}`;
        },
      },
      xAxis: { ...valueAxis(label('churnMeanPredicted', lang), 'plain', lang, { min: 0, max: 1 }, 'x'), axisLabel: fineAxisLabel },
      yAxis: { ...valueAxis(label('churnObservedRate', lang), 'plain', lang, { min: 0, max: 1 }), axisLabel: fineAxisLabel },
      series: [
        {
          type: 'line',
          name,
          symbolSize: 8,
          itemStyle: { color: modelColor(modelName) },
          lineStyle: { color: modelColor(modelName) },
          data: bins.map((b) => [b.meanPredicted as number, b.observedRate as number, b.count]),
        },
        {
          type: 'line',
          name: perfect,
          silent: true,
          symbol: 'none',
          itemStyle: { color: '#6b7280' },
          lineStyle: { color: '#6b7280', type: 'dashed', width: 1.5 },
          data: [
            [0, 0],
            [1, 1],
          ],
        },
      ],
    },
  );
  return withNoDataNote(option, bins.length === 0, label('noData', lang));
}

// ───────────────────────────── Training curves ─────────────────────────────

export interface TrainingCurve {
  model: ChurnModelName;
  /** Per round (GBDT) or epoch (MLP), from the first. */
  trainLoss: readonly number[];
  validLoss: readonly (number | null)[];
}

/**
 * Log-loss per round (epoch): per model a solid training and a dashed validation line in the model's
 * colour. Redrawn on every round while the models train (no animation), so the arrays may grow; the
 * note gives each model's lowest validation loss and its round.
 */
export function buildTrainingCurveChart(curves: readonly TrainingCurve[], lang: Lang): EChartsOption {
  const shown = curves.filter((c) => c.trainLoss.length > 0 || c.validLoss.some((v) => v !== null));
  const names = shown.flatMap((c) => [`${modelLabel(c.model, lang)} ${label('churnTrain', lang)}`, `${modelLabel(c.model, lang)} ${label('churnValid', lang)}`]);
  const lows = shown.flatMap((c) => {
    let at = -1;
    c.validLoss.forEach((v, i) => {
      if (v !== null && Number.isFinite(v) && (at < 0 || v < (c.validLoss[at] as number))) at = i;
    });
    return at < 0 ? [] : [`${modelLabel(c.model, lang)} ${three(c.validLoss[at] as number)} (${fill(label('churnRoundAt', lang), { n: at + 1 })})`];
  });
  const points = (values: readonly (number | null)[]) => values.map((v, i) => [i + 1, v ?? null]);
  const option = framed(
    { title: label('churnTrainingTitle', lang), notes: lows.length ? [`${label('churnBestValid', lang)}: ${lows.join(' · ')}`] : [], legend: names },
    {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter('plain', lang) },
      xAxis: valueAxis(label('churnRound', lang), 'plain', lang, { min: 0, minInterval: 1 }, 'x'),
      yAxis: { ...valueAxis(label('churnLogLoss', lang), 'plain', lang, { scale: true }), axisLabel: fineAxisLabel },
      series: shown.flatMap((c, k) => {
        const color = modelColor(c.model);
        const line = (name: string, values: readonly (number | null)[], type: 'solid' | 'dashed') => ({
          type: 'line' as const,
          name,
          // Symbols only while there is no line yet; the legend marks validation with a hollow one.
          symbol: type === 'solid' ? 'circle' : 'emptyCircle',
          showSymbol: values.length < 2,
          symbolSize: 5,
          itemStyle: { color },
          lineStyle: { color, type, width: 2 },
          data: points(values),
        });
        return [line(names[2 * k], c.trainLoss, 'solid'), line(names[2 * k + 1], c.validLoss, 'dashed')];
      }),
    },
  );
  return withNoDataNote(option, shown.length === 0, label('churnNoTraining', lang));
}
