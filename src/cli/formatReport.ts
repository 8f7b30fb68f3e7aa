import type { Result } from '../shared/contract';

/** The written report: its two files, the slides, each section's charts (and what is not there yet). */
export function formatReport(r: Result<'report.write'>): string {
  const ms = r.timingsMs;
  return [
    `Report: ${r.html}`,
    `Deck:   ${r.deck} (${r.slides} slides: a title slide and one per chart)`,
    ...r.sections.map((s) => `  ${String(s.charts).padStart(2)} chart${s.charts === 1 ? ' ' : 's'}  ${s.title}${s.missing ? ' (a part not made yet; the report says so)' : ''}`),
    `Took ${((ms.content + ms.charts + ms.files) / 1000).toFixed(1)} s (figures ${(ms.content / 1000).toFixed(1)} s, charts and deck ${(ms.charts / 1000).toFixed(1)} s).`,
  ].join('\n');
}
