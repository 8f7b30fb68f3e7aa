import type { EChartsOption } from 'echarts';
import type { Lang } from '../../../shared/i18n';

/** The report's parts, in the order the HTML and the deck show them. */
export const REPORT_SECTIONS = ['overview', 'segments', 'models', 'validation', 'list', 'readback'] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

/** One chart: its option (the same builders the pages use), its size, and a one-line takeaway from its numbers. */
export interface ReportChart {
  /** Unique within the report (also the deck's image name). */
  id: string;
  /** The chart's own title (what the option shows), for the slide and the figure's label. */
  title: string;
  option: EChartsOption;
  width: number;
  height: number;
  takeaway: string;
}

/** A table of text cells, already formatted for the report's language; numeric columns right-aligned. */
export interface ReportTable {
  caption: string;
  columns: { label: string; numeric?: boolean }[];
  rows: string[][];
}

/** A section's content in reading order. */
export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  /** A part that is not there yet (no run, no segments): said plainly. */
  | { kind: 'missing'; text: string }
  | { kind: 'chart'; chart: ReportChart }
  | { kind: 'table'; table: ReportTable };

export interface ReportSection {
  id: ReportSectionId;
  title: string;
  blocks: ReportBlock[];
}

export interface ReportContent {
  lang: Lang;
  title: string;
  /** ISO time the content was gathered. */
  createdAt: string;
  /** The project folder and its name (the folder's last part). */
  project: string;
  projectName: string;
  dataFingerprint: string;
  period: { from: string; to: string } | null;
  sections: ReportSection[];
}

/** The charts of a section, in order. */
export function sectionCharts(section: ReportSection): ReportChart[] {
  return section.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));
}

/** Every chart of the report, in order. */
export function reportCharts(content: ReportContent): ReportChart[] {
  return content.sections.flatMap(sectionCharts);
}
