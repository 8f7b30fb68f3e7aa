import { useState } from 'react';
import { runJob } from '../../api/jobs';
import { t, type Lang } from '../../i18n';
import { MappedImportWizard } from './MappedImportWizard';
import { useImportRun } from './useImportRun';

/** Import the six L.POINT files from a folder (auto-mapped by file name and header). */
export function ImportPanel({ lang, project, onDone, onError }: { lang: Lang; project: string; onDone: () => Promise<void>; onError: (e: unknown) => void }) {
  const [folder, setFolder] = useState('');
  const [dropDuplicates, setDrop] = useState(false);
  const [replace, setReplace] = useState(false);
  const { busy, done, run } = useImportRun(onDone, onError);
  const [mode, setMode] = useState<'lpoint' | 'mapped'>('lpoint');

  const start = () => run(() => runJob('data.importLpoint', { project, folder, dropDuplicates, replace }));
  return (
    <div className="card" data-testid="import-panel">
      <h3>{t('import.title', lang)}</h3>
      <div className="tabs">
        <button className={mode === 'lpoint' ? 'active' : ''} onClick={() => setMode('lpoint')}>{t('import.mode.lpoint', lang)}</button>
        <button className={mode === 'mapped' ? 'active' : ''} onClick={() => setMode('mapped')} data-testid="mode-mapped">
          {t('import.mode.mapped', lang)}
        </button>
      </div>
      {mode === 'mapped' ? (
        <MappedImportWizard lang={lang} project={project} onDone={onDone} onError={onError} />
      ) : (
      <>
      <div className="row">
        <label>
          {t('import.folder', lang)}
          <input value={folder} onChange={(e) => setFolder(e.target.value)} size={60} data-testid="import-folder" />
        </label>
        <label>
          <input type="checkbox" checked={dropDuplicates} onChange={(e) => setDrop(e.target.checked)} /> {t('import.dropDuplicates', lang)}
        </label>
        <label>
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> {t('import.replace', lang)}
        </label>
        <button onClick={() => void start()} disabled={!folder || busy} data-testid="import-start">
          {t('import.start', lang)}
        </button>
      </div>
      {done && <p className="saved">{t('import.done', lang)}: {done}</p>}
      </>
      )}
    </div>
  );
}
