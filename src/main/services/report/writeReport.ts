import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../../../shared/i18n';
import { ensureReceiptFacts } from '../analytics/receiptFacts';
import { timestamp } from '../data/exportRejects';
import { commitTemp, discardTemp, prepareTarget } from '../files/tempTarget';
import { saveError } from '../files/saveErrors';
import type { Project } from '../project/projectStore';
import { chartSvg, svgPng } from './chartImage';
import { buildDeck } from './deck';
import { htmlReport } from './htmlReport';
import { reportContent } from './reportContent';
import { reportCharts, sectionCharts } from './reportTypes';

export interface ReportWriteArgs {
  outDir: string;
  lang: Lang;
  /** File names in outDir; default campaign-report-<time>.html / .pptx. */
  names?: { html?: string; deck?: string };
  /** Files of those names are replaced only when asked. */
  overwrite?: boolean;
}

export interface ReportWriteResult {
  html: string;
  deck: string;
  /** Each section: its charts, and whether a part of it is not made yet (said in the report). */
  sections: { id: string; title: string; charts: number; missing: boolean }[];
  slides: number;
  timingsMs: { content: number; charts: number; files: number };
}

/**
 * Writes the meeting report: one self-contained HTML file and the same charts as a PowerPoint deck,
 * both through temporary files beside the targets and a rename. A missing folder, an existing file
 * not to be replaced, a full disk: the keyed save error, and neither file is left (a deck that fails
 * after the HTML was put in place takes the HTML away again).
 */
export async function writeReport(project: Project, args: ReportWriteArgs): Promise<ReportWriteResult> {
  const now = new Date();
  const folder = resolve(args.outDir);
  const stamp = timestamp(now);
  const htmlPath = join(folder, args.names?.html ?? `campaign-report-${stamp}.html`);
  const deckPath = join(folder, args.names?.deck ?? `campaign-report-${stamp}.pptx`);
  const overwrite = args.overwrite ?? false;
  // Checked before any work: the folder exists, the names are free (or may be replaced).
  prepareTarget(htmlPath, overwrite);
  prepareTarget(deckPath, overwrite);

  let started = performance.now();
  await project.commit(() => ensureReceiptFacts(project.db));
  const content = await reportContent(project.db, args.lang, { project: project.dir, now });
  const contentMs = performance.now() - started;

  started = performance.now();
  const svgs = new Map<string, string>();
  const pngs = new Map<string, Buffer>();
  for (const chart of reportCharts(content)) {
    const svg = chartSvg(chart.option, chart.width, chart.height);
    svgs.set(chart.id, svg);
    pngs.set(chart.id, svgPng(svg));
  }
  const html = htmlReport(content, svgs);
  const deck = await buildDeck(content, pngs);
  const chartsMs = performance.now() - started;

  started = performance.now();
  writePair([htmlPath, html], [deckPath, deck.data], overwrite);
  return {
    html: htmlPath,
    deck: deckPath,
    sections: content.sections.map((s) => ({ id: s.id, title: s.title, charts: sectionCharts(s).length, missing: s.blocks.some((b) => b.kind === 'missing') })),
    slides: deck.slides,
    timingsMs: { content: Math.round(contentMs), charts: Math.round(chartsMs), files: Math.round(performance.now() - started) },
  };
}

/** Both files or neither: each written to its temporary file, then both put in place. */
function writePair(first: [string, string | Uint8Array], second: [string, string | Uint8Array], overwrite: boolean): void {
  const temps = [prepareTarget(first[0], overwrite), prepareTarget(second[0], overwrite)];
  let placed = false;
  try {
    for (const [i, [path, data]] of [first, second].entries()) {
      try {
        writeFileSync(temps[i], data);
      } catch (error) {
        throw saveError(error, path);
      }
    }
    commitTemp(temps[0], first[0], overwrite);
    placed = true;
    commitTemp(temps[1], second[0], overwrite);
  } catch (error) {
    temps.forEach(discardTemp);
    if (placed) rmSync(first[0], { force: true });
    throw error;
  }
}
