import type { EChartsOption } from 'echarts';
import { featureLabel } from '../featureNames';
import { fill } from '../i18n';
import type { ChurnModelName, FeatureImportanceSummary } from '../models';
import { modelLabel } from './churnCharts';
import { valueAxis, withNoDataNote } from './common';
import { framed, gridIn, SIDE } from './frame';
import { label, type Lang } from './labels';
import { textWidth } from './textWidth';

/** Features shown: the top of the ranking (the whole list stays in the run's report). */
export const IMPORTANCE_SHOWN = 15;

const BAR_COLOR = '#2f5fb3';
const NEGATIVE_COLOR = '#9aa1ab';
const fourDecimals = (v: number) => v.toFixed(4);

/** Height that gives every shown feature a readable bar. */
export function importanceChartHeight(features: number): number {
  return 140 + 34 * Math.min(IMPORTANCE_SHOWN, Math.max(features, 3));
}

/**
 * Horizontal bars of the permutation importance: the features whose shuffling costs the model most,
 * largest first, named in the UI language ('A01 백화점 구매금액 비중'), each labelled with its mean
 * drop; a drop ≤ 0 (the model does not need the feature) is grey. The note says on how many test
 * customers and shuffles it was measured.
 */
export function buildImportanceChart(importance: FeatureImportanceSummary | null | undefined, lang: Lang, modelName: ChurnModelName): EChartsOption {
  const shown = (importance?.features ?? []).slice(0, IMPORTANCE_SHOWN);
  const metric = label(importance?.metric === 'macroRocAuc' ? 'churnMacroRocAuc' : 'churnRocAuc', lang);
  const names = shown.map((f) => featureLabel(f.feature, lang));
  const valueRoom = Math.ceil(textWidth('0.0000', 12)) + 8;
  const notes = importance
    ? [fill(label('churnImportanceNote', lang), { model: modelLabel(modelName, lang), rows: importance.rows.toLocaleString('ko-KR'), repeats: importance.repeats, shown: shown.length })]
    : [];
  const option = framed(
    { title: `${label('churnImportanceTitle', lang)} · ${modelLabel(modelName, lang)}`, notes },
    {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const p = (params as { dataIndex: number }[])[0];
          const f = shown[p?.dataIndex ?? -1];
          return f ? `${names[p.dataIndex]}<br/>${fourDecimals(f.mean)} ± ${fourDecimals(f.std)}` : '';
        },
      },
      xAxis: valueAxis(fill(label('churnImportanceDrop', lang), { metric }), 'plain', lang, { axisLabel: { formatter: (v: number) => String(Number(v.toFixed(4))), hideOverlap: true, lineHeight: 16 } }, 'x'),
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { interval: 0, fontSize: 12 } },
      series: [
        {
          type: 'bar',
          name: metric,
          barMaxWidth: 18,
          data: shown.map((f) => ({ value: f.mean, itemStyle: { color: f.mean > 0 ? BAR_COLOR : NEGATIVE_COLOR } })),
          label: { show: true, position: 'right', fontSize: 11, formatter: (p: unknown) => fourDecimals((p as { value: number }).value) },
        },
      ],
    },
    // Long feature names break onto a second line rather than run off a narrow card.
    (box) => ({
      grid: { ...gridIn(box).grid, right: SIDE + valueRoom },
      yAxis: { type: 'category', inverse: true, data: names, axisLabel: { interval: 0, fontSize: 12, width: Math.floor(box.width * 0.4), overflow: 'break', lineHeight: 14 } },
    }),
  );
  return withNoDataNote(option, shown.length === 0, label('churnNoImportance', lang));
}
