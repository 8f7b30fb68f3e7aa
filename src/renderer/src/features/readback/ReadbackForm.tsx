import type { RunInfo } from '../../../../shared/runs';
import { formatNumber } from '../../format';
import { t, type Lang } from '../../i18n';
import { wholeIn, type ReadbackSettings } from './settings';

interface Props {
  value: ReadbackSettings;
  onChange: (s: ReadbackSettings) => void;
  /** The project's past exports (runs of kind 'export'), newest first. */
  exports: RunInfo[];
  lang: Lang;
}

/** What an export run records (the part this form reads). */
type ExportRecord = { path?: string; rows?: number; createdAt?: string };

/** The list (a past export, or a path typed in: browser mode has no file dialog), the contact file's path, the window and the seed. */
export function ReadbackForm({ value: s, onChange, exports, lang }: Props) {
  const set = (patch: Partial<ReadbackSettings>) => onChange({ ...s, ...patch });
  const listed = exports.map((r) => ({ run: r, m: r.metrics as ExportRecord | null })).filter((e): e is { run: RunInfo; m: ExportRecord & { path: string } } => typeof e.m?.path === 'string');
  return (
    <>
      <p className="note">{t('readback.intro', lang)}</p>
      <div className="row">
        <label>
          {t('readback.list', lang)}{' '}
          <select value={s.listChoice} onChange={(e) => set({ listChoice: e.target.value })} data-testid="readback-list">
            <option value="">{t('readback.listTyped', lang)}</option>
            {listed.map(({ run, m }) => (
              <option key={run.runId} value={m.path} data-run={run.runId}>
                {`${(m.createdAt ?? run.startedAt).replace('T', ' ').slice(0, 16)} · ${m.path}${typeof m.rows === 'number' ? ` (${formatNumber(m.rows, lang)})` : ''}`}
              </option>
            ))}
          </select>
        </label>
        {s.listChoice === '' && (
          <label style={{ flex: '1 1 360px', display: 'flex', gap: 6, alignItems: 'center' }}>
            {t('readback.listPath', lang)}
            <input type="text" value={s.listTyped} onChange={(e) => set({ listTyped: e.target.value })} style={{ flex: 1, minWidth: 240 }} data-testid="readback-list-path" />
          </label>
        )}
      </div>
      <div className="row">
        <label style={{ flex: '1 1 420px', display: 'flex', gap: 6, alignItems: 'center' }}>
          {t('readback.contacts', lang)}
          <input type="text" value={s.contacts} onChange={(e) => set({ contacts: e.target.value })} style={{ flex: 1, minWidth: 280 }} data-testid="readback-contacts" />
        </label>
      </div>
      <div className="row">
        <label>
          {t('readback.window', lang)}{' '}
          <input type="number" min={1} max={365} value={s.window} onChange={(e) => set({ window: wholeIn(e.target.value, 1, 365) })} style={{ width: 70 }} data-testid="readback-window" />
        </label>
        <label>
          {t('readback.seed', lang)}{' '}
          <input type="number" min={0} value={s.seed} onChange={(e) => set({ seed: wholeIn(e.target.value, 0, 2 ** 31 - 1) })} style={{ width: 90 }} data-testid="readback-seed" />
        </label>
      </div>
    </>
  );
}
