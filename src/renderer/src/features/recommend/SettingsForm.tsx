import { chainLabel, recommendModelLabel } from '../../../../shared/charts';
import { RECOMMEND_MODELS, type RecommendModelName } from '../../../../shared/recommend';
import { t, type Lang } from '../../i18n';
import { NEGATIVE_CHOICES, OWN_CHAIN, PER_CHAIN, RETAIL_CHAINS, wholeIn, type RecommendSettings } from './settings';

interface Props {
  value: RecommendSettings;
  onChange: (s: RecommendSettings) => void;
  lang: Lang;
}

/** Which models, the evaluation (N, cut-off), the data (chain), the lists (K, rules) and the seed. */
export function SettingsForm({ value: s, onChange, lang }: Props) {
  const set = (patch: Partial<RecommendSettings>) => onChange({ ...s, ...patch });
  const toggle = (m: RecommendModelName) => set({ models: s.models.includes(m) ? s.models.filter((x) => x !== m) : RECOMMEND_MODELS.filter((x) => x === m || s.models.includes(x)) });
  return (
    <>
      <div className="row">
        <span>{t('recommend.models', lang)}:</span>
        {RECOMMEND_MODELS.map((m) => (
          <label key={m}>
            <input type="checkbox" checked={s.models.includes(m)} onChange={() => toggle(m)} data-testid={`recommend-model-${m}`} /> {recommendModelLabel(m, lang)}
          </label>
        ))}
      </div>
      {(s.models.includes('neumf') || s.models.includes('widedeep')) && (
        <div className="row">
          <label>
            {t('recommend.epochs', lang)}{' '}
            <input type="number" min={1} max={200} value={s.epochs} onChange={(e) => set({ epochs: wholeIn(e.target.value, 1, 200) })} style={{ width: 70 }} data-testid="recommend-epochs" />
          </label>
          <label>
            {t('recommend.factors', lang)}{' '}
            <input type="number" min={2} max={128} value={s.factors} onChange={(e) => set({ factors: wholeIn(e.target.value, 2, 128) })} style={{ width: 70 }} data-testid="recommend-factors" />
          </label>
        </div>
      )}
      <div className="row">
        <label>
          {t('recommend.negatives', lang)}{' '}
          <select value={s.negatives} onChange={(e) => set({ negatives: Number(e.target.value) })} data-testid="recommend-negatives">
            {NEGATIVE_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recommend.cutoff', lang)} <input type="date" value={s.cutoff} onChange={(e) => set({ cutoff: e.target.value })} data-testid="recommend-cutoff" />
        </label>
        <label>
          {t('recommend.chain', lang)}{' '}
          <select value={s.chain} onChange={(e) => set({ chain: e.target.value })} data-testid="recommend-chain">
            <option value="">{t('recommend.chainAll', lang)}</option>
            <option value={PER_CHAIN}>{t('recommend.chainPerChain', lang)}</option>
            <option value={OWN_CHAIN}>{t('recommend.chainOwn', lang)}</option>
            {RETAIL_CHAINS.map((c) => (
              <option key={c} value={c}>
                {chainLabel(c, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recommend.k', lang)} <input type="number" min={1} max={100} value={s.k} onChange={(e) => set({ k: wholeIn(e.target.value, 1, 100) })} style={{ width: 60 }} data-testid="recommend-k" />
        </label>
        <label>
          {t('recommend.seed', lang)}{' '}
          <input type="number" min={0} value={s.seed} onChange={(e) => set({ seed: wholeIn(e.target.value, 0, 2 ** 31 - 1) })} style={{ width: 90 }} data-testid="recommend-seed" />
        </label>
      </div>
      <p className="note">{t('recommend.cutoffHelp', lang)}</p>
      <div className="row">
        <span>{t('recommend.rules', lang)}:</span>
        <label>
          <input type="radio" name="recommend-new-only" checked={s.newOnly} onChange={() => set({ newOnly: true })} data-testid="recommend-new-only" /> {t('recommend.newOnly', lang)}
        </label>
        <label>
          <input type="radio" name="recommend-new-only" checked={!s.newOnly} onChange={() => set({ newOnly: false })} data-testid="recommend-repurchase" /> {t('recommend.allowRepurchase', lang)}
        </label>
        <label>
          {t('recommend.excludeTop', lang)}{' '}
          <input
            type="number"
            min={0}
            max={50}
            step={0.5}
            value={s.excludeTopPercent}
            onChange={(e) => set({ excludeTopPercent: Math.min(50, Math.max(0, Number(e.target.value) || 0)) })}
            style={{ width: 60 }}
            data-testid="recommend-exclude-top"
          />
        </label>
        <label>
          {t('recommend.excludeRecent', lang)}{' '}
          <input type="number" min={0} max={365} value={s.excludeRecentDays} onChange={(e) => set({ excludeRecentDays: wholeIn(e.target.value, 0, 365) })} style={{ width: 60 }} data-testid="recommend-exclude-recent" />
        </label>
        <label>
          {t('recommend.variety', lang)}{' '}
          <input type="number" min={0} max={200} value={s.varietyPool} onChange={(e) => set({ varietyPool: wholeIn(e.target.value, 0, 200) })} style={{ width: 60 }} data-testid="recommend-variety" />
        </label>
      </div>
      <p className="note">{t('recommend.rulesHelp', lang)}</p>
    </>
  );
}
