import { recommendModelLabel } from '../../../../shared/charts';
import { EXPORT_COLUMN_GROUPS } from '../../../../shared/export';
import type { RecommendModelName } from '../../../../shared/recommend';
import { t, type Lang, type StringKey } from '../../i18n';
import { toggled, type ListSettings } from './settings';

interface Props {
  value: ListSettings;
  onChange: (s: ListSettings) => void;
  /** The models of the latest recommendation run (its best first offered as the default). */
  models: RecommendModelName[];
  /** Whether the project has a clustering (the cluster columns are empty without one). */
  hasClusters: boolean;
  lang: Lang;
}

/** What the list holds: the column groups, the recommendations (K, model), the control share and seed, the language. */
export function ContentsForm({ value: s, onChange, models, hasClusters, lang }: Props) {
  const set = (patch: Partial<ListSettings>) => onChange({ ...s, ...patch });
  const groups = EXPORT_COLUMN_GROUPS.filter((g) => g !== 'cluster' || hasClusters);
  return (
    <>
      <div className="row" data-testid="export-columns">
        <span>{t('export.columns', lang)}:</span>
        {groups.map((g) => (
          <label key={g}>
            <input type="checkbox" checked={s.columns.includes(g)} onChange={() => set({ columns: toggled(EXPORT_COLUMN_GROUPS, s.columns, g) })} data-testid={`export-col-${g}`} />{' '}
            {t(`export.col.${g}` as StringKey, lang)}
          </label>
        ))}
      </div>
      {s.columns.includes('recommendations') && (
        <div className="row">
          <label>
            {t('export.recommendK', lang)}{' '}
            <input
              type="number"
              min={1}
              max={20}
              value={s.recommendK}
              onChange={(e) => set({ recommendK: Math.min(20, Math.max(1, Math.trunc(Number(e.target.value) || 1))) })}
              style={{ width: 60 }}
              data-testid="export-recommend-k"
            />
          </label>
          <label>
            {t('export.recommendModel', lang)}{' '}
            <select value={s.recommendModel} onChange={(e) => set({ recommendModel: e.target.value as ListSettings['recommendModel'] })} data-testid="export-recommend-model">
              <option value="">{t('export.recommendBest', lang)}</option>
              {models.map((m) => (
                <option key={m} value={m}>
                  {recommendModelLabel(m, lang)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="row">
        <label>
          {t('export.controlShare', lang)}{' '}
          <input
            type="number"
            min={0}
            max={90}
            step={1}
            value={s.controlPercent}
            onChange={(e) => set({ controlPercent: Math.min(90, Math.max(0, Number(e.target.value) || 0)) })}
            style={{ width: 60 }}
            data-testid="export-control"
          />
        </label>
        <label>
          {t('export.seed', lang)}{' '}
          <input
            type="number"
            min={0}
            value={s.seed}
            onChange={(e) => set({ seed: Math.min(2 ** 31 - 1, Math.max(0, Math.trunc(Number(e.target.value) || 0))) })}
            style={{ width: 90 }}
            data-testid="export-seed"
          />
        </label>
        <label>
          {t('export.lang', lang)}{' '}
          <select value={s.lang} onChange={(e) => set({ lang: e.target.value as 'ko' | 'en' })} data-testid="export-lang">
            <option value="ko">{t('export.lang.ko', lang)}</option>
            <option value="en">{t('export.lang.en', lang)}</option>
          </select>
        </label>
      </div>
    </>
  );
}
