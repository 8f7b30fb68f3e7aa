import type { KpiValue, Overview } from '../../../shared/analytics';
import {
  buildAffiliateUsageChart,
  buildChainStackedChart,
  buildChannelSplitChart,
  buildMonthlyBuyersChart,
  buildMonthlyRevenueChart,
  buildReceiptValueChart,
  buildReceiptsHistogram,
  chainLabel,
  money,
  type Unit,
} from '../../../shared/charts';
import type { Lang } from '../../../shared/i18n';
import type { ReportBlock, ReportSection, ReportTable } from './reportTypes';
import { monthSpan, monthText, num, pct, reportChart, rt, say, value, windowText } from './reportText';

/** The change from a to b in % (null where a is 0 or either is missing). */
function change(a: number | null, b: number | null): number | null {
  if (a === null || b === null || a === 0) return null;
  return ((b - a) / a) * 100;
}

/** The halves named by their months: 1~6월 / 7~12월. */
function halves(o: Overview, lang: Lang): { earlier: string; later: string } | null {
  const { window, halves: h } = o.kpis;
  if (!window || !h) return null;
  return { earlier: monthSpan(window.from, h.firstTo, lang), later: monthSpan(h.secondFrom, window.to, lang) };
}

function halvesTakeaway(v: KpiValue, o: Overview, lang: Lang, up: 'takeRevenueUp' | 'takeBuyersUp', down: 'takeRevenueDown' | 'takeBuyersDown', unit: Unit): string {
  const names = halves(o, lang);
  const delta = change(v.first, v.second);
  if (!names || delta === null) return rt('takeNoData', lang);
  const rounded = Math.round(Math.abs(delta) * 10) / 10;
  if (rounded === 0) return say('takeSame', lang, names);
  const values = { ...names, pct: `${num(rounded, lang, 1)}%`, a: value(v.first, unit, lang), b: value(v.second, unit, lang) };
  return say(delta > 0 ? up : down, lang, values);
}

/** The Overview page's charts, each with its takeaway, and the headline figures as a table. */
export function overviewSection(o: Overview, lang: Lang): ReportSection {
  const title = rt('sectionOverview', lang);
  const coverage = o.kpis.window;
  if (!coverage) return { id: 'overview', title, blocks: [{ kind: 'missing', text: rt('noData', lang) }] };
  const period = windowText(coverage, lang);
  const cash = money(o.currency);
  const hasAmounts = o.amounts !== 'none';
  const blocks: ReportBlock[] = [{ kind: 'table', table: kpiTable(o, lang) }];
  const chart = (id: string, option: Parameters<typeof reportChart>[1], takeaway: string, height?: number) =>
    blocks.push({ kind: 'chart', chart: reportChart(`overview-${id}`, option, takeaway, { period, height }) });

  chart('buyers', buildMonthlyBuyersChart(o.monthlyBuyers, lang, coverage), halvesTakeaway(o.kpis.customers, o, lang, 'takeBuyersUp', 'takeBuyersDown', 'people'));
  if (hasAmounts) {
    chart('revenue', buildMonthlyRevenueChart(o.monthlyRevenue, lang, o.currency, coverage), halvesTakeaway(o.kpis.revenue, o, lang, 'takeRevenueUp', 'takeRevenueDown', cash));
    chart('receipt-value', buildReceiptValueChart(o.receiptValue, lang, o.currency, coverage), receiptValueTakeaway(o, lang));
  }
  const r = o.receiptsPerCustomer;
  chart(
    'receipts-per-customer',
    buildReceiptsHistogram(r, lang),
    r.customers ? say('takeHistogram', lang, { share: pct(r.oneTimeBuyers / r.customers, lang), median: num(r.median, lang, 1) }) : rt('takeNoData', lang),
  );
  const measure = hasAmounts ? 'revenue' : 'receipts';
  chart('chains', buildChainStackedChart(o.chainMonthly, { measure, asShare: false, currency: o.currency }, lang, coverage), chainsTakeaway(o, measure, lang), 380);
  chart('channels', buildChannelSplitChart(o.channelMonthly, { measure: 'receipts', asShare: true, currency: o.currency }, lang, coverage), channelTakeaway(o, lang));
  chart('affiliates', buildAffiliateUsageChart(o.affiliateMonthly, lang, coverage), affiliatesTakeaway(o, lang), 380);
  return { id: 'overview', title, blocks };
}

function kpiTable(o: Overview, lang: Lang): ReportTable {
  const k = o.kpis;
  const names = halves(o, lang);
  const cash = money(o.currency);
  const row = (label: string, v: KpiValue, unit: Unit, share = false): string[] => {
    const shown = (x: number | null) => (share ? pct(x, lang) : value(x, unit, lang));
    let delta = '–';
    if (share && v.first !== null && v.second !== null) delta = `${signed((v.second - v.first) * 100, lang)}${rt('points', lang)}`;
    else if (!share) {
      const c = change(v.first, v.second);
      if (c !== null) delta = `${signed(c, lang)}%`;
    }
    return [label, shown(v.total), shown(v.first), shown(v.second), delta];
  };
  const amounts = o.amounts !== 'none';
  const rows = [
    row(rt('kpiCustomers', lang), k.customers, 'people'),
    ...(amounts ? [row(rt('kpiRevenue', lang), k.revenue, cash)] : []),
    row(rt('kpiReceipts', lang), k.receipts, 'count'),
    ...(amounts ? [row(rt('kpiSpend', lang), k.spendPerCustomer, cash)] : []),
    row(rt('kpiRepeat', lang), k.repeatShare, 'percent', true),
  ];
  return {
    caption: rt('kpiTable', lang),
    columns: [
      { label: rt('kpiMeasure', lang) },
      { label: rt('kpiTotal', lang), numeric: true },
      { label: names?.earlier ?? '–', numeric: true },
      { label: names?.later ?? '–', numeric: true },
      { label: rt('kpiChange', lang), numeric: true },
    ],
    rows,
  };
}

function signed(v: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v);
}

function receiptValueTakeaway(o: Overview, lang: Lang): string {
  const rows = o.receiptValue.filter((r) => r.receipts > 0);
  if (!rows.length) return rt('takeNoData', lang);
  let peak = rows[0];
  let low = rows[0];
  for (const r of rows) {
    if (r.avgPerReceipt > peak.avgPerReceipt) peak = r;
    if (r.avgPerReceipt < low.avgPerReceipt) low = r;
  }
  const cash = money(o.currency);
  return say('takeReceiptValue', lang, {
    month: monthText(peak.month, lang),
    peak: value(peak.avgPerReceipt, cash, lang),
    lowMonth: monthText(low.month, lang),
    low: value(low.avgPerReceipt, cash, lang),
  });
}

function chainsTakeaway(o: Overview, measure: 'revenue' | 'receipts', lang: Lang): string {
  const byChain = new Map<string, number>();
  for (const r of o.chainMonthly) byChain.set(r.chain, (byChain.get(r.chain) ?? 0) + r[measure]);
  const total = [...byChain.values()].reduce((a, b) => a + b, 0);
  const top = [...byChain.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!top || total <= 0) return rt('takeNoData', lang);
  return say(measure === 'revenue' ? 'takeChainsRevenue' : 'takeChainsReceipts', lang, { share: pct(top[1] / total, lang), chain: chainLabel(top[0], lang) });
}

function channelTakeaway(o: Overview, lang: Lang): string {
  const months = [...new Set(o.channelMonthly.map((r) => r.month))].sort();
  const online = (month: string) => {
    const rows = o.channelMonthly.filter((r) => r.month === month);
    const all = rows.reduce((a, r) => a + r.receipts, 0);
    return all ? rows.filter((r) => r.channel === 'online').reduce((a, r) => a + r.receipts, 0) / all : null;
  };
  if (months.length === 0) return rt('takeNoData', lang);
  const first = months[0];
  const last = months[months.length - 1];
  return say('takeChannel', lang, { first: monthText(first, lang), last: monthText(last, lang), a: pct(online(first), lang), b: pct(online(last), lang) });
}

function affiliatesTakeaway(o: Overview, lang: Lang): string {
  const uses = new Map<string, number>();
  for (const r of o.affiliateMonthly) uses.set(r.affiliate, (uses.get(r.affiliate) ?? 0) + r.uses);
  const total = [...uses.values()].reduce((a, b) => a + b, 0);
  const top = [...uses.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!top || total === 0) return rt('takeNoAffiliates', lang);
  return say('takeAffiliates', lang, { name: chainLabel(top[0], lang), uses: num(top[1], lang), share: pct(top[1] / total, lang) });
}

