import type { JobProgress } from '../shared/contract';

const WIDTH = 28;

/** One line on stderr, redrawn in place: [#####.....]  42%  1,234,567 rows  812,345 rows/s  file.csv */
export function renderProgress(p: JobProgress): string {
  const fraction = p.fraction ?? 0;
  const filled = Math.round(fraction * WIDTH);
  const bar = '#'.repeat(filled) + '.'.repeat(WIDTH - filled);
  const pct = p.fraction === null ? '   ' : `${String(Math.round(fraction * 100)).padStart(3)}%`;
  const nf = new Intl.NumberFormat('ko-KR');
  const d = p.detail;
  const rate =
    d.type === 'rows'
      ? `${nf.format(d.rowsDone)} rows  ${nf.format(d.rowsPerSecond)} rows/s`
      : `epoch ${d.epoch}/${d.epochs}  loss ${d.loss.toFixed(4)}  ${nf.format(Math.round(d.samplesPerSecond))} samples/s`;
  return `[${bar}] ${pct}  ${rate}  ${p.step}`;
}

export class StderrProgress {
  private drawn = false;
  private lastStep: string | null = null;
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  /** A terminal gets one line redrawn in place; a log (not a terminal) gets one line per step. */
  update(p: JobProgress): void {
    if (!this.stream.isTTY) {
      if (p.step !== this.lastStep) this.stream.write(`… ${p.step}\n`);
      this.lastStep = p.step;
      return;
    }
    this.stream.write(`\r${renderProgress(p).slice(0, (this.stream.columns || 120) - 1)}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn && this.stream.isTTY) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
