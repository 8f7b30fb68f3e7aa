import type { EChartsOption } from 'echarts';
import { lineCount, textWidth } from './textWidth';

/**
 * The frame every chart shares: the title block at the top (title, then small note lines), the
 * legend at the bottom (plain, wrapping onto as many rows as the names need, never paged), and the
 * room between them for the plot.
 *
 * How many lines the title and how many rows the legend take depends on the card's width, which a
 * builder does not know. So the frame is computed for a few card widths and handed to ECharts as
 * media queries: each range of widths gets the layout of its narrowest width (reserving a little
 * more than needed, never less). Cards narrower than 400 px get the 400 px layout.
 */

/** Lower ends of the width ranges. */
export const BREAKPOINTS = [0, 520, 640, 800, 1000, 1200] as const;
const DESIGN_MIN = 400;

/** Space kept clear at the left and right edges of the image. */
export const SIDE = 12;
const TITLE = { size: 14, line: 18, top: 6, padding: 5 };
export const NOTE = { size: 12, line: 15, gap: 4 };
const LEGEND = { size: 12, line: 14, gap: 8, itemWidth: 16, itemHeight: 10, textGap: 5, padding: 4, bottom: 4 };
/** Between the title block, the plot and the legend. */
const GAP = 8;

export interface FrameSpec {
  title: string;
  /** Small lines under the title: a figure (KL = … nat), a note on the data (an incomplete month). */
  notes?: readonly string[];
  /** The series names the legend shows; absent or empty: no legend (one series is named by the title). */
  legend?: readonly string[];
  /** Room under the plot for something besides the legend (the heatmap's colour scale), px. */
  bottom?: number;
}

/** Where the plot may go: px from the top and from the bottom of the image, for a card this wide. */
export interface PlotBox {
  top: number;
  bottom: number;
  width: number;
}

function legendRows(names: readonly string[], width: number): number {
  const max = width - 2 * SIDE - 2 * LEGEND.padding;
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = LEGEND.itemWidth + LEGEND.textGap + textWidth(name, LEGEND.size);
    if (x > 0 && x + w > max) {
      rows += 1;
      x = 0;
    }
    x += w + LEGEND.gap;
  }
  return rows;
}

function layoutAt(spec: FrameSpec, minWidth: number) {
  const width = Math.max(DESIGN_MIN, minWidth);
  const textMax = width - 2 * SIDE - 2 * TITLE.padding;
  const titleLines = lineCount(spec.title, textMax, TITLE.size);
  const note = (spec.notes ?? []).join('\n');
  const noteLines = note ? lineCount(note, textMax, NOTE.size) : 0;
  const titleHeight = TITLE.top + TITLE.padding + titleLines * TITLE.line + (noteLines ? NOTE.gap + noteLines * NOTE.line : 0) + TITLE.padding;
  const legend = spec.legend ?? [];
  const rows = legend.length ? legendRows(legend, width) : 0;
  const legendHeight = rows ? LEGEND.bottom + 2 * LEGEND.padding + rows * LEGEND.line + (rows - 1) * LEGEND.gap : 0;
  return {
    box: { top: titleHeight + GAP, bottom: legendHeight + (spec.bottom ?? 0) + GAP, width },
    // A width only where the text must wrap: a title without one stays centred on one line.
    titleWidth: titleLines > 1 ? textMax : undefined,
    noteWidth: noteLines > note.split('\n').length ? textMax : undefined,
    legendWidth: width - 2 * SIDE,
    note,
  };
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** b over a: plain objects merged key by key, arrays element by element (series by index, as ECharts does). */
export function mergeOption<T>(a: T, b: unknown): T {
  if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => (i < b.length ? mergeOption(x, b[i]) : x)) as T;
  if (!isPlain(a) || !isPlain(b)) return (b === undefined ? a : b) as T;
  const out: Plain = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in a ? mergeOption(a[k], v) : v;
  return out as T;
}

/**
 * The chart `option` in its frame: title and legend for every card width, and the parts that depend
 * on the width (`responsive`: where the plot goes, rotated labels) for the box each width leaves.
 * The default puts a cartesian grid in the box.
 */
export function framed(spec: FrameSpec, option: EChartsOption, responsive: (box: PlotBox) => EChartsOption = gridIn): EChartsOption {
  const [first, ...rest] = BREAKPOINTS.map((w) => ({ minWidth: w, ...layoutAt(spec, w) }));
  const hasLegend = (spec.legend ?? []).length > 0;
  const widths = (l: typeof first): EChartsOption => ({
    title: { textStyle: { width: l.titleWidth }, subtextStyle: { width: l.noteWidth } },
    ...(hasLegend ? { legend: { width: l.legendWidth } } : {}),
  });
  const base: EChartsOption = {
    ...option,
    title: {
      text: spec.title,
      subtext: first.note || undefined,
      left: 'center',
      top: TITLE.top,
      padding: TITLE.padding,
      itemGap: NOTE.gap,
      textStyle: { fontSize: TITLE.size, lineHeight: TITLE.line, overflow: 'break', width: first.titleWidth },
      subtextStyle: { fontSize: NOTE.size, lineHeight: NOTE.line, color: '#6b7280', overflow: 'break', width: first.noteWidth },
    },
    legend: hasLegend
      ? {
          type: 'plain',
          show: true,
          left: 'center',
          bottom: LEGEND.bottom,
          width: first.legendWidth,
          padding: LEGEND.padding,
          itemGap: LEGEND.gap,
          itemWidth: LEGEND.itemWidth,
          itemHeight: LEGEND.itemHeight,
          textStyle: { fontSize: LEGEND.size, lineHeight: LEGEND.line },
        }
      : { show: false },
  };
  return {
    ...mergeOption(base, responsive(first.box)),
    media: rest.map((l) => ({ query: { minWidth: l.minWidth }, option: mergeOption(widths(l), responsive(l.box)) })),
  };
}

/**
 * A cartesian grid filling the box. Its bounds contain the axis labels and the axis names, so no
 * name runs off the image (ECharts shrinks the plot instead).
 */
export function gridIn(box: PlotBox): EChartsOption {
  return { grid: { left: SIDE, right: SIDE + 8, top: box.top, bottom: box.bottom, outerBoundsMode: 'same', outerBoundsContain: 'all' } };
}
