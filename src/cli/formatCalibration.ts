import type { CalibrationFact } from '../shared/reports';

type CalibrationRow = CalibrationFact;
type FactUnit = CalibrationFact['unit'];
type Tolerance = CalibrationFact['tolerance'];

/** A readable table of calibration rows: fact, published, generated, tolerance, pass. */
export function formatCalibration(rows: CalibrationRow[]): string {
  const table = [
    ['fact', 'published', 'generated', 'tolerance', 'result'],
    ...rows.map((r) => [
      r.fact + (r.sizeDependent ? ' *' : ''),
      formatValue(r.published, r.unit),
      formatValue(r.generated, r.unit),
      formatTolerance(r.tolerance, r.unit),
      r.pass ? 'pass' : 'FAIL',
    ]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => displayWidth(row[c]))));
  const lines = table.map((row) =>
    row.map((cell, c) => (c === 0 ? padEnd(cell, widths[c]) : padStart(cell, widths[c]))).join('  '),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const failed = rows.filter((r) => !r.pass).length;
  lines.push('', `${rows.length - failed} of ${rows.length} facts within tolerance. * size-dependent: published value scaled to this data's customer count.`);
  return lines.join('\n');
}

export function formatValue(x: number, unit: FactUnit): string {
  if (!Number.isFinite(x)) return String(x);
  if (unit === 'share') return `${(x * 100).toFixed(2)} %`;
  if (unit === 'count') return Math.round(x).toLocaleString('en-US');
  return x.toFixed(2);
}

export function formatTolerance(t: Tolerance, unit: FactUnit): string {
  if (t.kind === 'relative') return `±${(t.value * 100).toFixed(0)} % rel`;
  return unit === 'share' ? `±${(t.value * 100).toFixed(2)} pp` : `±${t.value}`;
}

/** Hangul and other wide characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (t: string, w: number) => t + ' '.repeat(Math.max(0, w - displayWidth(t)));
const padStart = (t: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(t))) + t;
