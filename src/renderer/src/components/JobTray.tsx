import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../shared/contract';
import { onEventsConnected, workbench } from '../api/client';
import { jobStepLabel } from './jobStep';
import { onJobStarted } from '../api/jobs';
import { useLatest } from '../api/useQuery';
import { jobFigures } from './jobFigures';
import { t, type Lang } from '../i18n';

interface TrayJob {
  jobId: string;
  kind: string;
  /** The newest progress; null until the first progress event (a job just started or re-attached). */
  progress: JobProgress | null;
}

/**
 * Every running job with a progress bar and a cancel button. On load (and whenever the event
 * stream reconnects) it asks the server for the running jobs and re-attaches them, so a reload in
 * the middle of an import still shows that import, its progress and its cancel button.
 */
export function JobTray({ lang }: { lang: Lang }) {
  const [jobs, setJobs] = useState<Record<string, TrayJob>>({});
  const listing = useLatest();
  useEffect(() => {
    /** Jobs seen ending here; a list answered before the end must not bring them back. */
    const ended = new Set<string>();
    const upsert = (job: TrayJob) =>
      setJobs((all) => (ended.has(job.jobId) ? all : { ...all, [job.jobId]: { ...job, progress: job.progress ?? all[job.jobId]?.progress ?? null } }));
    const offProgress = workbench.on('job.progress', (p) => upsert({ jobId: p.jobId, kind: p.kind, progress: p }));
    const offFinished = workbench.on('job.finished', (f) => {
      ended.add(f.jobId);
      setJobs((all) => {
        const rest = { ...all };
        delete rest[f.jobId];
        return rest;
      });
    });
    const offStarted = onJobStarted((jobId, method) => upsert({ jobId, kind: method, progress: null }));
    const attach = () => {
      const ticket = listing.begin();
      workbench.jobs.list({}).then(
        (list) => {
          if (!ticket.isCurrent()) return;
          setJobs((all) => {
            const next = { ...all };
            for (const job of list) {
              if (job.status !== 'running' || ended.has(job.jobId)) {
                ended.add(job.jobId); // ended while no event could reach us (e.g. during a reload)
                delete next[job.jobId];
              } else {
                next[job.jobId] = { jobId: job.jobId, kind: job.kind, progress: all[job.jobId]?.progress ?? job.progress };
              }
            }
            return next;
          });
        },
        () => {
          // The tray is a view of the server's jobs; when the list cannot be read it shows what events bring.
        },
      );
    };
    const offConnected = onEventsConnected(attach);
    attach();
    return () => {
      offProgress();
      offFinished();
      offStarted();
      offConnected();
    };
  }, [listing]);
  const list = Object.values(jobs);
  if (list.length === 0) return null;
  return (
    <section className="job-tray" aria-label={t('jobs.title', lang)}>
      {list.map((job) => (
        <div className="job" key={job.jobId} data-testid="job" data-job-id={job.jobId} data-kind={job.kind}>
          <div className="job-step">{job.progress ? jobStepLabel(job.progress.step, lang) : t('jobs.starting', lang)}</div>
          <progress max={1} value={job.progress?.fraction ?? undefined} />
          {job.progress && (
            <div className="job-figures" data-testid="job-figures" data-detail={job.progress.detail.type}>
              {jobFigures(job.progress.detail, lang)}
            </div>
          )}
          <button onClick={() => void workbench.jobs.cancel({ jobId: job.jobId })}>{t('jobs.cancel', lang)}</button>
        </div>
      ))}
    </section>
  );
}
