import { useState } from 'react';
import type { ReadbackReport as Report } from '../../../../shared/readback';
import type { ProjectInfo } from '../../../../shared/reports';
import { workbench } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { usePastRuns } from '../../components/usePastRuns';
import { useShownReport } from '../../components/useShownReport';
import { t, type Lang } from '../../i18n';
import { ReadbackForm } from './ReadbackForm';
import { ReadbackReport } from './ReadbackReport';
import { ReadbackRuns } from './ReadbackRuns';
import { DEFAULT_SETTINGS, readbackArgs, type ReadbackSettings } from './settings';

interface Props {
  lang: Lang;
  project: string | null;
  onError: (e: unknown) => void;
}

/**
 * Step 9, the campaign read-back: choose the exported list and the contact file, the window and the
 * seed; run it (a plain call, seconds); read the outcomes, the charts and the breakdowns; reopen or
 * delete past read-backs.
 */
export function ReadbackPage({ lang, project, onError }: Props) {
  const [settings, setSettings] = useState<ReadbackSettings>(DEFAULT_SETTINGS);
  const [running, setRunning] = useState(false);
  const past = usePastRuns<Report>(project, 'readback', onError);
  const { report, setReport, reopen, remove } = useShownReport(project, past);
  const exports = usePastRuns<unknown>(project, 'export', onError);
  const { data: info } = useQuery(project ? { project } : null, (a): Promise<ProjectInfo> => workbench.project.info(a), { onError });


  if (!project) return <p>{t('project.none', lang)}</p>;

  const args = readbackArgs(project, settings);
  const run = async () => {
    if (!args) return;
    setReport(null);
    setRunning(true);
    try {
      setReport(await workbench.readback.run(args));
      await past.refresh();
    } catch (e) {
      onError(e);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="page" data-testid="readback-page" data-running={running}>
      <h2>{t('nav.readback', lang)}</h2>
      <div className="card">
        <h3>{t('readback.settings', lang)}</h3>
        <ReadbackForm value={settings} onChange={setSettings} exports={exports.runs} lang={lang} />
        <div className="row">
          <button onClick={() => void run()} disabled={running || !args} data-testid="readback-run">
            {running ? t('readback.running', lang) : t('readback.run', lang)}
          </button>
        </div>
      </div>
      {past.runs.length > 0 && <ReadbackRuns runs={past.runs} openId={report?.run.id ?? null} lang={lang} onOpen={(id) => void reopen(id)} onDelete={(id) => void remove(id)} />}
      {report && <ReadbackReport report={report} lang={lang} currency={info?.currency ?? 'KRW'} />}
    </section>
  );
}
