import { tierNames, transitionStates, type SegmentSummary } from '../shared/analytics';
import { currencyUnit } from '../shared/money';
import { CLI_SEGMENT_LABELS, fill, INACTIVE_STATE, MONETARY_LABELS, type Lang } from '../shared/i18n';

/** The CLI's own words are English; tier names are the data's (Korean by default). */
const WORDS: Lang = 'en';
const NAMES: Lang = 'ko';
const say = (key: keyof typeof CLI_SEGMENT_LABELS, values: Record<string, string | number> = {}) => fill(CLI_SEGMENT_LABELS[key][WORDS], values);

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
  const names = tierNames(s.spec.tierNames, s.tierCount, NAMES);
  const states = transitionStates(names, NAMES);
  const w = Math.max(8, ...[...states.from, ...states.to].map((n) => displayWidth(n) + 2));
  const cell = (v: string) => padStart(v, w);
  const lines = [
    ...s.warnings.map((w) => say('emptyPeriod', { n: w.period, from: w.window.from, to: w.window.to })),
    say('spec', {
      asOf: s.spec.asOf,
      weights: s.spec.weights.join('/'),
      bins: s.spec.bins,
      shares: s.spec.shares.join('/'),
      monetary: fill(MONETARY_LABELS[s.spec.monetary ?? 'amount'][WORDS], { currency: currencyUnit(s.currency, WORDS) }),
    }),
    `${padEnd(say('tiers'), 34)}${names.map(cell).join('')}`,
    `${padEnd(`  ${padEnd(say('whole'), 8)} ${s.all.window.from}..${s.all.window.to}`, 34)}${s.all.tiers.map((t) => cell(nf.format(t.customers))).join('')}`,
    ...s.periods.map(
      (p, i) => `${padEnd(`  ${padEnd(say('period', { n: i + 1 }), 8)} ${p.window.from}..${p.window.to}`, 34)}${p.tiers.map((t) => cell(nf.format(t.customers))).join('')}`,
    ),
    '',
    say('transitions', { total: nf.format(s.transitionTotal) }),
    `${padEnd('', w)}${states.to.map(cell).join('')}`,
    ...states.from.map(
      (rowName, i) =>
        `${padEnd(rowName, w)}${states.to
          .map((_, j) => cell(nf.format(s.transitions.find((c) => c.from === i && c.to === j)?.customers ?? 0)))
          .join('')}`,
    ),
    '',
    `${say('churnOrigin', { inactive: INACTIVE_STATE[NAMES] })}: ${s.churnOrigin.map((o) => `${states.from[o.tier]} ${(o.share * 100).toFixed(1)}%`).join(', ')}`,
  ];
  return lines.join('\n');
}
