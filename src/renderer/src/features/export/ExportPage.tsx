import { useMemo, useState } from 'react';
import type { CustomerAttributeInfo, SegmentSummary } from '../../../../shared/analytics';
import { CallError } from '../../../../shared/api';
import type { ClusterRunReport } from '../../../../shared/clusters';
import type { TargetListPreview } from '../../../../shared/export';
import { describeIssue } from '../../../../shared/issueText';
import { RECOMMEND_MODELS, type RecommendModelName, type RecommendRunReport } from '../../../../shared/recommend';
import type { RunInfo } from '../../../../shared/runs';
import { workbench } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { usePastRuns } from '../../components/usePastRuns';
import { ERROR_MESSAGES, t, type Lang } from '../../i18n';
import { ContentsForm } from './ContentsForm';
import { ExportRuns } from './ExportRuns';
import { FilterForm } from './FilterForm';
import { PreviewCard } from './PreviewCard';
import { DEFAULT_LIST, listArgs, type ListSettings } from './settings';
import { WriteCard } from './WriteCard';

interface Props {
  lang: Lang;
  project: string | null;
  onError: (e: unknown) => void;
}

/** The newest finished run of a kind, with its report (null when there is none). */
async function latestReport<R>(project: string, kind: string): Promise<R | null> {
  const runs: RunInfo[] = await workbench.runs.list({ project, kind });
  const done = runs.filter((r) => r.status === 'done').sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (done[0]?.metrics as unknown as R | undefined) ?? null;
}

/** A failed call worded for the page (a keyed error's own sentence; else the code's). */
function worded(e: unknown, lang: Lang): string {
  if (e instanceof CallError) return e.issues?.length ? e.issues.map((i) => describeIssue(i, lang)).join(' ') : ERROR_MESSAGES[e.code][lang];
  return String(e);
}

/** The project has no saved segments yet (segments.load's keyed NOT_FOUND). */
const noSegments = (e: unknown) => e instanceof CallError && (e.issues?.some((i) => i.key === 'noSegments') ?? e.code === 'NOT_FOUND');

/**
 * Step 7, the campaign target list: filters over the saved segments, churn risk, chain and
 * demographics; what the list holds (columns, recommendations, control group, language); a live
 * preview (debounced) of the count, the control group per risk decile and the first rows; then the
 * file, written as a job (an existing file replaced only when the analyst confirms); past exports.
 */
export function ExportPage({ lang, project, onError }: Props) {
  const [settings, setSettings] = useState<ListSettings>(DEFAULT_LIST);
  const past = usePastRuns<unknown>(project, 'export', onError);
  const segments = useQuery(project ? { project } : null, (a): Promise<SegmentSummary> => workbench.segments.load(a));
  const { data: attributes = [] } = useQuery(project ? { project } : null, (a): Promise<CustomerAttributeInfo[]> => workbench.data.customerAttributes(a), { onError });
  const { data: clusters = null } = useQuery(project ? { project } : null, (a) => latestReport<ClusterRunReport>(a.project, 'clusters'), { onError });
  const { data: recommend = null } = useQuery(project ? { project } : null, (a) => latestReport<RecommendRunReport>(a.project, 'recommend'), { onError });

  const summary = segments.data ?? null;
  // The churn scoring as the last preview found it: undefined until known, null when there is none.
  const [churnKnown, setChurnKnown] = useState<TargetListPreview['sources']['churn'] | undefined>(undefined);
  const args = useMemo(
    () => (project && summary ? listArgs(project, clusters ? settings : { ...settings, clusters: [] }, churnKnown !== null) : null),
    [project, summary, settings, clusters, churnKnown],
  );
  const preview = useQuery(args, async (a): Promise<TargetListPreview> => {
    const p = await workbench.export.preview(a);
    setChurnKnown(p.sources.churn);
    return p;
  }, { debounceMs: 350 });
  const models = useMemo<RecommendModelName[]>(() => (recommend ? RECOMMEND_MODELS.filter((m) => recommend.models[m]) : []), [recommend]);

  if (!project) return <p>{t('project.none', lang)}</p>;

  const problem = preview.error ? worded(preview.error, lang) : null;
  return (
    <section className="page" data-testid="export-page">
      <h2>{t('nav.export', lang)}</h2>
      <p className="note">{t('export.intro', lang)}</p>
      {segments.error ? (
        <p className="notice" data-testid="export-no-segments">
          {noSegments(segments.error) ? t('export.noSegments', lang) : worded(segments.error, lang)}
        </p>
      ) : summary ? (
        <>
          <div className="card" data-testid="export-filters">
            <h3>{t('export.filters', lang)}</h3>
            <FilterForm value={settings} onChange={setSettings} summary={summary} attributes={attributes} clusters={clusters} churn={churnKnown} lang={lang} />
          </div>
          <div className="card" data-testid="export-contents">
            <h3>{t('export.contents', lang)}</h3>
            <ContentsForm value={settings} onChange={setSettings} models={models} hasClusters={clusters !== null} lang={lang} />
          </div>
          <PreviewCard preview={preview.data} loading={preview.loading} problem={problem} lang={lang} />
          <WriteCard project={project} args={problem ? null : args} lang={lang} onError={onError} onWritten={() => void past.refresh()} />
        </>
      ) : (
        <p className="note">{t('export.previewLoading', lang)}</p>
      )}
      {past.runs.length > 0 && <ExportRuns runs={past.runs} lang={lang} onDelete={(id) => void past.remove(id)} />}
    </section>
  );
}
