import { useEffect, useMemo, useRef, useState } from 'react';
import {
  MONETARY_BASES,
  tierNames,
  transitionStates,
  type CustomerFilter,
  type MonetaryBasis,
  type SegmentProfile,
  type SegmentSelector,
  type SegmentSummary,
} from '../../../../shared/analytics';
import { CustomerFilterPicker } from '../../components/CustomerFilterPicker';
import { MONETARY_LABELS } from '../../../../shared/i18n';
import { currencyUnit } from '../../../../shared/money';
import { workbench } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { buildChurnOriginChart, buildTransitionHeatmap, buildTransitionSankey } from '../../../../shared/charts';
import { Chart } from '../../components/Chart';
import { formatDate, formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';
import { ExportedFile } from '../../components/ExportedFile';
import { ProfileCard } from './ProfileCard';
import { TierTable, type PeriodKey } from './TierTable';
import { TransitionTable } from './TransitionTable';

interface Props {
  lang: Lang;
  project: string | null;
  onError: (e: unknown) => void;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** What M measures, with the currency where it is money: 구매금액(₩), 구매 건수(…). */
const monetaryLabel = (basis: MonetaryBasis, currency: string, lang: Lang) =>
  fill(MONETARY_LABELS[basis][lang], { currency: currencyUnit(currency, lang) });

/** RFM tiers over two periods, the transition matrix, where churners came from, and segment profiles. */
export function SegmentsPage({ lang, project, onError }: Props) {
  const [weights, setWeights] = useState<[number, number, number]>([0.3, 0.2, 0.5]);
  const [bins, setBins] = useState(5);
  const [shares, setShares] = useState('20,20,20');
  const [names, setNames] = useState('');
  const [asOf, setAsOf] = useState('');
  const [periods, setPeriods] = useState({ p1from: '', p1to: '', p2from: '', p2to: '' });
  const [tierPick, setTierPick] = useState<{ period: PeriodKey; tier: number } | null>(null);
  const [measure, setMeasure] = useState<'customers' | 'revenueSecond'>('customers');
  // '' = the default: the amount where the data has amounts, else the number of lines.
  const [monetary, setMonetary] = useState<MonetaryBasis | ''>('');
  const [customers, setCustomers] = useState<CustomerFilter | undefined>(undefined);
  const [selected, setSelected] = useState<{ from: number; to: number } | null>(null);
  const [saved, setSaved] = useState<{ path: string; rows: number } | null>(null);
  const [exportScope, setExportScope] = useState<'all' | 'selected'>('all');

  // Recompute (debounced) whenever the spec changes; a stale answer never overwrites a newer one.
  const parsedShares = shares.split(',').map((s) => Number(s.trim())).filter((n) => Number.isFinite(n) && n > 0);
  const parsedNames = names.split(',').map((n) => n.trim()).filter(Boolean);
  const { p1from, p1to, p2from, p2to } = periods;
  const windows: [{ from: string; to: string }, { from: string; to: string }] | undefined =
    p1from && p1to && p2from && p2to ? [{ from: p1from, to: p1to }, { from: p2from, to: p2to }] : undefined;
  const { data: summary = null, loading, error } = useQuery(
    project
      ? {
          project,
          weights,
          bins,
          shares: parsedShares,
          tierNames: parsedNames.length ? parsedNames : undefined,
          asOf: asOf || undefined,
          periods: windows,
          monetary: monetary || undefined,
          customers,
        }
      : null,
    (spec): Promise<SegmentSummary> => workbench.segments.compute(spec),
    { debounceMs: 250, onError },
  );

  // The first answer fills the period inputs with the defaults the service chose (H1/H2 of the data's year).
  useEffect(() => {
    if (!summary || periods.p1from) return;
    const [a, b] = summary.spec.periods;
    setPeriods({ p1from: a.from, p1to: a.to, p2from: b.from, p2to: b.to });
  }, [summary, periods.p1from]);

  // A different number of tiers makes the picked tier or cell meaningless: the selection resets.
  const tierCount = summary?.tierCount ?? null;
  useEffect(() => {
    setTierPick(null);
    setSelected(null);
  }, [tierCount]);
  // The profile of the picked tier or cell, asked again when the segments were recomputed (their spec
  // changed) — and never for a pick the current tiers no longer have (before the reset above lands).
  const valid = (n: number) => tierCount !== null && n <= tierCount;
  const selector: SegmentSelector | null =
    tierPick && valid(tierPick.tier + 1)
      ? { kind: 'tier' as const, period: tierPick.period, tier: tierPick.tier }
      : selected && valid(selected.from) && valid(selected.to)
        ? { kind: 'transition' as const, from: selected.from, to: selected.to }
        : null;
  const { data: profile = null } = useQuery(
    project && summary && selector ? { project, selector, spec: summary.spec } : null,
    (a): Promise<SegmentProfile> => workbench.segments.profile({ project: a.project, selector: a.selector }),
    { onError },
  );
  // A click on a tier or cell brings its profile (far below the matrix) into view once it arrives.
  const profileRef = useRef<HTMLDivElement>(null);
  const selectorKey = JSON.stringify(selector);
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!profile || selectorKey === 'null' || scrolledFor.current === selectorKey) return;
    scrolledFor.current = selectorKey;
    profileRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [profile, selectorKey]);

  const tiers = useMemo(() => (summary ? tierNames(summary.spec.tierNames, summary.tierCount, lang) : []), [summary, lang]);
  // Exported charts say which periods they compare.
  const exportPeriod = summary
    ? summary.spec.periods.map((p, i) => `${t(i === 0 ? 'segments.firstPeriod' : 'segments.secondPeriod', lang)} ${formatDate(p.from, lang)} ~ ${formatDate(p.to, lang)}`).join(' → ')
    : undefined;
  const states = useMemo(() => transitionStates(tiers, lang), [tiers, lang]);
  const charts = useMemo(() => {
    if (!summary) return null;
    return {
      heatmap: buildTransitionHeatmap(summary.transitions, tiers, measure, lang, { basis: summary.spec.monetary ?? 'amount', currency: summary.currency }),
      sankey: buildTransitionSankey(summary.transitions, tiers, lang),
      churn: buildChurnOriginChart(summary.churnOrigin, tiers, lang),
    };
  }, [summary, tiers, measure, lang]);

  if (!project) return <p>{t('project.none', lang)}</p>;
  // All customers, or only the selected tier or transition (the segment the profile describes).
  const exportSelector = exportScope === 'selected' ? selector : undefined;
  const exportCsv = async () => {
    try {
      setSaved(await workbench.segments.exportCsv({ project, lang, ...(exportSelector ? { selector: exportSelector } : {}) }));
    } catch (e) {
      onError(e);
    }
  };
  const setWeight = (i: number, v: string) => {
    const next = [...weights] as [number, number, number];
    next[i] = Number(v);
    setWeights(next);
  };
  const periodName = (p: PeriodKey) =>
    t(p === 'all' ? 'segments.wholeWindow' : p === 'first' ? 'segments.firstPeriod' : 'segments.secondPeriod', lang);
  const selectedName = tierPick
    ? `${tiers[tierPick.tier]} (${periodName(tierPick.period)})`
    : selected
      ? `${states.from[selected.from]} → ${states.to[selected.to]}`
      : '';
  const setPeriod = (key: keyof typeof periods, value: string) => setPeriods({ ...periods, [key]: value });
  return (
    <section className="page" data-testid="segments-page" data-loading={loading}>
      <h2>{t('nav.segments', lang)}</h2>
      <div className="card row">
        {(['R', 'F', 'M'] as const).map((k, i) => (
          <label key={k}>
            {t('segments.weight', lang)} {k}
            <input type="number" step="0.05" min="0" max="1" value={weights[i]} onChange={(e) => setWeight(i, e.target.value)} data-testid={`weight-${k}`} style={{ width: 70 }} />
          </label>
        ))}
        <label>
          {t('segments.bins', lang)}
          <input type="number" min="2" max="10" value={bins} onChange={(e) => setBins(Number(e.target.value))} style={{ width: 50 }} />
        </label>
        <label>
          {t('segments.shares', lang)}
          <input value={shares} onChange={(e) => setShares(e.target.value)} size={10} data-testid="shares" />
        </label>
        <label>
          {t('segments.names', lang)}
          <input value={names} onChange={(e) => setNames(e.target.value)} size={18} placeholder={tiers.join(',')} />
        </label>
        <label>
          {t('segments.asOf', lang)}
          <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <label>
          {t('segments.firstPeriod', lang)}
          <input type="date" value={periods.p1from} onChange={(e) => setPeriod('p1from', e.target.value)} />–
          <input type="date" value={periods.p1to} onChange={(e) => setPeriod('p1to', e.target.value)} />
        </label>
        <label>
          {t('segments.secondPeriod', lang)}
          <input type="date" value={periods.p2from} onChange={(e) => setPeriod('p2from', e.target.value)} />–
          <input type="date" value={periods.p2to} onChange={(e) => setPeriod('p2to', e.target.value)} />
        </label>
        <label>
          {t('segments.monetary', lang)}
          <select value={monetary || (summary?.spec.monetary ?? '')} onChange={(e) => setMonetary(e.target.value as MonetaryBasis)} data-testid="monetary">
            {MONETARY_BASES.map((b) => (
              <option key={b} value={b} disabled={b === 'amount' && summary !== null && summary.amounts !== 'all'}>
                {monetaryLabel(b, summary?.currency ?? 'KRW', lang)}
              </option>
            ))}
          </select>
        </label>
        <CustomerFilterPicker lang={lang} project={project} value={customers} onChange={setCustomers} onError={onError} />
        <label>
          {t('segments.exportScope', lang)}
          <select value={exportScope} onChange={(e) => setExportScope(e.target.value as typeof exportScope)} data-testid="export-scope">
            <option value="all">{t('segments.exportAll', lang)}</option>
            <option value="selected">{selector ? fill(t('segments.exportSelected', lang), { name: selectedName }) : t('segments.exportNoSelection', lang)}</option>
          </select>
        </label>
        <button onClick={() => void exportCsv()} disabled={exportScope === 'selected' && !selector} data-testid="export-csv">
          {t('segments.export', lang)}
        </button>
        {saved && <ExportedFile project={project} written={saved} lang={lang} />}
      </div>
      {loading && <p className="busy-note" data-testid="segments-busy">{t('busy.updating', lang)}</p>}
      {summary && charts && (
        <div className={`results${error ? ' stale' : ''}`} data-stale={error ? 'true' : 'false'}>
          {error !== null && error !== undefined && <p className="warning" data-testid="segments-stale">{t('busy.stale', lang)}</p>}
          <div className="card">
            <h3>{t('segments.periods', lang)}</h3>
            {summary.warnings.map((w) => (
              <p key={w.period} className="warning" role="alert" data-testid="empty-period">
                {fill(t('segments.emptyPeriod', lang), { n: w.period, from: w.window.from, to: w.window.to })}
              </p>
            ))}
            <p data-testid="monetary-basis">
              {fill(t('segments.monetaryIs', lang), { what: monetaryLabel(summary.spec.monetary ?? 'amount', summary.currency, lang) })}
            </p>
            <p>
              {summary.periods.map((p, i) => (
                <span key={i} style={{ marginRight: 16 }}>
                  {t(i === 0 ? 'segments.firstPeriod' : 'segments.secondPeriod', lang)}: {p.window.from} – {p.window.to} (
                  {formatNumber(p.customers, lang)}
                  {t('unit.people', lang)})
                </span>
              ))}
            </p>
            <TierTable
              summary={summary}
              tiers={tiers}
              lang={lang}
              periodName={periodName}
              picked={tierPick}
              onPick={(pick) => {
                setSelected(null);
                setTierPick(pick);
              }}
            />
          </div>
          <div className="card">
            <h3>{t('segments.matrix', lang)}</h3>
            <div className="row">
              <select value={measure} onChange={(e) => setMeasure(e.target.value as typeof measure)}>
                <option value="customers">{t('segments.byCustomers', lang)}</option>
                <option value="revenueSecond">{t('segments.byRevenue', lang)}</option>
              </select>
              <span>{t('segments.clickCell', lang)}</span>
            </div>
            <TransitionTable
              cells={summary.transitions}
              money={{ basis: summary.spec.monetary ?? 'amount', currency: summary.currency }}
              from={states.from}
              to={states.to}
              measure={measure}
              lang={lang}
              selected={selected}
              onSelect={(cell) => {
                setTierPick(null);
                setSelected(cell);
              }}
            />
            <p data-testid="churn-origin">
              {t('segments.churnOrigin', lang)}:{' '}
              {summary.churnOrigin.map((o) => `${tiers[o.tier] ?? states.from[o.tier]} ${pct(o.share)}`).join(' · ')}
            </p>
          </div>
          <div className="chart-grid">
            <Chart period={exportPeriod} option={charts.heatmap} lang={lang} name="transition-heatmap" testId="chart-heatmap" />
            <Chart period={exportPeriod} option={charts.sankey} lang={lang} name="transition-sankey" height={420} />
            <Chart period={exportPeriod} option={charts.churn} lang={lang} name="churn-origin" />
          </div>
          {profile && <ProfileCard profile={profile} name={selectedName} topTier={tiers[0] ?? ''} lang={lang} ref={profileRef} />}
        </div>
      )}
    </section>
  );
}
