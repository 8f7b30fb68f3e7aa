import { useState } from 'react';
import { CLUSTER_FEATURE_GROUPS, CLUSTER_K_MAX, CLUSTER_K_MIN, type ClusterFeatureGroup, type ClusterRunReport } from '../../../../shared/clusters';
import { workbench } from '../../api/client';
import { runJob } from '../../api/jobs';
import { usePastRuns } from '../../components/usePastRuns';
import { useShownReport } from '../../components/useShownReport';
import { t, type Lang } from '../../i18n';
import { ClusterReport } from './ClusterReport';
import { ClusterRuns } from './ClusterRuns';

interface Props {
  lang: Lang;
  project: string | null;
  onError: (e: unknown) => void;
}

const K_CHOICES = Array.from({ length: CLUSTER_K_MAX - CLUSTER_K_MIN + 1 }, (_, i) => CLUSTER_K_MIN + i);
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/**
 * Customer clusters: lifestyle groups found by K-means from how and what customers buy. Choose the
 * features, k (or the scan's pick), the window, seed and restarts; the job tray shows the run's
 * progress; the report names each cluster by its traits (renamable) and crosses clusters with the
 * RFM tiers. Past runs reopen and delete.
 */
export function ClustersPage({ lang, project, onError }: Props) {
  const [features, setFeatures] = useState<ClusterFeatureGroup>('both');
  const [k, setK] = useState<number | 'auto'>('auto');
  const [span, setSpan] = useState({ from: '', to: '' });
  const [seed, setSeed] = useState(42);
  const [restarts, setRestarts] = useState(4);
  const [running, setRunning] = useState(false);

  const past = usePastRuns<ClusterRunReport>(project, 'clusters', onError);
  const { report, setReport, reopen, remove } = useShownReport(project, past);

  if (!project) return <p>{t('project.none', lang)}</p>;

  const run = async () => {
    setRunning(true);
    setReport(null);
    try {
      const result = await runJob('clusters.run', {
        project,
        features,
        k,
        window: span.from && span.to ? { from: span.from, to: span.to } : undefined,
        seed,
        restarts,
      });
      setReport(result);
      await past.refresh();
    } catch (e) {
      onError(e);
    } finally {
      setRunning(false);
    }
  };
  const rename = async (cluster: number, name: string): Promise<boolean> => {
    if (!report) return false;
    try {
      setReport(await workbench.clusters.rename({ project, runId: report.run.id, cluster, name }));
      await past.refresh();
      return true;
    } catch (e) {
      onError(e);
      return false;
    }
  };

  return (
    <section className="page" data-testid="clusters-page" data-running={running}>
      <h2>{t('nav.clusters', lang)}</h2>
      <div className="card">
        <h3>{t('clusters.settings', lang)}</h3>
        <div className="row">
          <label>
            {t('clusters.features', lang)}{' '}
            <select value={features} onChange={(e) => setFeatures(e.target.value as ClusterFeatureGroup)} data-testid="clusters-features">
              {CLUSTER_FEATURE_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`clusters.features.${g}`, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('clusters.k', lang)}{' '}
            <select value={String(k)} onChange={(e) => setK(e.target.value === 'auto' ? 'auto' : Number(e.target.value))} data-testid="clusters-k">
              <option value="auto">{t('clusters.kAuto', lang)}</option>
              {K_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="row">
          <label>
            {t('clusters.window', lang)} <input type="date" value={span.from} onChange={(e) => setSpan({ ...span, from: e.target.value })} data-testid="clusters-from" /> ~{' '}
            <input type="date" value={span.to} onChange={(e) => setSpan({ ...span, to: e.target.value })} data-testid="clusters-to" />
          </label>
          <label>
            {t('clusters.seed', lang)}{' '}
            <input type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.trunc(Number(e.target.value) || 0)))} style={{ width: 90 }} data-testid="clusters-seed" />
          </label>
          <label>
            {t('clusters.restarts', lang)}{' '}
            <input type="number" min={1} max={20} value={restarts} onChange={(e) => setRestarts(clamp(Math.trunc(Number(e.target.value) || 1), 1, 20))} style={{ width: 60 }} data-testid="clusters-restarts" />
          </label>
        </div>
        <p className="note">{t('clusters.help', lang)}</p>
        <div className="row">
          <button onClick={() => void run()} disabled={running} data-testid="clusters-run">
            {running ? t('clusters.running', lang) : t('clusters.run', lang)}
          </button>
        </div>
      </div>
      {past.runs.length > 0 && <ClusterRuns runs={past.runs} openId={report?.run.id ?? null} lang={lang} onOpen={(id) => void reopen(id)} onDelete={remove} />}
      {report && <ClusterReport report={report} lang={lang} onRename={rename} />}
    </section>
  );
}
