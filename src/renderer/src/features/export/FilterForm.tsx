import { tierNames, transitionStates, type CustomerAttributeInfo, type SegmentSummary } from '../../../../shared/analytics';
import { chainLabel, clusterName, modelLabel } from '../../../../shared/charts';
import type { ClusterRunReport } from '../../../../shared/clusters';
import type { ExportSources } from '../../../../shared/export';
import type { ChurnModelName } from '../../../../shared/models';
import { formatDate, formatNumber } from '../../format';
import { CHAIN_NAMES, fill, t, type Lang } from '../../i18n';
import { toggled, type ListSettings } from './settings';

/** The retail chains a list can be restricted to (A01…A06). */
const RETAIL_CHAINS = Object.keys(CHAIN_NAMES).filter((c) => /^A\d\d$/.test(c));

interface Props {
  value: ListSettings;
  onChange: (s: ListSettings) => void;
  /** The saved segments (their tier names and transition counts). */
  summary: SegmentSummary;
  attributes: CustomerAttributeInfo[];
  /** The latest clustering, where there is one. */
  clusters: ClusterRunReport | null;
  /** The churn scoring the list uses; null: the project has none (the risk filter is off). */
  churn: ExportSources['churn'] | undefined;
  lang: Lang;
}

/**
 * Who is on the list: the latest period's tier (the saved segments' names, 비활동 last), transitions
 * period 1 → 2, churn risk (a minimum or the N riskiest: the contact budget), chain and channel,
 * gender and age band, and clusters where a clustering exists.
 */
export function FilterForm({ value: s, onChange, summary, attributes, clusters, churn, lang }: Props) {
  const set = (patch: Partial<ListSettings>) => onChange({ ...s, ...patch });
  const k = summary.tierCount;
  const names = tierNames(summary.spec.tierNames, k, lang);
  const states = transitionStates(names, lang);
  const tierIds = Array.from({ length: k + 1 }, (_, i) => i);
  const cells = summary.transitions.filter((c) => c.customers > 0);
  const cellIds = cells.map((c) => [c.from, c.to] as [number, number]);
  const sameCell = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];
  const values = (field: 'gender' | 'ageBand') => attributes.find((a) => a.field === field)?.values ?? [];
  const genders = values('gender');
  const ageBands = values('ageBand');
  const hasRisk = churn !== null;
  return (
    <>
      <div className="row" data-testid="export-tiers">
        <span>{t('export.tiers', lang)}:</span>
        {tierIds.map((i) => (
          <label key={i}>
            <input type="checkbox" checked={s.tiers.includes(i)} onChange={() => set({ tiers: toggled(tierIds, s.tiers, i) })} data-testid={`export-tier-${i}`} /> {states.to[i]}
          </label>
        ))}
      </div>
      <details data-testid="export-transitions">
        <summary>
          {t('export.transitions', lang)}
          {s.transitions.length ? ` — ${fill(t('export.transitionsPicked', lang), { n: s.transitions.length })}` : ''}
        </summary>
        <div className="row">
          {cells.map((c) => {
            const id: [number, number] = [c.from, c.to];
            return (
              <label key={`${c.from}-${c.to}`}>
                <input
                  type="checkbox"
                  checked={s.transitions.some((x) => sameCell(x, id))}
                  onChange={() => set({ transitions: toggled(cellIds, s.transitions, id, sameCell) })}
                  data-testid={`export-transition-${c.from}-${c.to}`}
                />{' '}
                {states.from[c.from]}→{states.to[c.to]} ({formatNumber(c.customers, lang)})
              </label>
            );
          })}
        </div>
      </details>
      <div className="row" data-testid="export-risk">
        <span>{t('export.risk', lang)}:</span>
        <label>
          <input type="radio" name="export-risk" checked={s.risk === 'any' || !hasRisk} onChange={() => set({ risk: 'any' })} data-testid="export-risk-any" /> {t('export.riskAll', lang)}
        </label>
        <label>
          <input type="radio" name="export-risk" checked={hasRisk && s.risk === 'min'} disabled={!hasRisk} onChange={() => set({ risk: 'min' })} data-testid="export-risk-min" />{' '}
          {t('export.riskMin', lang)}{' '}
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            value={s.minRiskPercent}
            disabled={!hasRisk || s.risk !== 'min'}
            onChange={(e) => set({ minRiskPercent: Math.min(100, Math.max(0, Number(e.target.value) || 0)) })}
            style={{ width: 60 }}
            data-testid="export-min-risk"
          />
          %
        </label>
        <label>
          <input type="radio" name="export-risk" checked={hasRisk && s.risk === 'top'} disabled={!hasRisk} onChange={() => set({ risk: 'top' })} data-testid="export-risk-top" />{' '}
          {t('export.riskTop', lang)}{' '}
          <input
            type="number"
            min={1}
            value={s.topN}
            disabled={!hasRisk || s.risk !== 'top'}
            onChange={(e) => set({ topN: Math.max(1, Math.trunc(Number(e.target.value) || 1)) })}
            style={{ width: 80 }}
            data-testid="export-top-n"
          />
        </label>
      </div>
      <p className="note" data-testid="export-risk-source">
        {churn
          ? fill(t('export.riskSource', lang), {
              model: modelLabel(churn.model as ChurnModelName, lang),
              run: churn.runId,
              from: formatDate(churn.window.from, lang),
              to: formatDate(churn.window.to, lang),
            })
          : churn === null
            ? t('export.noRisk', lang)
            : ''}
      </p>
      <div className="row">
        <label>
          {t('export.chain', lang)}{' '}
          <select value={s.chain} onChange={(e) => set({ chain: e.target.value })} data-testid="export-chain">
            <option value="">{t('export.chainAll', lang)}</option>
            {RETAIL_CHAINS.map((c) => (
              <option key={c} value={c}>
                {chainLabel(c, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('export.channel', lang)}{' '}
          <select value={s.channel} onChange={(e) => set({ channel: e.target.value as ListSettings['channel'] })} data-testid="export-channel">
            <option value="">{t('export.channelAll', lang)}</option>
            <option value="online">{t('export.channelOnline', lang)}</option>
            <option value="offline">{t('export.channelOffline', lang)}</option>
          </select>
        </label>
        <span className="note">{t('export.chainHelp', lang)}</span>
      </div>
      {genders.length > 0 && (
        <div className="row" data-testid="export-genders">
          <span>{t('export.gender', lang)}:</span>
          {genders.map((g) => (
            <label key={g.value}>
              <input
                type="checkbox"
                checked={s.genders.includes(g.value)}
                onChange={() => set({ genders: toggled(genders.map((x) => x.value), s.genders, g.value) })}
                data-testid={`export-gender-${g.value}`}
              />{' '}
              {g.value} ({formatNumber(g.customers, lang)})
            </label>
          ))}
        </div>
      )}
      {ageBands.length > 0 && (
        <div className="row" data-testid="export-age-bands">
          <span>{t('export.ageBand', lang)}:</span>
          {[...ageBands]
            .sort((a, b) => a.value.localeCompare(b.value, 'ko'))
            .map((a) => (
              <label key={a.value}>
                <input
                  type="checkbox"
                  checked={s.ageBands.includes(a.value)}
                  onChange={() => set({ ageBands: toggled(ageBands.map((x) => x.value), s.ageBands, a.value) })}
                  data-testid={`export-age-${a.value}`}
                />{' '}
                {a.value} ({formatNumber(a.customers, lang)})
              </label>
            ))}
        </div>
      )}
      {clusters && clusters.profiles.length > 0 && (
        <div className="row" data-testid="export-clusters">
          <span>{t('export.clusters', lang)}:</span>
          {clusters.profiles.map((p) => (
            <label key={p.cluster}>
              <input
                type="checkbox"
                checked={s.clusters.includes(p.cluster)}
                onChange={() => set({ clusters: toggled(clusters.profiles.map((x) => x.cluster), s.clusters, p.cluster) })}
                data-testid={`export-cluster-${p.cluster}`}
              />{' '}
              {clusterName(clusters.profiles, p.cluster, lang)} ({formatNumber(p.size, lang)})
            </label>
          ))}
        </div>
      )}
    </>
  );
}
