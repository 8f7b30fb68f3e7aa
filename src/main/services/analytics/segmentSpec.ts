import type { CustomerFilter, DateWindow, MonetaryBasis, ResolvedSegmentSpec, SegmentSpec } from '../../../shared/analytics';
import { customerCondition } from './customerFilter';
import { SqlParams } from './sqlParams';
import { amountCoverage } from '../project/projectSettings';
import { badArgument, keyedError } from '../../../shared/errors';
import type { Sql } from '../db/database';
import { addMonths, daysBetween } from '../../../shared/dates';
import { addDays } from './dates';

/** The purchase date range, or NOT_FOUND when nothing is imported. */
export async function purchaseDateRange(db: Sql): Promise<DateWindow> {
  const row = await db.one<{ lo: string | null; hi: string | null }>('SELECT min(date) AS lo, max(date) AS hi FROM purchases');
  if (!row?.lo || !row.hi) throw keyedError('NOT_FOUND', 'The project has no purchase lines yet; import data first.', 'noPurchases');
  return { from: row.lo, to: row.hi };
}

/**
 * Fills the defaults from the data: asOf = the day after the last purchase (or after the window),
 * window = first purchase … asOf − 1, periods = two equal windows ending at the window's last day
 * (the last 12 months split into halves; the window split into halves when it starts in the second half).
 */
export async function resolveSegmentSpec(db: Sql, spec: SegmentSpec): Promise<ResolvedSegmentSpec> {
  const [wR, wF, wM] = spec.weights;
  if (!(wR + wF + wM > 0)) throw badArgument('The weights sum to 0; give at least one weight above 0.', ['weights'], 'weightsZero');
  const shareSum = spec.shares.reduce((a, b) => a + b, 0);
  if (shareSum > 100) throw badArgument(`The tier shares add up to ${shareSum} %, more than 100 %.`, ['shares'], 'sharesOver100', { sum: shareSum });
  if (spec.tierNames && spec.tierNames.length !== spec.shares.length + 1) {
    const n = spec.shares.length + 1;
    throw badArgument(`Give ${n} tier names (one per share and one for the rest), not ${spec.tierNames.length}.`, ['tierNames'], 'tierNamesCount', { n, got: spec.tierNames.length });
  }
  if (spec.tierNames && new Set(spec.tierNames).size !== spec.tierNames.length) throw badArgument('The tier names must differ from each other.', ['tierNames'], 'tierNamesSame');

  const data = await purchaseDateRange(db);
  const asOf = spec.asOf ?? addDays(spec.window?.to ?? data.to, 1);
  if (!spec.window && asOf <= data.from) {
    throw badArgument(`The as-of date ${asOf} is on or before the first purchase (${data.from}); choose a date after it.`, ['asOf'], 'asOfTooEarly', { asOf, first: data.from });
  }
  const window = spec.window ?? { from: data.from, to: addDays(asOf, -1) };
  checkWindow(window, 'The RFM window', ['window']);
  if (window.to >= asOf) throw badArgument(`The RFM window must end before the as-of date ${asOf}.`, ['window'], 'windowAfterAsOf', { asOf });
  const periods = spec.periods ?? defaultPeriods(window);
  checkWindow(periods[0], 'The first period', ['periods', '0']);
  checkWindow(periods[1], 'The second period', ['periods', '1']);
  if (periods[0].to >= periods[1].from) throw badArgument('The first period must end before the second period starts.', ['periods'], 'periodsOverlap');
  const monetary = await resolveMonetary(db, spec.monetary);
  if (spec.customers) await checkCustomerFilter(db, spec.customers);
  return {
    monetary,
    ...(spec.customers ? { customers: spec.customers } : {}),
    asOf,
    window,
    weights: [wR, wF, wM],
    bins: spec.bins,
    shares: spec.shares,
    tierNames: spec.tierNames ?? null,
    periods: [periods[0], periods[1]],
  };
}

/**
 * Two equal windows ending at the window's last day: the last 12 months in halves (for data ending
 * 2021-12-31: Jan–Jun and Jul–Dec 2021) when the data reaches into the first half, else the
 * window itself in two halves (never a period before the data, read as 100 % churn).
 */
export function defaultPeriods(window: DateWindow): [DateWindow, DateWindow] {
  const after = addDays(window.to, 1);
  const yearBack = addMonths(after, -12);
  const middle = addMonths(after, -6);
  // The last 12 months when the data reaches into its first half (so neither half is empty).
  if (window.from < middle) {
    return [
      { from: yearBack, to: addDays(middle, -1) },
      { from: middle, to: window.to },
    ];
  }
  const days = daysBetween(window.from, window.to) + 1;
  if (days < 2) throw badArgument(`The data covers one day (${window.from}); give two periods to compare.`, ['periods'], 'oneDay', { day: window.from });
  const second = addDays(window.to, -(Math.floor(days / 2) - 1));
  return [
    { from: window.from, to: addDays(second, -1) },
    { from: second, to: window.to },
  ];
}

/** The monetary basis asked for, or the default: amount when every line has one, else lines. */
async function resolveMonetary(db: Sql, asked: MonetaryBasis | undefined): Promise<MonetaryBasis> {
  const coverage = await amountCoverage(db);
  if (asked === undefined) return coverage === 'all' ? 'amount' : 'lines';
  if (asked === 'amount' && coverage === 'none') {
    throw badArgument('The data has no amounts; monetary can be the number of lines (lines) or the quantity bought (quantity).', ['monetary'], 'noAmounts');
  }
  if (asked === 'amount' && coverage === 'some') {
    throw badArgument('Some purchase lines have no amount (an import without an amount column); monetary can be lines or quantity.', ['monetary'], 'someAmounts');
  }
  return asked;
}

/** A customer filter that keeps no buyer is refused with what it asked for (never an empty, silent result). */
async function checkCustomerFilter(db: Sql, filter: CustomerFilter): Promise<void> {
  const p = new SqlParams();
  const row = await db.one<{ n: number }>(
    `SELECT count(DISTINCT customer_id)::BIGINT AS n FROM purchases WHERE ${customerCondition(filter, p)}`,
    p.values,
  );
  if (!row?.n) {
    const what = filter.field === 'attribute' ? filter.name : filter.field;
    throw badArgument(`No customer with purchases has ${what} = ${filter.values.join(' or ')}; choose other values.`, ['customers'], 'noCustomers', { field: String(what), values: filter.values.join(', ') });
  }
}

function checkWindow(w: DateWindow, name: string, path: string[]): void {
  if (w.from > w.to) throw badArgument(`${name} starts (${w.from}) after it ends (${w.to}).`, path, 'rangeReversed', { from: w.from, to: w.to });
}
