import { amountCoverage, projectCurrency } from '../project/projectSettings';
import type { Overview, OverviewFilter, OverviewQuery } from '../../../shared/analytics';
import type { Sql } from '../db/database';
import { checkFilter } from './purchaseFilter';
import * as q from './overviewQueries';
import { demographics as demographicsOf, facets as facetsOf, kpis as kpisOf } from './overviewKpis';

/** Every Overview chart's data for one filter, each query timed on its own. */
export async function overview(db: Sql, filter: OverviewFilter): Promise<Overview> {
  checkFilter(filter);
  const timingsMs = {} as Record<OverviewQuery, number>;
  const timed = async <T>(name: OverviewQuery, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    timingsMs[name] = performance.now() - started;
    return result;
  };
  const currency = await projectCurrency(db);
  const amounts = await amountCoverage(db);
  const hasAmounts = amounts !== 'none';
  // One connection runs one statement at a time, so the queries run in sequence.
  const kpis = await timed('kpis', () => kpisOf(db, filter, hasAmounts));
  const demographics = await timed('demographics', () => demographicsOf(db, filter, hasAmounts));
  const monthlyBuyers = await timed('monthlyBuyers', () => q.monthlyBuyers(db, filter));
  const monthlyRevenue = await timed('monthlyRevenue', () => q.monthlyRevenue(db, filter));
  const receiptValue = await timed('receiptValue', () => q.receiptValue(db, filter));
  const receiptsPerCustomer = await timed('receiptsPerCustomer', () => q.receiptsPerCustomer(db, filter));
  const chainMonthly = await timed('chainMonthly', () => q.chainMonthly(db, filter));
  const channelMonthly = await timed('channelMonthly', () => q.channelMonthly(db, filter));
  const affiliateMonthly = await timed('affiliateMonthly', () => q.affiliateMonthly(db, filter));
  const facets = await facetsOf(db);
  return { filter, currency, amounts, kpis, demographics, facets, monthlyBuyers, monthlyRevenue, receiptValue, receiptsPerCustomer, chainMonthly, channelMonthly, affiliateMonthly, timingsMs };
}
