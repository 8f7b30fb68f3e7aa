import { useMemo, useState } from 'react';
import { CHAINS, type Chain, type CustomerFilter, type Overview, type OverviewFilterIn } from '../../../../shared/analytics';
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
import { formatNumber } from '../../format';
import { t, type Lang } from '../../i18n';

interface Props {
  lang: Lang;
  project: string | null;
  onError: (e: unknown) => void;
}

/** Monthly trends of the project's purchases, filterable by chain, channel and dates. */
export function OverviewPage({ lang, project, onError }: Props) {
  const [chains, setChains] = useState<Chain[]>([...CHAINS]);
  const [channel, setChannel] = useState<'all' | 'offline' | 'online'>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [measure, setMeasure] = useState<'lines' | 'receipts'>('lines');
  const [asShare, setAsShare] = useState(false);
  const [customers, setCustomers] = useState<CustomerFilter | undefined>(undefined);
  const filter: OverviewFilterIn = {
    customers,
    chains: chains.length === CHAINS.length ? undefined : chains,
    channel,
    from: from || undefined,
    to: to || undefined,
  };
  // Filters that change fast (clicks, typed dates) make one call after a short pause, and an
  // older answer never replaces the answer to the newest filter.
  const { data = null, loading } = useQuery(
    project && chains.length > 0 ? { project, ...filter } : null,
    (args): Promise<Overview> => workbench.analytics.overview(args),
    { debounceMs: 150, onError },
  );

  const charts = useMemo(() => {
    if (!data) return null;
    return {
      buyers: buildMonthlyBuyersChart(data.monthlyBuyers, lang),
      revenue: buildMonthlyRevenueChart(data.monthlyRevenue, lang, data.currency),
      receiptValue: buildReceiptValueChart(data.receiptValue, lang, data.currency),
      histogram: buildReceiptsHistogram(data.receiptsPerCustomer, lang),
      chains: buildChainStackedChart(data.chainMonthly, { measure, asShare }, lang),
      channel: buildChannelSplitChart(data.channelMonthly, { measure, asShare }, lang),
      affiliates: buildAffiliateUsageChart(data.affiliateMonthly, lang),
    };
  }, [data, lang, measure, asShare]);

  if (!project) return <p>{t('project.none', lang)}</p>;
  const toggle = (c: Chain) => setChains(chains.includes(c) ? chains.filter((x) => x !== c) : [...chains, c]);
  return (
    <section className="page" data-testid="overview-page" data-loading={loading}>
      <h2>{t('nav.overview', lang)}</h2>
      <div className="card row">
        {CHAINS.map((c) => (
          <label key={c}>
            <input type="checkbox" checked={chains.includes(c)} onChange={() => toggle(c)} /> {chainLabel(c, lang)}
          </label>
        ))}
        <select value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)} data-testid="overview-channel">
          <option value="all">{t('overview.allChannels', lang)}</option>
          <option value="offline">{t('overview.offline', lang)}</option>
          <option value="online">{t('overview.online', lang)}</option>
        </select>
        <label>
          {t('overview.from', lang)} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('overview.to', lang)} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <select value={measure} onChange={(e) => setMeasure(e.target.value as typeof measure)}>
          <option value="lines">{t('overview.byLines', lang)}</option>
          <option value="receipts">{t('overview.byReceipts', lang)}</option>
        </select>
        <label>
          <input type="checkbox" checked={asShare} onChange={(e) => setAsShare(e.target.checked)} /> {t('overview.asShare', lang)}
        </label>
        <CustomerFilterPicker lang={lang} project={project} value={customers} onChange={setCustomers} onError={onError} />
      </div>
      {data && charts && (
        <>
          <p data-testid="overview-summary">
            {t('overview.oneTimeBuyers', lang)}: {formatNumber(data.receiptsPerCustomer.oneTimeBuyers, lang)}
            {t('unit.people', lang)} / {formatNumber(data.receiptsPerCustomer.customers, lang)}
            {t('unit.people', lang)}
          </p>
          {data.amounts === 'some' && <p className="note">{t('overview.someAmounts', lang)}</p>}
          <div className="chart-grid">
            <Chart option={charts.buyers} lang={lang} name="monthly-buyers" testId="chart-buyers" />
            {data.amounts === 'none' ? (
              <p className="card note" data-testid="overview-no-amounts">{t('overview.noAmounts', lang)}</p>
            ) : (
              <>
                <Chart option={charts.revenue} lang={lang} name="monthly-revenue" testId="chart-revenue" />
                <Chart option={charts.receiptValue} lang={lang} name="avg-per-receipt" />
              </>
            )}
            <Chart option={charts.histogram} lang={lang} name="receipts-per-customer" />
            <Chart option={charts.chains} lang={lang} name="chains" />
            <Chart option={charts.channel} lang={lang} name="channels" />
            <Chart option={charts.affiliates} lang={lang} name="affiliates" />
          </div>
        </>
      )}
    </section>
  );
}
