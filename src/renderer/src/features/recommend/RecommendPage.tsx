import { useEffect, useMemo, useRef, useState } from 'react';
import { buildRecommendLossChart, recommendModelLabel, reportModels } from '../../../../shared/charts';
import type { RecommendModelName, RecommendRunReport } from '../../../../shared/recommend';
import { workbench } from '../../api/client';
import { onJobStarted, runJob } from '../../api/jobs';
import { Chart } from '../../components/Chart';
import { jobStepLabel } from '../../components/jobStep';
import { usePastRuns } from '../../components/usePastRuns';
import { useShownReport } from '../../components/useShownReport';
import { fill, t, type Lang } from '../../i18n';
import { foldProgress, isRecommendStep, LIVE_START, modelStates, type LiveState } from './liveProgress';
import { ListSample } from './ListSample';
import { latestClustering } from './parts';
import { RecommendReport } from './RecommendReport';
import { RecommendRuns } from './RecommendRuns';
import { DEFAULT_SETTINGS, trainArgs, type RecommendSettings } from './settings';
import { SettingsForm } from './SettingsForm';

interface Props {
  lang: Lang;
  project: string | null;
  onError: (e: unknown) => void;
}

/**
 * Step 5, what to recommend: choose the models, the evaluation (N negatives, the time split's
 * cut-off), the chain, the customers (all, one cluster, a model per cluster), K and the business
 * rules; follow each model (and NeuMF's loss per epoch)
 * while the worker trains; compare the models on both protocols; browse the saved lists; reopen or
 * delete past runs.
 */
export function RecommendPage({ lang, project, onError }: Props) {
  const [settings, setSettings] = useState<RecommendSettings>(DEFAULT_SETTINGS);
  const [running, setRunning] = useState<RecommendModelName[] | null>(null);
  const [live, setLive] = useState<LiveState>(LIVE_START);
  const jobId = useRef<string | null>(null);
  const past = usePastRuns<RecommendRunReport>(project, 'recommend', onError);
  const { report, setReport, reopen, remove } = useShownReport(project, past);
  // The clusterings: the latest one's clusters for the settings, any one's names for a report.
  const clusterings = usePastRuns<unknown>(project, 'clusters', onError);
  const clustering = useMemo(() => latestClustering(clusterings.runs, lang), [clusterings.runs, lang]);


  // This job's progress: picked by its id once known (before: by the steps only a recommendation run reports).
  useEffect(() => {
    if (!running) return;
    const offStarted = onJobStarted((id, method) => {
      if (method === 'models.trainRecommend') jobId.current = id;
    });
    const offProgress = workbench.on('job.progress', (p) => {
      if (p.kind !== 'training' || (jobId.current ? p.jobId !== jobId.current : !isRecommendStep(p.step))) return;
      setLive((s) => foldProgress(s, p));
    });
    return () => {
      offStarted();
      offProgress();
    };
  }, [running]);

  const liveLoss = useMemo(() => buildRecommendLossChart(live.curves, lang), [live.curves, lang]);

  if (!project) return <p>{t('project.none', lang)}</p>;

  const train = async () => {
    const models = settings.models;
    jobId.current = null;
    setLive(LIVE_START);
    setReport(null);
    setRunning(models);
    try {
      setReport(await runJob('models.trainRecommend', trainArgs(project, settings, clustering?.runId)));
      await past.refresh();
    } catch (e) {
      onError(e);
    } finally {
      setRunning(null);
      jobId.current = null;
    }
  };
  const cancel = () => {
    if (jobId.current) workbench.jobs.cancel({ jobId: jobId.current }).catch(onError);
  };

  const epoch = live.epoch;
  return (
    <section className="page" data-testid="recommend-page" data-running={running !== null}>
      <h2>{t('nav.recommend', lang)}</h2>
      <div className="card">
        <h3>{t('recommend.settings', lang)}</h3>
        <SettingsForm value={settings} onChange={setSettings} clustering={clustering} lang={lang} />
        <div className="row">
          <button onClick={() => void train()} disabled={running !== null || settings.models.length === 0} data-testid="recommend-train">
            {running ? t('recommend.training', lang) : t('recommend.train', lang)}
          </button>
          {running && (
            <button onClick={cancel} data-testid="recommend-cancel">
              {t('recommend.cancel', lang)}
            </button>
          )}
        </div>
      </div>
      {running && (
        <div className="card" data-testid="recommend-progress">
          <h3>{t('recommend.progress', lang)}</h3>
          <div className="row">
            <progress max={1} value={live.fraction ?? undefined} style={{ width: 240 }} />
            {live.step && <span className="note">{jobStepLabel(live.step, lang)}</span>}
          </div>
          <ul className="note">
            {modelStates(running, live.step).map(({ model, state }) => (
              <li key={model} data-model={model} data-state={state}>
                {recommendModelLabel(model, lang)}: {t(`recommend.state.${state}`, lang)}
              </li>
            ))}
          </ul>
          {epoch && (
            <p className="note" data-testid="recommend-live-status">
              {fill(t('recommend.liveEpoch', lang), {
                model: recommendModelLabel(epoch.model, lang),
                epoch: epoch.epoch,
                epochs: epoch.epochs,
                loss: epoch.loss.toFixed(4),
                speed: Math.round(epoch.samplesPerSecond).toLocaleString('ko-KR'),
              })}
            </p>
          )}
          {(running.includes('neumf') || running.includes('widedeep')) && (
            <div className="chart-grid">
              <Chart option={liveLoss} lang={lang} name="recommend-training" testId="recommend-live-loss" />
            </div>
          )}
        </div>
      )}
      {past.runs.length > 0 && <RecommendRuns runs={past.runs} clusterings={clusterings.runs} openId={report?.run.id ?? null} lang={lang} onOpen={(id) => void reopen(id)} onDelete={(id) => void remove(id)} />}
      {report && (
        <>
          <RecommendReport report={report} clusterings={clusterings.runs} lang={lang} />
          <ListSample key={report.run.id} project={project} runId={report.run.id} models={reportModels(report).map(([m]) => m)} best={report.best} lang={lang} onError={onError} />
        </>
      )}
    </section>
  );
}
