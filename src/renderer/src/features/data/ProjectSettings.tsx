import { useEffect, useState } from 'react';
import { currencyChoices } from '../../../../shared/money';
import type { ProjectInfo } from '../../../../shared/reports';
import type { Settings } from '../../../../shared/settings';
import { workbench } from '../../api/client';
import { t, type Lang } from '../../i18n';

interface Props {
  lang: Lang;
  info: ProjectInfo;
  /** Called after the project's currency changed (the page reloads its info). */
  onChanged: () => Promise<void>;
  onError: (e: unknown) => void;
}

/** The project's currency, and DuckDB's memory limit and spill folder (app-wide settings). */
export function ProjectSettings({ lang, info, onChanged, onError }: Props) {
  const [storage, setStorage] = useState<Pick<Settings, 'memoryLimitMb' | 'spillFolder'> | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    workbench.settings.get({}).then((s) => setStorage({ memoryLimitMb: s.memoryLimitMb, spillFolder: s.spillFolder }), onError);
  }, [onError]);
  const currencies = currencyChoices(info.currency);
  const setCurrency = async (currency: string) => {
    try {
      await workbench.project.setCurrency({ project: info.project, currency });
      await onChanged();
    } catch (e) {
      onError(e);
    }
  };
  const saveStorage = async () => {
    if (!storage) return;
    try {
      const s = await workbench.settings.setStorage(storage);
      setStorage({ memoryLimitMb: s.memoryLimitMb, spillFolder: s.spillFolder });
      setSaved(true);
    } catch (e) {
      onError(e);
    }
  };
  const spillKind = !storage ? 'project' : ['project', 'system'].includes(storage.spillFolder) ? storage.spillFolder : 'folder';
  return (
    <div className="card" data-testid="project-settings">
      <h3>{t('settings.title', lang)}</h3>
      <div className="row">
        <label>
          {t('wizard.currency', lang)}
          <select value={info.currency} onChange={(e) => void setCurrency(e.target.value)} data-testid="project-currency">
            {currencies.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </label>
      </div>
      {storage && (
        <div className="row">
          <label>
            {t('settings.memory', lang)}
            <input
              type="number"
              min={32}
              step={32}
              value={storage.memoryLimitMb}
              style={{ width: 80 }}
              data-testid="memory-limit"
              onChange={(e) => {
                setSaved(false);
                setStorage({ ...storage, memoryLimitMb: Number(e.target.value) });
              }}
            />{' '}
            MiB
          </label>
          <label>
            {t('settings.spill', lang)}
            <select
              value={spillKind}
              onChange={(e) => {
                setSaved(false);
                setStorage({ ...storage, spillFolder: e.target.value === 'folder' ? '' : e.target.value });
              }}
            >
              <option value="project">{t('settings.spill.project', lang)}</option>
              <option value="system">{t('settings.spill.system', lang)}</option>
              <option value="folder">{t('settings.spill.folder', lang)}</option>
            </select>
          </label>
          {spillKind === 'folder' && (
            <input value={storage.spillFolder} size={40} onChange={(e) => setStorage({ ...storage, spillFolder: e.target.value })} placeholder="/path/to/folder" />
          )}
          <button disabled={!storage.spillFolder} onClick={() => void saveStorage()} data-testid="save-storage">
            {t('settings.save', lang)}
          </button>
          {saved && <span className="saved" data-testid="storage-saved">{t('rejects.exported', lang)}</span>}
        </div>
      )}
      <p className="reason">{t('settings.memoryHelp', lang)}</p>
    </div>
  );
}
