import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../shared/contract';
import { workbench } from '../api/client';
import { formatNumber } from '../format';
import { t, type Lang } from '../i18n';

/** Every running job with a progress bar and a cancel button. */
export function JobTray({ lang }: { lang: Lang }) {
  const [jobs, setJobs] = useState<Record<string, JobProgress>>({});
  useEffect(() => {
    const offProgress = workbench.on('job.progress', (p) => setJobs((all) => ({ ...all, [p.jobId]: p })));
    const offFinished = workbench.on('job.finished', (f) =>
      setJobs((all) => {
        const rest = { ...all };
        delete rest[f.jobId];
        return rest;
      }),
    );
    return () => {
      offProgress();
      offFinished();
    };
  }, []);
  const list = Object.values(jobs);
  if (list.length === 0) return null;
  return (
    <section className="job-tray" aria-label={t('jobs.title', lang)}>
      {list.map((job) => (
        <div className="job" key={job.jobId} data-testid="job">
          <div className="job-step">{job.step}</div>
          <progress max={1} value={job.fraction ?? undefined} />
          <div className="job-figures">
            {formatNumber(job.rowsDone, lang)} {t('jobs.rows', lang)} · {formatNumber(job.rowsPerSecond, lang)} {t('jobs.perSecond', lang)}
          </div>
          <button onClick={() => void workbench.jobs.cancel({ jobId: job.jobId })}>{t('jobs.cancel', lang)}</button>
        </div>
      ))}
    </section>
  );
}
