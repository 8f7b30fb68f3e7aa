import { useEffect, useState } from 'react';
import type { ProjectInfo } from '../../../../shared/reports';
import { workbench } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDate, formatNumber } from '../../format';
import { t, type Lang, type StringKey } from '../../i18n';
import { ImportPanel } from './ImportPanel';
import { QualityReport } from './QualityReport';
import { ProjectSettings } from './ProjectSettings';
import { RejectsViewer } from './RejectsViewer';

interface Props {
  lang: Lang;
  project: string | null;
  recent: string[];
  onOpen: (dir: string) => Promise<void>;
  onError: (e: unknown) => void;
}

/** Open or create a project, see its tables and the data-quality report, import, browse rejects. */
export function DataPage({ lang, project, recent, onOpen, onError }: Props) {
  const [folder, setFolder] = useState(project ?? '');
  const { data: info = null, refresh } = useQuery(project ? { project } : null, (a): Promise<ProjectInfo> => workbench.project.open(a), { onError });
  // A job that ends while this page is shown — also one started before a page reload — may have changed the project.
  useEffect(
    () =>
      workbench.on('job.finished', (f) => {
        if (f.ok) void refresh();
      }),
    [refresh],
  );
  useEffect(() => setFolder(project ?? ''), [project]);

  const open = async (create: boolean) => {
    try {
      if (create) await workbench.project.create({ project: folder });
      else await workbench.project.open({ project: folder });
      await onOpen(folder);
    } catch (e) {
      onError(e);
    }
  };

  return (
    <section className="page" data-testid="data-page">
      <h2>{t('nav.data', lang)}</h2>
      <div className="card">
        <h3>{t('project.title', lang)}</h3>
        <div className="row">
          <label>
            {t('project.folder', lang)}
            <input value={folder} onChange={(e) => setFolder(e.target.value)} size={60} data-testid="project-folder" />
          </label>
          <button onClick={() => void open(false)} disabled={!folder}>{t('project.open', lang)}</button>
          <button onClick={() => void open(true)} disabled={!folder}>{t('project.create', lang)}</button>
        </div>
        {recent.length > 0 && (
          <div className="recent">
            {t('project.recent', lang)}:{' '}
            {recent.map((r) => (
              <button key={r} className="link" onClick={() => void onOpen(r)}>{r}</button>
            ))}
          </div>
        )}
        {!project && <p>{t('project.none', lang)}</p>}
      </div>
      {project && info && (
        <>
          <div className="card">
            <h3>{t('tables.title', lang)}</h3>
            <table className="numbers" data-testid="table-counts">
              <tbody>
                {info.tables.map((row) => (
                  <tr key={row.table} data-table={row.table}>
                    <th>{t(`table.${row.table}` as StringKey, lang)}</th>
                    <td>{formatNumber(row.rows, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              {t('dateRange', lang)}: {formatDate(info.dateMin, lang)} – {formatDate(info.dateMax, lang)}
            </p>
          </div>
          <ImportPanel lang={lang} project={project} onDone={refresh} onError={onError} />
          <QualityReport lang={lang} info={info} />
          <RejectsViewer lang={lang} project={project} info={info} onError={onError} />
          <ProjectSettings lang={lang} info={info} onChanged={refresh} onError={onError} />
        </>
      )}
    </section>
  );
}
