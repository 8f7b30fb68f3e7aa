import { useEffect, useRef, useState } from 'react';
import type { ProjectInfo } from '../../../../shared/reports';
import type { ValidationReport as Report } from '../../../../shared/validation';
import { workbench } from '../../api/client';
import { onJobStarted, runJob } from '../../api/jobs';
import { useQuery } from '../../api/useQuery';
import { usePastRuns } from '../../components/usePastRuns';
import { useShownReport } from '../../components/useShownReport';
import { t, type Lang } from '../../i18n';
import { defaultCutoff, DEFAULT_SETTINGS, validationArgs, type ValidationSettings } from './settings';
import { SettingsForm } from './SettingsForm';
import { validationStepLabel } from './stepLabel';
import { ValidationReport } from './ValidationReport';
import { ValidationRuns } from './ValidationRuns';

interface Props {
  lang: Lang;
  project: string | null;
  onError: (e: unknown) => void;
}

/**
 * Step 6, validation on time: choose the cut-off, the recommenders and churn models, K and the seed;
 * run it as a job (progress, cancel); read the report's three blocks; reopen or delete past runs.
 */
export function ValidationPage({ lang, project, onError }: Props) {
  const [settings, setSettings] = useState<ValidationSettings>(DEFAULT_SETTINGS);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ step: string; fraction: number | null } | null>(null);
  const jobId = useRef<string | null>(null);
  const past = usePastRuns<Report>(project, 'validation', onError);
  const { report, setReport, reopen, remove } = useShownReport(project, past);
  const { data: info } = useQuery(project ? { project } : null, (a): Promise<ProjectInfo> => workbench.project.info(a), { onError });


  // This job's progress, picked by its id.
  useEffect(() => {
    if (!running) return;
    const offStarted = onJobStarted((id, method) => {
      if (method === 'validation.run') jobId.current = id;
    });
    const offProgress = workbench.on('job.progress', (p) => {
      if (!jobId.current || p.jobId !== jobId.current) return;
      setProgress({ step: p.step, fraction: p.fraction });
    });
    return () => {
      offStarted();
      offProgress();
    };
  }, [running]);

  if (!project) return <p>{t('project.none', lang)}</p>;

  const run = async () => {
    jobId.current = null;
    setProgress(null);
    setReport(null);
    setRunning(true);
    try {
      setReport(await runJob('validation.run', validationArgs(project, settings)));
      await past.refresh();
    } catch (e) {
      onError(e);
    } finally {
      setRunning(false);
      jobId.current = null;
    }
  };
  const cancel = () => {
    if (jobId.current) workbench.jobs.cancel({ jobId: jobId.current }).catch(onError);
  };

  const cutoffDefault = defaultCutoff(info?.dateMin ?? null, info?.dateMax ?? null);
  const ready = settings.recommendModels.length > 0 && settings.churnModels.length > 0;
  return (
    <section className="page" data-testid="validation-page" data-running={running}>
      <h2>{t('nav.validation', lang)}</h2>
      <div className="card">
        <h3>{t('validation.settings', lang)}</h3>
        <SettingsForm value={settings} onChange={setSettings} defaultCutoff={cutoffDefault} lang={lang} />
        <div className="row">
          <button onClick={() => void run()} disabled={running || !ready} data-testid="validation-run">
            {running ? t('validation.running', lang) : t('validation.run', lang)}
          </button>
          {running && (
            <button onClick={cancel} data-testid="validation-cancel">
              {t('validation.cancel', lang)}
            </button>
          )}
        </div>
      </div>
      {running && (
        <div className="card" data-testid="validation-progress">
          <h3>{t('validation.progress', lang)}</h3>
          <div className="row">
            <progress max={1} value={progress?.fraction ?? undefined} style={{ width: 240 }} />
            {progress?.step && (
              <span className="note" data-testid="validation-step">
                {validationStepLabel(progress.step, lang)}
              </span>
            )}
          </div>
        </div>
      )}
      {past.runs.length > 0 && <ValidationRuns runs={past.runs} openId={report?.run.id ?? null} lang={lang} onOpen={(id) => void reopen(id)} onDelete={(id) => void remove(id)} />}
      {report && <ValidationReport report={report} lang={lang} />}
    </section>
  );
}
