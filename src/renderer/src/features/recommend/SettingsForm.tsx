import { chainLabel, recommendModelLabel } from '../../../../shared/charts';
import { RECOMMEND_MODELS, type RecommendModelName } from '../../../../shared/recommend';
import { formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';
import type { Clustering } from './parts';
import { isClusterChoice, isPerChain, NEGATIVE_CHOICES, OWN_CHAIN, PER_CHAIN, PER_CLUSTER, RETAIL_CHAINS, wholeIn, type RecommendSettings } from './settings';

interface Props {
  value: RecommendSettings;
  onChange: (s: RecommendSettings) => void;
  /** The latest clustering, whose clusters the customers choice offers (null: none yet). */
  clustering: Clustering | null;
  lang: Lang;
}

/**
 * Which models, the evaluation (N, cut-off), the data (chain; all customers, one cluster or a model
 * per cluster), the lists (K, rules) and the seed. A cluster choice and a per-chain mode exclude
 * each other, as the service does.
 */
export function SettingsForm({ value: s, onChange, clustering, lang }: Props) {
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
          {s.models.includes('neumf') && (
            <>
              <label title={t('recommend.pretrainHint', lang)}>
                {t('recommend.pretrain', lang)}{' '}
                <input type="number" min={0} max={50} value={s.pretrainEpochs} onChange={(e) => set({ pretrainEpochs: wholeIn(e.target.value, 0, 50) })} style={{ width: 60 }} data-testid="recommend-pretrain" />
              </label>
              <label title={t('recommend.sideFeaturesHint', lang)}>
                <input type="checkbox" checked={s.sideFeatures} onChange={(e) => set({ sideFeatures: e.target.checked })} data-testid="recommend-side-features" /> {t('recommend.sideFeatures', lang)}
              </label>
            </>
          )}
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
            <option value={PER_CHAIN} disabled={isClusterChoice(s.customers)}>
              {t('recommend.chainPerChain', lang)}
            </option>
            <option value={OWN_CHAIN} disabled={isClusterChoice(s.customers)}>
              {t('recommend.chainOwn', lang)}
            </option>
            {RETAIL_CHAINS.map((c) => (
              <option key={c} value={c}>
                {chainLabel(c, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recommend.customers', lang)}{' '}
          <select value={s.customers} onChange={(e) => set({ customers: e.target.value })} data-testid="recommend-customers">
            <option value="">{t('recommend.customersAll', lang)}</option>
            <option value={PER_CLUSTER} disabled={!clustering || isPerChain(s.chain)}>
              {t('recommend.customersPerCluster', lang)}
            </option>
            {clustering?.clusters.map((c) => (
              <option key={c.id} value={String(c.id)} disabled={isPerChain(s.chain)}>
                {fill(t('recommend.customersCluster', lang), { name: c.name, customers: formatNumber(c.customers, lang) })}
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
      <p className="note" data-testid="recommend-customers-note" data-clustering={clustering?.runId ?? ''}>
        {clustering
          ? fill(t('recommend.customersClustering', lang), { startedAt: clustering.startedAt.replace('T', ' '), k: clustering.clusters.length })
          : t('recommend.customersNoClustering', lang)}
      </p>
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
