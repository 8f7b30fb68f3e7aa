import { isRealDate } from '../../../../shared/dates/calendar';
import { badArgument, keyedError } from '../../../../shared/errors';
import type { Sql } from '../../db/database';
import type { RepeatHistory } from './bgnbd';

export type TimeUnit = 'week' | 'day';

export interface HistoryOptions {
  /** Last day of the calibration period (YYYY-MM-DD); default the last purchase day. */
  calibrationEnd?: string;
  /** First day of the period (YYYY-MM-DD); default the first purchase day. */
  from?: string;
  unit: TimeUnit;
}

const DAYS_PER: Record<TimeUnit, number> = { week: 7, day: 1 };

/**
 * Purchase days in the period: a transaction is a day on which the customer bought (two receipts
 * or lines on one day are one transaction, as in the BG/NBD literature). Return lines are not
 * purchases: a day with returns only is no transaction. With `from`, a customer's first purchase
 * day on or after it counts as the first purchase (the model knows nothing of earlier ones).
 */
function daysSql(from: string | undefined): string {
  return `SELECT DISTINCT customer_id, date FROM purchases
    WHERE NOT is_return AND date <= $1::DATE${from ? ' AND date >= $2::DATE' : ''}`;
}

/**
 * Per customer: x = purchase days after the first, t_x = days from the first to the last, T = days
 * from the first to the calibration end. Values: $1 the calibration end, $2 `from` where given.
 */
function historiesSql(from: string | undefined): string {
  return `SELECT customer_id, count(*) - 1 AS x, max(date) - min(date) AS tx_days, $1::DATE - min(date) AS t_days
    FROM (${daysSql(from)}) GROUP BY customer_id`;
}

/** The calibration end asked for, or the last purchase day (in the period); null when there is none. */
export async function resolveCalibrationEnd(db: Sql, options: HistoryOptions): Promise<string | null> {
  for (const key of ['calibrationEnd', 'from'] as const) {
    const value = options[key];
    if (value !== undefined && !isRealDate(value)) {
      throw badArgument(`${key} must be a calendar day written YYYY-MM-DD; got "${value}".`, [key], 'invalid_format');
    }
  }
  const { calibrationEnd, from } = options;
  if (calibrationEnd && from && from > calibrationEnd) {
    throw badArgument(`The period starts (${from}) after the calibration end (${calibrationEnd}).`, ['from'], 'rangeReversed', { from, to: calibrationEnd });
  }
  if (calibrationEnd) return calibrationEnd;
  const row = await db.one<{ last: string | null }>(
    `SELECT strftime(max(date), '%Y-%m-%d') AS last FROM purchases WHERE NOT is_return${from ? ' AND date >= $1::DATE' : ''}`,
    from ? [from] : [],
  );
  return row?.last ?? null;
}

/**
 * The repeat-purchase histories of every customer who bought in the period, customers with the same
 * (x, t_x, T) grouped into one row with their count (far fewer rows for the likelihood), t_x and T
 * in the unit (weeks: days / 7). Throws BAD_ARGUMENT when the period has no purchases.
 */
export async function repeatHistories(db: Sql, options: HistoryOptions): Promise<{ calibrationEnd: string; histories: RepeatHistory[] }> {
  const calibrationEnd = await requireCalibrationEnd(db, options);
  const rows = await db.all<{ x: number; tx: number; t: number; customers: number }>(
    `SELECT x::INTEGER AS x, tx_days::INTEGER AS tx, t_days::INTEGER AS t, count(*)::INTEGER AS customers
     FROM (${historiesSql(options.from)}) GROUP BY ALL ORDER BY ALL`,
    options.from ? [calibrationEnd, options.from] : [calibrationEnd],
  );
  const per = DAYS_PER[options.unit];
  return { calibrationEnd, histories: rows.map((r) => ({ x: r.x, tx: r.tx / per, T: r.t / per, count: r.customers })) };
}

/** The same histories one row per customer (to score P(alive) or expected purchases), ordered by customer id. */
export async function customerHistories(
  db: Sql,
  options: HistoryOptions,
): Promise<{ calibrationEnd: string; customers: { customerId: string; x: number; tx: number; T: number }[] }> {
  const calibrationEnd = await requireCalibrationEnd(db, options);
  const rows = await db.all<{ customer_id: string; x: number; tx: number; t: number }>(
    `SELECT customer_id, x::INTEGER AS x, tx_days::INTEGER AS tx, t_days::INTEGER AS t FROM (${historiesSql(options.from)}) ORDER BY customer_id`,
    options.from ? [calibrationEnd, options.from] : [calibrationEnd],
  );
  const per = DAYS_PER[options.unit];
  return { calibrationEnd, customers: rows.map((r) => ({ customerId: r.customer_id, x: r.x, tx: r.tx / per, T: r.t / per })) };
}

async function requireCalibrationEnd(db: Sql, options: HistoryOptions): Promise<string> {
  const calibrationEnd = await resolveCalibrationEnd(db, options);
  if (!calibrationEnd) {
    const message = `There are no purchases${options.from ? ` on or after ${options.from}` : ''}; BG/NBD needs purchase history to fit.`;
    throw options.from ? keyedError('BAD_ARGUMENT', message, 'bgnbdNoPurchasesFrom', { from: options.from }) : keyedError('BAD_ARGUMENT', message, 'bgnbdNoPurchases');
  }
  return calibrationEnd;
}
