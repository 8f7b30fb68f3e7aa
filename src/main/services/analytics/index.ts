/** The analytics capability: Overview queries, RFM segments over two periods, segment profiles, CSV export. */
export { overview } from './overview';
export { demographics, facets, kpis, secondHalfStart } from './overviewKpis';
export {
  affiliateMonthly,
  chainMonthly,
  channelMonthly,
  monthlyBuyers,
  monthlyRevenue,
  receiptsPerCustomer,
  receiptValue,
  RECEIPT_BUCKETS,
} from './overviewQueries';
export { computeSegments, loadSegments, runSegmentTables, SAVED_SEGMENTS, savedSegmentSpec, type SegmentTables } from './segments';
export { resolveSegmentSpec, purchaseDateRange } from './segmentSpec';
export { segmentProfile } from './profile';
export { klDivergence, KL_SMOOTHING } from './klDivergence';
export { exportSegmentsCsv } from './segmentCsv';
export { churnOrigin } from './transitions';
export { ensureReceiptFacts, receiptFactsState } from './receiptFacts';
