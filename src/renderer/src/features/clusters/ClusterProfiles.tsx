import { useState } from 'react';
import { buildClusterTraitsChart, clusterColor, clusterTraitsChartHeight } from '../../../../shared/charts';
import type { ClusterProfile, ClusterRunReport } from '../../../../shared/clusters';
import { Chart } from '../../components/Chart';
import { fill, t, type Lang } from '../../i18n';

interface Props {
  report: ClusterRunReport;
  lang: Lang;
  period: string;
  /** Saves a cluster's new name on the run (clusters.rename); true once saved (a failure is reported by the page). */
  onRename: (cluster: number, name: string) => Promise<boolean>;
}

/** One card per cluster: its name (editable in place), its size and share, and its top traits. */
export function ClusterProfiles({ report, lang, period, onRename }: Props) {
  return (
    <div className="card" data-testid="cluster-profiles">
      <h3>{t('clusters.profiles', lang)}</h3>
      <div className="chart-grid">
        {report.profiles.map((p) => (
          <ProfileCard key={`${report.run.id}-${p.cluster}`} profile={p} features={report.features} runId={report.run.id} lang={lang} period={period} onRename={onRename} />
        ))}
      </div>
    </div>
  );
}

function ProfileCard({ profile, features, runId, lang, period, onRename }: { profile: ClusterProfile; features: string[]; runId: string; lang: Lang; period: string; onRename: Props['onRename'] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = profile.name[lang];
  const save = async () => {
    const next = (editing ?? '').trim();
    if (!next || next === name) return setEditing(null);
    setSaving(true);
    const saved = await onRename(profile.cluster, next);
    setSaving(false);
    if (saved) setEditing(null);
  };
  return (
    <div data-testid="cluster-card" data-cluster={profile.cluster}>
      <div className="row">
        <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: clusterColor(profile.cluster) }} aria-hidden />
        {editing === null ? (
          <>
            <strong data-testid="cluster-name">{name}</strong>
            <button className="link" onClick={() => setEditing(name)} data-testid="cluster-rename">
              {t('clusters.rename', lang)}
            </button>
          </>
        ) : (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <input value={editing} maxLength={30} onChange={(e) => setEditing(e.target.value)} aria-label={t('clusters.name', lang)} data-testid="cluster-name-input" autoFocus />
            <button type="submit" disabled={saving || !editing.trim()} data-testid="cluster-name-save">
              {t('clusters.save', lang)}
            </button>
            <button type="button" onClick={() => setEditing(null)} disabled={saving}>
              {t('clusters.cancel', lang)}
            </button>
          </form>
        )}
        <span className="note" data-testid="cluster-size">
          {fill(t('clusters.size', lang), { n: profile.size.toLocaleString('ko-KR'), share: `${(100 * profile.share).toFixed(1)}%` })}
        </span>
      </div>
      <Chart
        period={period}
        option={buildClusterTraitsChart(profile, features, lang)}
        lang={lang}
        name={`cluster-${runId}-${profile.cluster + 1}-traits`}
        height={clusterTraitsChartHeight(profile.traits.length)}
      />
    </div>
  );
}
