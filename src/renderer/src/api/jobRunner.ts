import { CallError, type WorkbenchApi } from '../../../shared/api';
import type { ArgsIn, JobMethod, JobState, Result } from '../../../shared/contract';

/** A job method's arguments; the server issues the job id. */
export type JobArgs<M extends JobMethod> = Omit<ArgsIn<M>, 'jobId'>;

/** What the job runner needs of the client (the real one, or a fake in a unit test). */
export type JobClient = Pick<WorkbenchApi, 'on'> & { jobs: Pick<WorkbenchApi['jobs'], 'start' | 'get'> };

/** An ended job's result; a failed or cancelled job throws its error as a CallError (code and issues kept). */
export function jobOutcome<T>(state: JobState): T {
  if (state.status === 'done') return state.result as T;
  if (state.status === 'running') throw new CallError('INTERNAL', `Job ${state.jobId} is still running.`);
  const code = state.error?.code ?? (state.status === 'cancelled' ? 'CANCELLED' : 'INTERNAL');
  throw new CallError(code, state.error?.message ?? `Job ${state.jobId} ${state.status}.`, state.error?.issues);
}

/**
 * Jobs with server-issued ids, without React or the DOM: `runJob` starts one with jobs.start and
 * answers its result once it has ended; `waitForJob` does the same for a job started earlier.
 * `onConnected` tells when the event stream (re)connects: events sent during a gap are lost, so
 * the state is asked for again then.
 */
export function jobRunner(client: JobClient, onConnected: (listener: () => void) => () => void) {
  const startedListeners = new Set<(jobId: string, method: JobMethod) => void>();

  /**
   * Listens for job.finished from the moment it is made (so before the job is started), and
   * answers the job's final state once it has ended. Because an event can be missed — the job
   * may have ended before the subscription saw it, or while the event stream was reconnecting —
   * the server is also asked for the job's state right after subscribing and on every reconnect.
   */
  function watchFinished() {
    const ended = new Set<string>();
    const waiters = new Map<string, () => void>();
    const rechecks = new Set<() => void>();
    const offFinished = client.on('job.finished', (f) => {
      ended.add(f.jobId);
      waiters.get(f.jobId)?.();
    });
    const offConnected = onConnected(() => {
      for (const check of [...rechecks]) check();
    });
    return {
      async until(jobId: string): Promise<JobState> {
        await new Promise<void>((resolve, reject) => {
          let settled = false;
          const settle = (error?: unknown) => {
            if (settled) return;
            settled = true;
            waiters.delete(jobId);
            rechecks.delete(check);
            if (error === undefined) resolve();
            else reject(error);
          };
          const check = () => {
            client.jobs.get({ jobId }).then(
              (state) => {
                if (state.status !== 'running') settle();
              },
              (error: unknown) => settle(error ?? new Error('jobs.get failed')),
            );
          };
          if (ended.has(jobId)) return settle();
          waiters.set(jobId, () => settle());
          rechecks.add(check);
          check();
        });
        return client.jobs.get({ jobId });
      },
      close() {
        offFinished();
        offConnected();
      },
    };
  }

  return {
    /** Told the moment a job was started here (the tray shows it before its first progress event). */
    onJobStarted(listener: (jobId: string, method: JobMethod) => void): () => void {
      startedListeners.add(listener);
      return () => startedListeners.delete(listener);
    },

    /**
     * Runs one of the long methods as a job: jobs.start answers with the server's job id at once,
     * progress shows in the job tray, and this resolves with the job's result when it has ended —
     * or rejects with a CallError (CANCELLED for a cancel) like a plain call would.
     */
    async runJob<M extends JobMethod>(method: M, args: JobArgs<M>): Promise<Result<M>> {
      const watch = watchFinished(); // before the start, so the end cannot slip past
      try {
        const { jobId } = await client.jobs.start({ method, args: args as Record<string, unknown> });
        for (const listener of [...startedListeners]) listener(jobId, method);
        return jobOutcome<Result<M>>(await watch.until(jobId));
      } finally {
        watch.close();
      }
    },

    /** Waits for a job started earlier (e.g. found with jobs.list after a reload) and answers its result. */
    async waitForJob<T>(jobId: string): Promise<T> {
      const watch = watchFinished();
      try {
        return jobOutcome<T>(await watch.until(jobId));
      } finally {
        watch.close();
      }
    },
  };
}
