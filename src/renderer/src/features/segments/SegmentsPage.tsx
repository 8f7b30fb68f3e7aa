import { useEffect, useMemo, useRef, useState } from 'react';
import { tierNames, transitionStates, type SegmentProfile, type SegmentSummary } from '../../../../shared/analytics';
import { workbench } from '../../api/client';
import {
  buildChurnOriginChart,
  buildKlContributionChart,
  buildLpayEcdfChart,
  buildTransitionHeatmap,
  buildTransitionSankey,
} from '../../charts';
import { Chart } from '../../components/Chart';
import { formatNumber } from '../../format';
import { t, type Lang } from '../../i18n';
import { TransitionTable } from './TransitionTable';

interface Props {
  lang: Lang;
  project: string | null;
  onError: (e: unknown) => void;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** RFM tiers over two periods, the transition matrix, where churners came from, and segment profiles. */
export function SegmentsPage({ lang, project, onError }: Props) {
  const [weights, setWeights] = useState<[number, number, number]>([0.3, 0.2, 0.5]);
  const [bins, setBins] = useState(5);
  const [shares, setShares] = useState('20,20,20');
  const [summary, setSummary] = useState<SegmentSummary | null>(null);
  const [measure, setMeasure] = useState<'customers' | 'revenueSecond'>('customers');
  const [selected, setSelected] = useState<{ from: number; to: number } | null>(null);
  const [profile, setProfile] = useState<SegmentProfile | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const request = useRef(0);

  // Recompute (debounced) whenever the spec changes; a stale answer never overwrites a newer one.
  useEffect(() => {
    if (!project) return;
    const parsedShares = shares.split(',').map((s) => Number(s.trim())).filter((n) => Number.isFinite(n) && n > 0);
    const id = ++request.current;
    const timer = setTimeout(() => {
      workbench.segments.compute({ project, weights, bins, shares: parsedShares }).then((s) => {
        if (id === request.current) setSummary(s);
      }, onError);
    }, 250);
    return () => clearTimeout(timer);
  }, [project, weights, bins, shares, onError]);

  useEffect(() => {
    if (!project || !selected || !summary) return setProfile(null);
    workbench.segments
      .profile({ project, selector: { kind: 'transition', from: selected.from, to: selected.to } })
      .then(setProfile, onError);
  }, [project, selected, summary, onError]);

  const names = useMemo(() => (summary ? tierNames(summary.spec.tierNames, summary.tierCount, lang) : []), [summary, lang]);
  const states = useMemo(() => transitionStates(names, lang), [names, lang]);
  const charts = useMemo(() => {
    if (!summary) return null;
    return {
      heatmap: buildTransitionHeatmap(summary.transitions, names, measure, lang),
      sankey: buildTransitionSankey(summary.transitions, names, lang),
      churn: buildChurnOriginChart(summary.churnOrigin, names, lang),
    };
  }, [summary, names, measure, lang]);

  if (!project) return <p>{t('project.none', lang)}</p>;
  const exportCsv = async () => {
    try {
      setSaved((await workbench.segments.exportCsv({ project, lang })).path);
    } catch (e) {
      onError(e);
    }
  };
  const setWeight = (i: number, v: string) => {
    const next = [...weights] as [number, number, number];
    next[i] = Number(v);
    setWeights(next);
  };
  const selectedName = selected ? `${states.from[selected.from]} → ${states.to[selected.to]}` : '';
  return (
    <section className="page" data-testid="segments-page">
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
          <input value={shares} onChange={(e) => setShares(e.target.value)} size={10} />
        </label>
        <button onClick={() => void exportCsv()}>{t('segments.export', lang)}</button>
        {saved && <span className="saved">{t('rejects.exported', lang)}: {saved}</span>}
      </div>
      {summary && charts && (
        <>
          <div className="card">
            <h3>{t('segments.periods', lang)}</h3>
            <p>
              {summary.periods.map((p, i) => (
                <span key={i} style={{ marginRight: 16 }}>
                  {t(i === 0 ? 'segments.firstPeriod' : 'segments.secondPeriod', lang)}: {p.window.from} – {p.window.to} (
                  {formatNumber(p.customers, lang)}
                  {t('unit.people', lang)})
                </span>
              ))}
            </p>
            <table className="grid" data-testid="tier-counts">
              <thead>
                <tr>
                  <th />
                  {names.map((n) => <th key={n}>{n}</th>)}
                </tr>
              </thead>
              <tbody>
                {summary.periods.map((p, i) => (
                  <tr key={i}>
                    <th>{t(i === 0 ? 'segments.firstPeriod' : 'segments.secondPeriod', lang)}</th>
                    {p.tiers.map((tier) => <td key={tier.tier} className="num">{formatNumber(tier.customers, lang)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
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
            <TransitionTable cells={summary.transitions} from={states.from} to={states.to} measure={measure} lang={lang} selected={selected} onSelect={setSelected} />
            <p data-testid="churn-origin">
              {t('segments.churnOrigin', lang)}:{' '}
              {summary.churnOrigin.map((o) => `${names[o.tier] ?? states.from[o.tier]} ${pct(o.share)}`).join(' · ')}
            </p>
          </div>
          <div className="chart-grid">
            <Chart option={charts.heatmap} lang={lang} name="transition-heatmap" testId="chart-heatmap" />
            <Chart option={charts.sankey} lang={lang} name="transition-sankey" height={420} />
            <Chart option={charts.churn} lang={lang} name="churn-origin" />
          </div>
          {profile && (
            <div className="card" data-testid="profile">
              <h3>
                {t('segments.profile', lang)}: {selectedName} ({formatNumber(profile.customers, lang)}
                {t('unit.people', lang)})
              </h3>
              <div className="chart-grid">
                <Chart option={buildKlContributionChart(profile.chainChannel, `${selectedName} · ${t('segments.chainChannel', lang)}`, lang)} lang={lang} name="kl-chain-channel" />
                <Chart option={buildKlContributionChart(profile.affiliates, `${selectedName} · ${t('segments.affiliates', lang)}`, lang)} lang={lang} name="kl-affiliates" />
                <Chart option={buildLpayEcdfChart(profile.lpay, selectedName, lang)} lang={lang} name="lpay-ecdf" />
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
