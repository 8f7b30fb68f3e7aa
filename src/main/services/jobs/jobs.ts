import { randomUUID } from 'node:crypto';
import type { JobDetail, JobProgress, JobState, JobStatus } from '../../../shared/contract';
import { AppError, keyedError, toWireError, type WireError } from '../../../shared/errors';

export type Clock = () => number;

/** What work reports: rows for imports and generation, or a training step. */
export type ProgressUpdate =
  | { step: string; fraction: number | null; rowsDone: number }
  | { step: string; fraction: number | null; training: Omit<Extract<JobDetail, { type: 'training' }>, 'type'> };

export interface JobEvents {
  progress(progress: JobProgress): void;
  finished(state: JobState): void;
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
    const detail: JobDetail =
      'training' in update
        ? { type: 'training', ...update.training }
        : { type: 'rows', rowsDone: update.rowsDone, rowsPerSecond: seconds > 0 ? Math.round(update.rowsDone / seconds) : 0 };
    this.emit({ jobId: this.id, kind: this.kind, step: update.step, fraction: update.fraction, detail });
  }

  /**
   * A part of this job for a step that reports its own progress (a training inside a validation):
   * its fractions land in [from, to] of this job's, its steps are prefixed, and cancelling this job
   * cancels the part.
   */
  part(from: number, to: number, prefix: string): Job {
    const child = new Job(
      this.id,
      this.kind,
      (p) => this.emit({ ...p, step: `${prefix}${p.step}`, fraction: p.fraction === null ? null : from + (to - from) * p.fraction }),
      this.clock,
      this.throttleMs,
    );
    this.onCancel(() => child.cancel());
    return child;
  }

  onCancel(handler: () => void): void {
    if (this.cancelled) handler();
    else this.cancelHandlers.push(handler);
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

interface Entry {
  state: JobState;
  job: Job | null;
  /** Cancel asked before the work attached (jobs.start answers before the work begins). */
  cancelEarly: boolean;
  started: number;
}

/**
 * Every job of this process: the server issues the ids, keeps the state of the running ones
 * and the result (or error) of the last `keep` finished ones, so a reloaded page can find them.
 */
export class JobRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock = () => performance.now(),
    private readonly throttleMs = 200,
    private readonly keep = 50,
  ) {}

  /** Registers a job before its work begins (jobs.start answers with this id at once). */
  reserve(method: string, kind: string, project: string | null): string {
    const id = randomUUID();
    this.entries.set(id, { state: this.newState(id, method, kind, project), job: null, cancelEarly: false, started: this.clock() });
    return id;
  }

  /**
   * Runs work as a job: progress events while it runs, one job.finished event at the end, the
   * result or error kept. A reserved id is adopted; a new id is issued when none is given.
   */
  async run<T>(
    kind: string,
    requestedId: string | undefined,
    events: JobEvents,
    work: (job: Job) => Promise<T>,
    meta: { method?: string; project?: string | null } = {},
  ): Promise<T> {
    const id = requestedId ?? randomUUID();
    let entry = this.entries.get(id);
    if (entry && (entry.job || entry.state.status !== 'running')) {
      throw keyedError('BAD_ARGUMENT', `A job with id ${id} already exists.`, 'jobExists', { job: id });
    }
    if (!entry) {
      entry = { state: this.newState(id, meta.method ?? kind, kind, meta.project ?? null), job: null, cancelEarly: false, started: this.clock() };
      this.entries.set(id, entry);
    }
    const current = entry;
    const job = new Job(id, kind, (p) => {
      current.state.progress = p;
      events.progress(p);
    }, this.clock, this.throttleMs);
    current.job = job;
    if (current.cancelEarly) job.cancel();
    try {
      job.throwIfCancelled();
      const result = await work(job);
      this.finish(id, events, 'done', result, null);
      return result;
    } catch (error) {
      const wire = job.cancelled ? { code: 'CANCELLED' as const, message: 'The job was cancelled; nothing was changed.' } : toWireError(error);
      this.finish(id, events, job.cancelled ? 'cancelled' : 'failed', undefined, wire);
      if (job.cancelled) throw new AppError('CANCELLED', wire.message);
      throw error;
    }
  }

  /** Ends a reserved job whose work failed before it attached (e.g. the project did not open). */
  failReserved(id: string, events: JobEvents, error: unknown): void {
    const entry = this.entries.get(id);
    if (!entry || entry.job || entry.state.status !== 'running') return;
    const wire = toWireError(error);
    this.finish(id, events, wire.code === 'CANCELLED' ? 'cancelled' : 'failed', undefined, wire);
  }

  cancel(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry || entry.state.status !== 'running') return false;
    if (entry.job) entry.job.cancel();
    else entry.cancelEarly = true;
    return true;
  }

  get(id: string): JobState {
    const entry = this.entries.get(id);
    if (!entry) {
      throw keyedError('NOT_FOUND', `There is no job with id ${id} (finished jobs are kept until ${this.keep} newer ones end).`, 'jobNotFound', { job: id, keep: this.keep });
    }
    return this.snapshot(entry);
  }

  /** Running jobs first, then the finished ones, newest first. */
  list(): JobState[] {
    const all = [...this.entries.values()].map((e) => this.snapshot(e));
    const rank = (s: JobState) => (s.status === 'running' ? 0 : 1);
    return all.sort((a, b) => rank(a) - rank(b) || b.startedAt.localeCompare(a.startedAt));
  }

  /** Ids of the jobs still running. */
  running(): string[] {
    return [...this.entries.values()].filter((e) => e.state.status === 'running').map((e) => e.state.jobId);
  }

  private finish(id: string, events: JobEvents, status: JobStatus, result: unknown, error: WireError | null): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const seconds = (this.clock() - entry.started) / 1000;
    Object.assign(entry.state, { status, result, error, seconds, finishedAt: new Date().toISOString() });
    entry.job = null;
    this.prune();
    events.finished(this.snapshot(entry));
  }

  private prune(): void {
    const finished = [...this.entries.values()].filter((e) => e.state.status !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - this.keep))) this.entries.delete(old.state.jobId);
  }

  private snapshot(entry: Entry): JobState {
    const seconds = entry.state.status === 'running' ? (this.clock() - entry.started) / 1000 : entry.state.seconds;
    return { ...entry.state, seconds };
  }

  private newState(id: string, method: string, kind: string, project: string | null): JobState {
    return {
      jobId: id,
      kind,
      method,
      project,
      status: 'running',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      seconds: 0,
      progress: null,
      result: undefined,
      error: null,
    };
  }
}
