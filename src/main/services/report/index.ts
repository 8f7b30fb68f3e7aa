/** The meeting report: one self-contained HTML file and a PowerPoint deck of the same charts (docs/report.md). */
export { writeReport, type ReportWriteArgs, type ReportWriteResult } from './writeReport';
export { reportContent } from './reportContent';
export { htmlReport } from './htmlReport';
export { buildDeck } from './deck';
export { chartSvg, svgPng } from './chartImage';
export { REPORT_SECTIONS, type ReportContent, type ReportSection, type ReportChart, type ReportTable } from './reportTypes';
