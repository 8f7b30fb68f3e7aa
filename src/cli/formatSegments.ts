import { tierNames, transitionStates, type SegmentSummary } from '../shared/analytics';

const nf = new Intl.NumberFormat('ko-KR');

/** Terminal columns a string takes: Hangul and other wide characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]/.test(ch) ? 2 : 1;
  return w;
}
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** Tier counts per period, the transition matrix (rows: period 1 and 신규; columns: period 2 and 비활동), churn origins. */
export function formatSegments(s: SegmentSummary): string {
  const names = tierNames(s.spec.tierNames, s.tierCount, 'ko');
  const states = transitionStates(names, 'ko');
  const w = Math.max(8, ...[...states.from, ...states.to].map((n) => displayWidth(n) + 2));
  const cell = (v: string) => padStart(v, w);
  const lines = [
    `RFM as of ${s.spec.asOf}; weights R/F/M ${s.spec.weights.join('/')}; ${s.spec.bins} bins; tier shares ${s.spec.shares.join('/')} %`,
    `${padEnd('Tiers (customers)', 34)}${names.map(cell).join('')}`,
    `${padEnd(`  whole    ${s.all.window.from}..${s.all.window.to}`, 34)}${s.all.tiers.map((t) => cell(nf.format(t.customers))).join('')}`,
    ...s.periods.map(
      (p, i) => `${padEnd(`  period ${i + 1} ${p.window.from}..${p.window.to}`, 34)}${p.tiers.map((t) => cell(nf.format(t.customers))).join('')}`,
    ),
    '',
    `Transitions (customers; ${nf.format(s.transitionTotal)} seen in either period)`,
    `${padEnd('', w)}${states.to.map(cell).join('')}`,
    ...states.from.map(
      (rowName, i) =>
        `${padEnd(rowName, w)}${states.to
          .map((_, j) => cell(nf.format(s.transitions.find((c) => c.from === i && c.to === j)?.customers ?? 0)))
          .join('')}`,
    ),
    '',
    `Share of all churners (→ 비활동) by their period-1 tier: ${s.churnOrigin.map((o) => `${states.from[o.tier]} ${(o.share * 100).toFixed(1)}%`).join(', ')}`,
  ];
  return lines.join('\n');
}
