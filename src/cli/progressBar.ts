import type { JobProgress } from '../shared/contract';

const WIDTH = 28;

/** One line on stderr, redrawn in place: [#####.....]  42%  1,234,567 rows  812,345 rows/s  file.csv */
export function renderProgress(p: JobProgress): string {
  const fraction = p.fraction ?? 0;
  const filled = Math.round(fraction * WIDTH);
  const bar = '#'.repeat(filled) + '.'.repeat(WIDTH - filled);
  const pct = p.fraction === null ? '   ' : `${String(Math.round(fraction * 100)).padStart(3)}%`;
  const nf = new Intl.NumberFormat('ko-KR');
  return `[${bar}] ${pct}  ${nf.format(p.rowsDone)} rows  ${nf.format(p.rowsPerSecond)} rows/s  ${p.step}`;
}

export class StderrProgress {
  private drawn = false;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(p: JobProgress): void {
    if (!this.stream.isTTY) return;
    this.stream.write(`\r${renderProgress(p).slice(0, (this.stream.columns || 120) - 1)}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn && this.stream.isTTY) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
