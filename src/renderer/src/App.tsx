import { useCallback, useEffect, useState } from 'react';
import { CallError } from '../../shared/api';
import type { WireIssue } from '../../shared/errors';
import { describeIssue } from '../../shared/issueText';
import type { ProjectInfo } from '../../shared/reports';
import { workbench } from './api/client';
import { runJob, waitForJob } from './api/jobs';
import { JobTray } from './components/JobTray';
import { DataPage } from './features/data/DataPage';
import { OverviewPage } from './features/overview/OverviewPage';
import { SegmentsPage } from './features/segments/SegmentsPage';
import { ChurnPage } from './features/churn/ChurnPage';
import { ClustersPage } from './features/clusters/ClustersPage';
import { RecommendPage } from './features/recommend/RecommendPage';
import { ValidationPage } from './features/validation/ValidationPage';
import { ExportPage } from './features/export/ExportPage';
import { ReadbackPage } from './features/readback/ReadbackPage';
import { ERROR_MESSAGES, t, type Lang, type StringKey } from './i18n';

const STEPS: StringKey[] = ['nav.data', 'nav.overview', 'nav.segments', 'nav.clusters', 'nav.churn', 'nav.recommend', 'nav.validation', 'nav.export', 'nav.readback'];

export interface ShownError {
  code: keyof typeof ERROR_MESSAGES;
  /** The English sentence: shown only for an error no key words (INTERNAL, an unexpected failure). */
  detail: string;
  /** BAD_ARGUMENT: the inputs to fix; any other code: the keyed sentence. Worded in the UI language when shown. */
  issues?: WireIssue[];
}

/** The shell: the journey's steps, the language toggle, the job tray and errors shown by code. */
export function App() {
  const [lang, setLang] = useState<Lang>('ko');
  const [step, setStep] = useState<StringKey>('nav.data');
  const [project, setProject] = useState<string | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  // First start: the sample project is being generated and imported (the pages have no project yet).
  const [preparing, setPreparing] = useState(false);

  const report = useCallback((e: unknown) => {
    if (e instanceof CallError) setError({ code: e.code, detail: e.message, issues: e.issues });
    else setError({ code: 'INTERNAL', detail: String(e) });
  }, []);
  const openProject = useCallback(async (dir: string) => {
    setProject(dir);
    const s = await workbench.settings.addRecentProject({ project: dir });
    setRecent(s.recentProjects);
  }, []);

  // First start: the app makes its own sample project (generated, seeded, imported) and opens it.
  useEffect(() => {
    void (async () => {
      try {
        const s = await workbench.settings.get({});
        setLang(s.language);
        setRecent(s.recentProjects);
        if (s.recentProjects[0]) return setProject(s.recentProjects[0]);
        // After a reload during the first start, the sample job is still running: wait for that one.
        const running = (await workbench.jobs.list({})).find((j) => j.method === 'project.openSample' && j.status === 'running');
        setPreparing(true);
        const sample = running ? await waitForJob<ProjectInfo>(running.jobId) : await runJob('project.openSample', {});
        setPreparing(false);
        await openProject(sample.project);
      } catch (e) {
        setPreparing(false);
        report(e);
      }
    })();
  }, [openProject, report]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('appTitle', lang);
  }, [lang]);

  const toggleLang = () => {
    const next = lang === 'ko' ? 'en' : 'ko';
    setLang(next);
    void workbench.settings.setLanguage({ language: next });
  };

  return (
    <div className="shell">
      <nav className="nav">
        <h1>{t('appTitle', lang)}</h1>
        {STEPS.map((s) => (
          <button key={s} className={s === step ? 'active' : ''} onClick={() => setStep(s)} data-testid={s}>
            {t(s, lang)}
          </button>
        ))}
        <button className="lang" onClick={toggleLang}>
          {t('language', lang)}
        </button>
      </nav>
      <main className="main">
        {error && (
          <div className={error.code === 'CANCELLED' ? 'notice' : 'error'} role="alert" data-code={error.code}>
            <strong>{t(error.code === 'CANCELLED' ? 'notice.title' : 'error.title', lang)}:</strong> {ERROR_MESSAGES[error.code][lang]}
            {error.issues?.length ? (
              <ul className="error-detail" data-testid="error-issues">
                {error.issues.map((issue, i) => (
                  <li key={i}>{describeIssue(issue, lang)}</li>
                ))}
              </ul>
            ) : (
              <div className="error-detail">{error.detail}</div>
            )}
            <button onClick={() => setError(null)}>{t('error.dismiss', lang)}</button>
          </div>
        )}
        {preparing && !project && (
          <p className="notice" data-testid="sample-preparing">
            {t('sample.preparing', lang)}
          </p>
        )}
        {step === 'nav.data' ? (
          <DataPage key={project ?? ''} lang={lang} project={project} recent={recent} onOpen={openProject} onError={report} />
        ) : step === 'nav.overview' ? (
          <OverviewPage key={project ?? ''} lang={lang} project={project} onError={report} />
        ) : step === 'nav.segments' ? (
          <SegmentsPage key={project ?? ''} lang={lang} project={project} onError={report} />
        ) : step === 'nav.clusters' ? (
          <ClustersPage key={project ?? ''} lang={lang} project={project} onError={report} />
        ) : step === 'nav.churn' ? (
          <ChurnPage key={project ?? ''} lang={lang} project={project} onError={report} />
        ) : step === 'nav.recommend' ? (
          <RecommendPage key={project ?? ''} lang={lang} project={project} onError={report} />
        ) : step === 'nav.validation' ? (
          <ValidationPage key={project ?? ''} lang={lang} project={project} onError={report} />
        ) : step === 'nav.export' ? (
          <ExportPage key={project ?? ''} lang={lang} project={project} onError={report} />
        ) : step === 'nav.readback' ? (
          <ReadbackPage key={project ?? ''} lang={lang} project={project} onError={report} />
        ) : (
          <section>
            <h2>{t(step, lang)}</h2>
            <p>{t('comingNext', lang)}</p>
          </section>
        )}
        <JobTray lang={lang} />
      </main>
    </div>
  );
}
