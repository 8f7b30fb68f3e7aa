import { useEffect, useMemo, useState } from 'react';
import { CHURN_MODELS, type ChurnModelName, type ChurnRunReport, type FeatureImportanceSummary } from '../../../../shared/models';
import { modelLabel } from '../../../../shared/charts';
import type { ClassificationReport } from '../../../../shared/metrics';
import type { JobDetail } from '../../../../shared/contract';
import { TRAINING_BACKENDS, type TrainingBackendChoice } from '../../../../shared/settings';
import {
  buildCalibrationChart,
  buildConfusionChart,
  buildImportanceChart,
  buildLiftChart,
  buildModelComparisonChart,
  buildTrainingCurveChart,
  confusionChartHeight,
  importanceChartHeight,
} from '../../../../shared/charts';
import { workbench } from '../../api/client';
import { runJob } from '../../api/jobs';
import { Chart } from '../../components/Chart';
import { usePastRuns } from '../../components/usePastRuns';
import { formatDate } from '../../format';
import { fill, t, type Lang } from '../../i18n';
import { ClassReportTable } from './ClassReportTable';
import { ModelTable } from './ModelTable';
import { RunHistory } from './RunHistory';

interface Props {
  lang: Lang;
  project: string | null;
  onError: (e: unknown) => void;
}

type LiveStatus = Extract<JobDetail, { type: 'training' }> & { model: ChurnModelName };

type Curves = Partial<Record<ChurnModelName, { trainLoss: number[]; validLoss: (number | null)[] }>>;

/** Details a model's result carries (see services/models/churn/train.ts). */
interface Details {
  report?: ClassificationReport;
  lift?: Parameters<typeof buildLiftChart>[0] | null;
  calibration?: Parameters<typeof buildCalibrationChart>[0] | null;
  trainLoss?: number[];
  validLoss?: (number | null)[] | null;
  importance?: FeatureImportanceSummary | null;
}

/**
 * Step 4, predict who drifts away: choose the label, periods, models and seed; watch the loss curves
 * while the training worker runs; compare the models on the same test customers; reopen past runs.
 */
export function ChurnPage({ lang, project, onError }: Props) {
  const [label, setLabel] = useState<'binary' | 'transition'>('binary');
  const [population, setPopulation] = useState<'all' | 'lastTier'>('all');
  const [periods, setPeriods] = useState({ p1from: '', p1to: '', p2from: '', p2to: '' });
  const [models, setModels] = useState<ChurnModelName[]>([...CHURN_MODELS]);
  const [seed, setSeed] = useState(42);
  const [running, setRunning] = useState(false);
  const [curves, setCurves] = useState<Curves>({});
  const [report, setReport] = useState<ChurnRunReport | null>(null);
  const [focus, setFocus] = useState<ChurnModelName | null>(null);
  const [backend, setBackend] = useState<TrainingBackendChoice | null>(null);
  const [live, setLive] = useState<LiveStatus | null>(null);
  useEffect(() => {
    workbench.settings.get({}).then((s) => setBackend(s.trainingBackend), onError);
  }, [onError]);
  const chooseBackend = async (choice: TrainingBackendChoice) => {
    try {
      setBackend((await workbench.settings.setTraining({ trainingBackend: choice })).trainingBackend);
    } catch (e) {
      onError(e);
    }
  };

  const past = usePastRuns<ChurnRunReport>(project, 'churn', onError);
  useEffect(() => setReport(null), [project]);

  // Live curves: the training job's per-round losses.
  useEffect(() => {
    if (!running) return;
    return workbench.on('job.progress', (p) => {
      if (p.kind !== 'training' || p.detail.type !== 'training') return;
      const model = p.step as ChurnModelName;
      const { epoch, loss, metrics, phase } = p.detail;
      setLive({ model, ...p.detail });
      // The curve takes finished epochs only; batches show in the status line.
      if (phase !== 'epoch') return;
      setCurves((c) => {
        const prev = c[model] ?? { trainLoss: [], validLoss: [] };
        if (epoch <= prev.trainLoss.length) return c;
        return { ...c, [model]: { trainLoss: [...prev.trainLoss, loss], validLoss: [...prev.validLoss, metrics.validLoss ?? null] } };
      });
    });
  }, [running]);

  if (!project) return <p>{t('project.none', lang)}</p>;
  const { p1from, p1to, p2from, p2to } = periods;
  const windows = p1from && p1to && p2from && p2to ? ([{ from: p1from, to: p1to }, { from: p2from, to: p2to }] as [{ from: string; to: string }, { from: string; to: string }]) : undefined;

  const train = async () => {
    setRunning(true);
    setCurves({});
    setLive(null);
    setReport(null);
    try {
      const result = await runJob('models.trainChurn', { project, label, population, periods: windows, models, seed });
      setReport(result);
      setFocus(result.best);
      await past.refresh();
    } catch (e) {
      onError(e);
    } finally {
      setRunning(false);
    }
  };
  const reopen = async (runId: string) => {
    if (!runId) return;
    const r = await past.open(runId);
    if (r) {
      setReport(r);
      setFocus(r.best);
    }
  };
  const remove = async (runId: string) => {
    if ((await past.remove(runId)) && report?.run.id === runId) setReport(null);
  };
  const toggle = (m: ChurnModelName) => setModels(models.includes(m) ? models.filter((x) => x !== m) : [...models, m]);

  return (
    <section className="page" data-testid="churn-page" data-running={running}>
      <h2>{t('nav.churn', lang)}</h2>
      <div className="card">
        <h3>{t('churn.settings', lang)}</h3>
        <div className="row">
          <label>
            {t('churn.label', lang)}{' '}
            <select value={label} onChange={(e) => setLabel(e.target.value as typeof label)} data-testid="churn-label">
              <option value="binary">{t('churn.binary', lang)}</option>
              <option value="transition">{t('churn.transition', lang)}</option>
            </select>
          </label>
          {label === 'binary' && (
            <label>
              {t('churn.population', lang)}{' '}
              <select value={population} onChange={(e) => setPopulation(e.target.value as typeof population)} data-testid="churn-population">
                <option value="all">{t('churn.population.all', lang)}</option>
                <option value="lastTier">{t('churn.population.lastTier', lang)}</option>
              </select>
            </label>
          )}
          <label>
            {t('segments.firstPeriod', lang)} <input type="date" value={p1from} onChange={(e) => setPeriods({ ...periods, p1from: e.target.value })} /> ~{' '}
            <input type="date" value={p1to} onChange={(e) => setPeriods({ ...periods, p1to: e.target.value })} />
          </label>
          <label>
            {t('segments.secondPeriod', lang)} <input type="date" value={p2from} onChange={(e) => setPeriods({ ...periods, p2from: e.target.value })} /> ~{' '}
            <input type="date" value={p2to} onChange={(e) => setPeriods({ ...periods, p2to: e.target.value })} />
          </label>
          <label>
            {t('churn.seed', lang)} <input type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.trunc(Number(e.target.value) || 0)))} style={{ width: 90 }} />
          </label>
        </div>
        <p className="note">{t('churn.periodsHelp', lang)}</p>
        {backend && (
          <div className="row">
            <label>
              {t('churn.backend', lang)}{' '}
              <select value={backend} onChange={(e) => void chooseBackend(e.target.value as TrainingBackendChoice)} data-testid="churn-backend">
                {TRAINING_BACKENDS.map((b) => (
                  <option key={b} value={b}>
                    {t(`churn.backend.${b}`, lang)}
                  </option>
                ))}
              </select>
            </label>
            <span className="note">{t('churn.backendHelp', lang)}</span>
          </div>
        )}
        <div className="row">
          {CHURN_MODELS.map((m) => (
            <label key={m}>
              <input type="checkbox" checked={models.includes(m)} onChange={() => toggle(m)} data-testid={`churn-model-${m}`} /> {modelLabel(m, lang)}
            </label>
          ))}
        </div>
        <div className="row">
          <button onClick={() => void train()} disabled={running || models.length === 0} data-testid="churn-train">
            {running ? t('churn.training', lang) : t('churn.train', lang)}
          </button>
        </div>
      </div>
      {past.runs.length > 0 && <RunHistory runs={past.runs} lang={lang} onOpen={(id) => void reopen(id)} onDelete={remove} />}
      {(running || Object.keys(curves).length > 0) && !report && (
        <div className="chart-grid">
          <Chart option={buildTrainingCurveChart(curveList(curves), lang)} lang={lang} name="churn-training" testId="churn-live-curve" />
        </div>
      )}
      {running && live && (
        <p className="note" data-testid="churn-live-status">
          {fill(t(live.phase === 'batch' ? 'churn.liveBatch' : 'churn.liveEpoch', lang), {
            model: modelLabel(live.model, lang),
            epoch: live.epoch,
            epochs: live.epochs,
            batch: live.batch,
            batches: live.batches,
            loss: live.loss.toFixed(4),
            speed: live.samplesPerSecond.toLocaleString('ko-KR'),
          })}
        </p>
      )}
      {report && <Report report={report} focus={focus ?? report.best} onFocus={setFocus} lang={lang} />}
    </section>
  );
}

function curveList(curves: Curves) {
  return (Object.entries(curves) as [ChurnModelName, NonNullable<Curves[ChurnModelName]>][]).map(([model, c]) => ({ model, ...c }));
}

function Report({ report, focus, onFocus, lang }: { report: ChurnRunReport; focus: ChurnModelName | null; onFocus: (m: ChurnModelName) => void; lang: Lang }) {
  const [p1, p2] = report.periods;
  const period = `${formatDate(p1.from, lang)} ~ ${formatDate(p1.to, lang)} → ${formatDate(p2.from, lang)} ~ ${formatDate(p2.to, lang)}`;
  const focused = focus ? report.models[focus] : undefined;
  // The importance is measured for the best model that reads the features only.
  const importanceOwner = (Object.keys(report.models) as ChurnModelName[]).find((m) => {
    const r = report.models[m];
    return r?.applies && (r.details as Details).importance;
  });
  const details = (focused && focused.applies ? focused.details : {}) as Details;
  const curves = useMemo(
    () =>
      (Object.entries(report.models) as [ChurnModelName, NonNullable<ChurnRunReport['models'][ChurnModelName]>][]).flatMap(([model, r]) => {
        const d = (r.applies ? r.details : {}) as Details;
        return d.trainLoss ? [{ model, trainLoss: d.trainLoss, validLoss: d.validLoss ?? [] }] : [];
      }),
    [report],
  );
  return (
    <div data-testid="churn-report">
      <div className="card">
        <h3>{t('churn.report', lang)}</h3>
        <p>
          {report.population === 'lastTier' ? `${t('churn.population.lastTier', lang)} · ` : ''}
          {fill(t('churn.reportLine', lang), {
            period,
            train: report.train.customers.toLocaleString('ko-KR'),
            valid: report.valid.customers.toLocaleString('ko-KR'),
            test: report.test.customers.toLocaleString('ko-KR'),
            seed: report.run.seed,
            backend: report.run.backend,
            seconds: report.run.seconds.toFixed(1),
          })}
        </p>
        <ModelTable report={report} focus={focus} onFocus={onFocus} lang={lang} />
      </div>
      {focus && details.report && <ClassReportTable report={details.report} classes={report.classLabels?.[lang] ?? report.classes} model={focus} lang={lang} />}
      <div className="chart-grid">
        <Chart period={period} option={buildModelComparisonChart(report, lang)} lang={lang} name="churn-models" testId="churn-comparison" />
        <Chart period={period} option={buildTrainingCurveChart(curves, lang)} lang={lang} name="churn-training" />
        {focus && details.lift && <Chart period={period} option={buildLiftChart(details.lift, lang, focus)} lang={lang} name={`churn-lift-${focus}`} testId="churn-lift" />}
        {focus && details.report && (
          <Chart period={period} option={buildConfusionChart(details.report.confusion, report.classLabels?.[lang] ?? report.classes, lang, focus)} lang={lang} name={`churn-confusion-${focus}`} height={confusionChartHeight(report.classes.length)} />
        )}
        {focus && details.calibration && <Chart period={period} option={buildCalibrationChart(details.calibration, lang, focus)} lang={lang} name={`churn-calibration-${focus}`} />}
        {focus && !details.importance && importanceOwner && (
          <p className="note" data-testid="churn-importance-elsewhere">
            {fill(t('churn.importanceElsewhere', lang), { model: modelLabel(importanceOwner, lang) })}
          </p>
        )}
        {focus && details.importance && (
          <Chart
            period={period}
            option={buildImportanceChart(details.importance, lang, focus)}
            lang={lang}
            name={`churn-importance-${focus}`}
            testId="churn-importance"
            height={importanceChartHeight(details.importance.features.length)}
          />
        )}
      </div>
    </div>
  );
}
