import { APP_VERSION } from '../../../shared/version';
import { FONT_FAMILY } from './chartImage';
import type { ReportBlock, ReportContent, ReportTable } from './reportTypes';
import { dateTimeText, rt, say, windowText } from './reportText';

/** Text as HTML text or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
*{box-sizing:border-box}
body{font-family:${FONT_FAMILY};color:#1f2937;background:#fff;margin:0;line-height:1.55;font-size:15px}
header,main,footer{max-width:900px;margin:0 auto;padding:0 24px}
header{padding-top:32px;border-bottom:2px solid #2f5fb3;padding-bottom:16px}
h1{font-size:28px;margin:0 0 4px}
.subtitle{color:#6b7280;margin:0 0 12px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 12px;font-size:14px}
dl.meta dt{color:#6b7280}dl.meta dd{margin:0;word-break:break-all}
nav ol{margin:0;padding-left:20px;columns:2}
nav a{color:#2f5fb3;text-decoration:none}
section{padding:24px 0 8px;border-bottom:1px solid #e5e7eb}
h2{font-size:22px;margin:0 0 12px;color:#111827}
h3{font-size:17px;margin:20px 0 8px;color:#374151}
p.missing{background:#fff7ed;border-left:4px solid #c2410c;padding:8px 12px;margin:8px 0}
p.text{color:#374151;font-size:14px}
figure.chart{margin:16px 0;border:1px solid #e5e7eb;border-radius:6px;padding:8px;break-inside:avoid;page-break-inside:avoid}
figure.chart svg{display:block;width:100%;height:auto}
figcaption{font-weight:600;padding:8px 4px 2px;color:#111827}
table{border-collapse:collapse;width:100%;margin:12px 0;font-size:13.5px;break-inside:avoid;page-break-inside:avoid}
caption{text-align:left;font-weight:600;padding:4px 0;color:#374151}
th,td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f6fb;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
footer{color:#6b7280;font-size:12px;padding:16px 24px 32px}
@media print{
  @page{size:A4;margin:14mm}
  body{font-size:11pt}
  header,main,footer{max-width:none;padding:0}
  nav{display:none}
  section{break-before:page;page-break-before:always;border:none}
  section:first-of-type{break-before:auto;page-break-before:auto}
  figure.chart{border:none;padding:0}
  a{color:inherit}
}`;

function tableHtml(t: ReportTable): string {
  const hasHead = t.columns.some((c) => c.label);
  const cls = (i: number) => (t.columns[i]?.numeric ? ' class="num"' : '');
  const head = hasHead ? `<thead><tr>${t.columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c.label)}</th>`).join('')}</tr></thead>` : '';
  const body = t.rows
    .map((r) => `<tr>${r.map((cell, i) => (i === 0 && !hasHead ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${cls(i)}>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table><caption>${escapeHtml(t.caption)}</caption>${head}<tbody>\n${body}\n</tbody></table>`;
}

function blockHtml(b: ReportBlock, svgs: ReadonlyMap<string, string>): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'text':
      return `<p class="text">${escapeHtml(b.text)}</p>`;
    case 'missing':
      return `<p class="missing">${escapeHtml(b.text)}</p>`;
    case 'table':
      return tableHtml(b.table);
    case 'chart': {
      const svg = svgs.get(b.chart.id) ?? '';
      // The SVG's XML prolog (if any) cannot stand inside HTML.
      const inline = svg.replace(/^<\?xml[^>]*>\s*/, '');
      return `<figure class="chart" id="${escapeHtml(b.chart.id)}" aria-label="${escapeHtml(b.chart.title)}">\n${inline}\n<figcaption>${escapeHtml(b.chart.takeaway)}</figcaption>\n</figure>`;
    }
  }
}

/**
 * The report as one self-contained HTML file: inline CSS, the charts as inline SVG, no script and
 * nothing fetched, so it opens offline in any browser and prints one section per page.
 */
export function htmlReport(content: ReportContent, svgs: ReadonlyMap<string, string>): string {
  const lang = content.lang;
  const meta: [string, string][] = [
    [rt('createdAt', lang), dateTimeText(content.createdAt, lang)],
    [rt('project', lang), `${content.projectName} (${content.project})`],
    [rt('dataPeriod', lang), content.period ? windowText(content.period, lang) : rt('noPeriod', lang)],
    [rt('fingerprint', lang), content.dataFingerprint],
  ];
  const sections = content.sections
    .map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map((b) => blockHtml(b, svgs)).join('\n')}\n</section>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Campaign Workbench ${APP_VERSION}">
<title>${escapeHtml(`${content.title} — ${content.projectName}`)}</title>
<style>${CSS}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(content.title)}</h1>
<p class="subtitle">${escapeHtml(rt('subtitle', lang))}</p>
<dl class="meta">${meta.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<nav aria-label="${escapeHtml(rt('contents', lang))}"><ol>${content.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('')}</ol></nav>
</header>
<main>
${sections}
</main>
<footer>${escapeHtml(say('footer', lang, { version: APP_VERSION }))}</footer>
</body>
</html>
`;
}
