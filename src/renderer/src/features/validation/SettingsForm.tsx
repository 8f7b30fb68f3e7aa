import { modelLabel, recommendModelLabel } from '../../../../shared/charts';
import { CHURN_MODELS, type ChurnModelName } from '../../../../shared/models';
import { RECOMMEND_MODELS, type RecommendModelName } from '../../../../shared/recommend';
import { formatDate } from '../../format';
import { fill, t, type Lang } from '../../i18n';
import { wholeIn, type ValidationSettings } from './settings';

interface Props {
  value: ValidationSettings;
  onChange: (s: ValidationSettings) => void;
  /** The cut-off the service takes when the field is empty (from the data's dates); null while unknown. */
  defaultCutoff: string | null;
  lang: Lang;
}

/** Kept in the contract's order whatever order they were ticked in. */
function toggled<T extends string>(all: readonly T[], chosen: readonly T[], m: T): T[] {
  return chosen.includes(m) ? chosen.filter((x) => x !== m) : all.filter((x) => x === m || chosen.includes(x));
}

/** The cut-off (its default shown), the recommenders and churn models checked, K and the seed. */
export function SettingsForm({ value: s, onChange, defaultCutoff, lang }: Props) {
  const set = (patch: Partial<ValidationSettings>) => onChange({ ...s, ...patch });
  const networks = s.recommendModels.includes('neumf') || s.recommendModels.includes('widedeep');
  return (
    <>
      <p className="note">{t('validation.intro', lang)}</p>
      <div className="row">
        <label>
          {t('validation.cutoff', lang)}{' '}
          <input type="date" value={s.cutoff} placeholder={defaultCutoff ?? ''} onChange={(e) => set({ cutoff: e.target.value })} data-testid="validation-cutoff" />
        </label>
        <span className="note" data-testid="validation-cutoff-default" data-default={defaultCutoff ?? ''}>
          {defaultCutoff ? fill(t('validation.cutoffDefault', lang), { cutoff: formatDate(defaultCutoff, lang) }) : t('validation.cutoffDefaultUnknown', lang)}
        </span>
      </div>
      <div className="row">
        <span>{t('validation.recommenders', lang)}:</span>
        {RECOMMEND_MODELS.map((m: RecommendModelName) => (
          <label key={m}>
            <input
              type="checkbox"
              checked={s.recommendModels.includes(m)}
              onChange={() => set({ recommendModels: toggled(RECOMMEND_MODELS, s.recommendModels, m) })}
              data-testid={`validation-recommend-${m}`}
            />{' '}
            {recommendModelLabel(m, lang)}
          </label>
        ))}
      </div>
      <p className="note">{t('validation.popularityAlways', lang)}</p>
      {networks && (
        <div className="row">
          <label>
            {t('validation.epochs', lang)}{' '}
            <input type="number" min={1} max={200} value={s.epochs} onChange={(e) => set({ epochs: wholeIn(e.target.value, 1, 200) })} style={{ width: 70 }} data-testid="validation-epochs" />
          </label>
          <label>
            {t('validation.factors', lang)}{' '}
            <input type="number" min={2} max={128} value={s.factors} onChange={(e) => set({ factors: wholeIn(e.target.value, 2, 128) })} style={{ width: 70 }} data-testid="validation-factors" />
          </label>
        </div>
      )}
      <div className="row">
        <span>{t('validation.churnModels', lang)}:</span>
        {CHURN_MODELS.map((m: ChurnModelName) => (
          <label key={m}>
            <input type="checkbox" checked={s.churnModels.includes(m)} onChange={() => set({ churnModels: toggled(CHURN_MODELS, s.churnModels, m) })} data-testid={`validation-churn-${m}`} />{' '}
            {modelLabel(m, lang)}
          </label>
        ))}
      </div>
      <div className="row">
        <label>
          {t('validation.k', lang)} <input type="number" min={1} max={100} value={s.k} onChange={(e) => set({ k: wholeIn(e.target.value, 1, 100) })} style={{ width: 60 }} data-testid="validation-k" />
        </label>
        <label>
          {t('validation.seed', lang)}{' '}
          <input type="number" min={0} value={s.seed} onChange={(e) => set({ seed: wholeIn(e.target.value, 0, 2 ** 31 - 1) })} style={{ width: 90 }} data-testid="validation-seed" />
        </label>
      </div>
    </>
  );
}
