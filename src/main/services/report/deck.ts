import PptxGenJS from 'pptxgenjs';
import type { ReportContent } from './reportTypes';
import { sectionCharts } from './reportTypes';
import { dateTimeText, rt, windowText } from './reportText';

/** The slides' font: Malgun Gothic is Windows' Korean face; PowerPoint for Mac substitutes Apple SD Gothic Neo, LibreOffice its own CJK face. */
export const DECK_FONT = 'Malgun Gothic';

/** LAYOUT_WIDE: 13.333 × 7.5 in. */
const SLIDE = { w: 13.333, h: 7.5 };
const MARGIN = 0.5;
const IMAGE_BOX = { y: 1.2, h: 5.1 };
const BLUE = '2F5FB3';
const GREY = '6B7280';

/**
 * The same charts as a PowerPoint deck: a title slide, then one slide per chart with its title, the
 * chart as a PNG and its one-line takeaway. `pngs` holds each chart's image by chart id.
 */
export async function buildDeck(content: ReportContent, pngs: ReadonlyMap<string, Buffer>): Promise<{ data: Buffer; slides: number }> {
  const lang = content.lang;
  const textLang = lang === 'ko' ? 'ko-KR' : 'en-US';
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.theme = { headFontFace: DECK_FONT, bodyFontFace: DECK_FONT };
  pptx.title = `${content.title} — ${content.projectName}`;
  pptx.author = 'Campaign Workbench';
  pptx.subject = rt('subtitle', lang);
  const text = { fontFace: DECK_FONT, lang: textLang, margin: 0 };

  const cover = pptx.addSlide();
  cover.addText(content.title, { ...text, x: MARGIN, y: 1.6, w: SLIDE.w - 2 * MARGIN, h: 1, fontSize: 36, bold: true, color: '111827' });
  cover.addText(rt('subtitle', lang), { ...text, x: MARGIN, y: 2.6, w: SLIDE.w - 2 * MARGIN, h: 0.5, fontSize: 20, color: BLUE });
  const meta = [
    `${rt('project', lang)}: ${content.projectName}`,
    `${rt('createdAt', lang)}: ${dateTimeText(content.createdAt, lang)}`,
    `${rt('dataPeriod', lang)}: ${content.period ? windowText(content.period, lang) : rt('noPeriod', lang)}`,
    `${rt('fingerprint', lang)}: ${content.dataFingerprint}`,
  ];
  cover.addText(meta.map((line) => ({ text: line, options: { breakLine: true } })), { ...text, x: MARGIN, y: 3.5, w: SLIDE.w - 2 * MARGIN, h: 1.6, fontSize: 16, color: GREY, valign: 'top' });
  cover.addText(content.sections.map((s, i) => `${i + 1}. ${s.title}`).join('   '), { ...text, x: MARGIN, y: 5.6, w: SLIDE.w - 2 * MARGIN, h: 0.5, fontSize: 14, color: '374151' });
  let slides = 1;

  for (const section of content.sections) {
    for (const chart of sectionCharts(section)) {
      const png = pngs.get(chart.id);
      if (!png) continue;
      const slide = pptx.addSlide();
      slide.addText(section.title, { ...text, x: MARGIN, y: 0.2, w: SLIDE.w - 2 * MARGIN, h: 0.35, fontSize: 12, color: GREY });
      slide.addText(chart.title, { ...text, x: MARGIN, y: 0.5, w: SLIDE.w - 2 * MARGIN, h: 0.6, fontSize: 24, bold: true, color: '111827', fit: 'shrink' });
      const aspect = chart.height / chart.width;
      const w = Math.min(SLIDE.w - 2 * MARGIN, IMAGE_BOX.h / aspect);
      const h = w * aspect;
      slide.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: (SLIDE.w - w) / 2, y: IMAGE_BOX.y + (IMAGE_BOX.h - h) / 2, w, h, altText: chart.title });
      slide.addText(chart.takeaway, { ...text, x: MARGIN, y: 6.45, w: SLIDE.w - 2 * MARGIN, h: 0.75, fontSize: 18, bold: true, color: BLUE, valign: 'middle', fit: 'shrink' });
      slide.addNotes(`${chart.title}\n${chart.takeaway}`);
      slides++;
    }
  }
  const data = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer;
  return { data, slides };
}
