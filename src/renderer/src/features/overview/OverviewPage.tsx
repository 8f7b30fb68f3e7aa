import { useMemo, useState } from 'react';
import type { CustomerFilter, Overview, OverviewFacets, OverviewFilterIn } from '../../../../shared/analytics';
import { CustomerFilterPicker } from '../../components/CustomerFilterPicker';
import { workbench } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import {
  buildAffiliateUsageChart,
  buildChainStackedChart,
  buildChannelSplitChart,
  buildMonthlyBuyersChart,
  buildMonthlyRevenueChart,
  buildReceiptValueChart,
  buildReceiptsHistogram,
  chainLabel,
} from '../../../../shared/charts';
import { Chart } from '../../components/Chart';
import { formatDate, formatNumber } from '../../format';
import { DemographicsCard } from './DemographicsCard';
import { KpiCards } from './KpiCards';
import { t, type Lang } from '../../i18n';

interface Props {
  lang: Lang;
  project: string | null;
  onError: (e: unknown) => void;
}

/** Monthly trends of the project's purchases, filterable by chain, channel and dates. */
export function OverviewPage({ lang, project, onError }: Props) {
  // Chains the analyst unticked (the project's own chains come with the first answer).
  const [excluded, setExcluded] = useState<string[]>([]);
  const [facets, setFacets] = useState<OverviewFacets | null>(null);
  const [channel, setChannel] = useState<'all' | 'offline' | 'online'>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [measure, setMeasure] = useState<'lines' | 'receipts' | 'revenue'>('receipts');
  const [asShare, setAsShare] = useState(false);
  const [customers, setCustomers] = useState<CustomerFilter | undefined>(undefined);
  const filter: OverviewFilterIn = {
    customers,
    chains: excluded.length && facets ? facets.chains.map((c) => c.chain).filter((c) => !excluded.includes(c)) : undefined,
    channel,
    from: from || undefined,
    to: to || undefined,
  };
  // Filters that change fast (clicks, typed dates) make one call after a short pause, and an
  // older answer never replaces the answer to the newest filter.
  const { data = null, loading, error } = useQuery(
    project ? { project, ...filter } : null,
    async (args): Promise<Overview> => {
      const result = await workbench.analytics.overview(args);
      setFacets(result.facets);
      return result;
    },
    { debounceMs: 150, onError },
  );

  const charts = useMemo(() => {
    if (!data) return null;
    // Months the shown dates cover only in part are marked on the monthly charts.
    const coverage = data.kpis.window;
    // Revenue needs amounts; without them the charts count receipts.
    const shown = measure === 'revenue' && data.amounts === 'none' ? 'receipts' : measure;
    return {
      buyers: buildMonthlyBuyersChart(data.monthlyBuyers, lang, coverage),
      revenue: buildMonthlyRevenueChart(data.monthlyRevenue, lang, data.currency, coverage),
      receiptValue: buildReceiptValueChart(data.receiptValue, lang, data.currency, coverage),
      histogram: buildReceiptsHistogram(data.receiptsPerCustomer, lang),
      chains: buildChainStackedChart(data.chainMonthly, { measure: shown, asShare, currency: data.currency }, lang, coverage),
      channel: buildChannelSplitChart(data.channelMonthly, { measure: shown, asShare, currency: data.currency }, lang, coverage),
      affiliates: buildAffiliateUsageChart(data.affiliateMonthly, lang, coverage),
    };
  }, [data, lang, measure, asShare]);
  const period = data?.kpis.window ? `${formatDate(data.kpis.window.from, lang)} ~ ${formatDate(data.kpis.window.to, lang)}` : undefined;

  if (!project) return <p>{t('project.none', lang)}</p>;
  const chainList = facets?.chains.map((c) => c.chain) ?? [];
  const ticked = chainList.filter((c) => !excluded.includes(c));
  // Unticking the last ticked chain would empty every chart: that box is disabled instead.
  const toggle = (c: string) => setExcluded(excluded.includes(c) ? excluded.filter((x) => x !== c) : [...excluded, c]);
  const channels = facets?.channels ?? [];
  return (
    <section className="page" data-testid="overview-page" data-loading={loading}>
      <h2>{t('nav.overview', lang)}</h2>
      <div className="card row">
        {chainList.length > 1 &&
          chainList.map((c) => {
            const last = ticked.length === 1 && ticked[0] === c;
            return (
              <label key={c} title={last ? t('overview.lastChain', lang) : undefined} data-testid={`overview-chain-${c}`}>
                <input type="checkbox" checked={!excluded.includes(c)} disabled={last} onChange={() => toggle(c)} />{' '}
                {chainLabel(c, lang)}
              </label>
            );
          })}
        {channels.length > 1 && (
          <select value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)} data-testid="overview-channel">
            <option value="all">{t('overview.allChannels', lang)}</option>
            <option value="offline">{t('overview.offline', lang)}</option>
            <option value="online">{t('overview.online', lang)}</option>
          </select>
        )}
        <label>
          {t('overview.from', lang)} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('overview.to', lang)} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <select value={measure} onChange={(e) => setMeasure(e.target.value as typeof measure)}>
          <option value="lines">{t('overview.byLines', lang)}</option>
          <option value="receipts">{t('overview.byReceipts', lang)}</option>
          {data?.amounts !== 'none' && <option value="revenue">{t('overview.byRevenue', lang)}</option>}
        </select>
        <label>
          <input type="checkbox" checked={asShare} onChange={(e) => setAsShare(e.target.checked)} /> {t('overview.asShare', lang)}
        </label>
        <CustomerFilterPicker lang={lang} project={project} value={customers} onChange={setCustomers} onError={onError} />
      </div>
      {loading && <p className="busy-note" data-testid="overview-busy">{t('busy.updating', lang)}</p>}
      {data && charts && (
        <div className={`results${error ? ' stale' : ''}`} data-stale={error ? 'true' : 'false'}>
          {error !== null && error !== undefined && <p className="warning" data-testid="overview-stale">{t('busy.stale', lang)}</p>}
          <p data-testid="overview-summary">
            {t('overview.oneTimeBuyers', lang)}: {formatNumber(data.receiptsPerCustomer.oneTimeBuyers, lang)}
            {t('unit.people', lang)} / {formatNumber(data.receiptsPerCustomer.customers, lang)}
            {t('unit.people', lang)}
          </p>
          {data.amounts === 'some' && <p className="note">{t('overview.someAmounts', lang)}</p>}
          <KpiCards kpis={data.kpis} currency={data.currency} lang={lang} />
          <DemographicsCard breakdowns={data.demographics} currency={data.currency} lang={lang} />
          <div className="chart-grid">
            <Chart period={period} option={charts.buyers} lang={lang} name="monthly-buyers" testId="chart-buyers" />
            {data.amounts === 'none' ? (
              <p className="card note" data-testid="overview-no-amounts">{t('overview.noAmounts', lang)}</p>
            ) : (
              <>
                <Chart period={period} option={charts.revenue} lang={lang} name="monthly-revenue" testId="chart-revenue" />
                <Chart period={period} option={charts.receiptValue} lang={lang} name="avg-per-receipt" />
              </>
            )}
            <Chart period={period} option={charts.histogram} lang={lang} name="receipts-per-customer" />
            <Chart period={period} option={charts.chains} lang={lang} name="chains" />
            <Chart period={period} option={charts.channel} lang={lang} name="channels" />
            <Chart period={period} option={charts.affiliates} lang={lang} name="affiliates" />
          </div>
        </div>
      )}
    </section>
  );
}
