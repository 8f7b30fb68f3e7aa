import { randomUUID } from 'node:crypto';
import type { JobProgress } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';

export type Clock = () => number;

export interface ProgressUpdate {
  step: string;
  rowsDone: number;
  fraction: number | null;
}

/** A running piece of long work: an id, throttled progress and cancel. */
export class Job {
  private cancelHandlers: (() => void)[] = [];
  private lastEmit = -Infinity;
  private readonly started: number;
  cancelled = false;

  constructor(
    readonly id: string,
    readonly kind: string,
    private readonly emit: (progress: JobProgress) => void,
    private readonly clock: Clock,
    private readonly throttleMs: number,
  ) {
    this.started = clock();
  }

  /** Emits at most once per throttle interval; `force` always emits (first and last update). */
  progress(update: ProgressUpdate, force = false): void {
    const now = this.clock();
    if (!force && now - this.lastEmit < this.throttleMs) return;
    this.lastEmit = now;
    const seconds = (now - this.started) / 1000;
    this.emit({
      jobId: this.id,
      kind: this.kind,
      step: update.step,
      rowsDone: update.rowsDone,
      rowsPerSecond: seconds > 0 ? Math.round(update.rowsDone / seconds) : 0,
      fraction: update.fraction,
    });
  }

  onCancel(handler: () => void): void {
    this.cancelHandlers.push(handler);
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const handler of this.cancelHandlers) handler();
  }

  /** Throws CANCELLED when cancel was asked, so work stops between steps too. */
  throwIfCancelled(): void {
    if (this.cancelled) throw new AppError('CANCELLED', 'The job was cancelled; nothing was changed.');
  }

  elapsedSeconds(): number {
    return (this.clock() - this.started) / 1000;
  }
}

export class JobRegistry {
  private readonly running = new Map<string, Job>();

  constructor(
    private readonly clock: Clock = () => performance.now(),
    private readonly throttleMs = 200,
  ) {}

  async run<T>(
    kind: string,
    requestedId: string | undefined,
    emit: (progress: JobProgress) => void,
    work: (job: Job) => Promise<T>,
  ): Promise<T> {
    const id = requestedId ?? randomUUID();
    if (this.running.has(id)) throw new AppError('BAD_ARGUMENT', `A job with id ${id} is already running.`);
    const job = new Job(id, kind, emit, this.clock, this.throttleMs);
    this.running.set(id, job);
    try {
      return await work(job);
    } catch (error) {
      if (job.cancelled) throw new AppError('CANCELLED', 'The job was cancelled; nothing was changed.');
      throw error;
    } finally {
      this.running.delete(id);
    }
  }

  cancel(id: string): boolean {
    const job = this.running.get(id);
    if (!job) return false;
    job.cancel();
    return true;
  }

  list(): string[] {
    return [...this.running.keys()];
  }
}
