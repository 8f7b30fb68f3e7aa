import type { DateWindow, MonetaryBasis } from '../../../shared/analytics';
import type { SqlParams } from './sqlParams';

/** One RFM window: its column suffix ('', '_1', '_2'), its days and the day recency counts to. */
export interface RfmWindow {
  suffix: string;
  window: DateWindow;
  asOf: string;
}

/**
 * CTEs `receipts` and `rfm`: per customer and window, recency = days from the last purchase to
 * asOf, frequency = distinct receipts, monetary = sum of amount (net of returns), of lines or of
 * quantity (the spec's basis). A customer
 * without lines in a window gets NULL for all three there. Each window is a FILTER over one scan
 * of receipt_facts (one row per receipt, dated by its first line).
 */
export function rfmCtes(windows: RfmWindow[], p: SqlParams, monetary: MonetaryBasis = 'amount', customers?: string): string {
  const lo = windows.map((w) => w.window.from).sort()[0];
  const hi = windows.map((w) => w.window.to).sort().at(-1)!;
  const columns = windows.map(({ suffix, window, asOf }) => {
    const inWindow = `FILTER (WHERE date BETWEEN ${p.date(window.from)} AND ${p.date(window.to)})`;
    return [
      `(${p.date(asOf)} - max(date) ${inWindow})::INTEGER AS recency${suffix}`,
      `NULLIF(count(*) ${inWindow}, 0)::INTEGER AS frequency${suffix}`,
      `(sum(${monetary}) ${inWindow})::DOUBLE AS monetary${suffix}`,
    ].join(',\n      ');
  });
  return `receipts AS (
    SELECT customer_id, date, ${monetary} FROM receipt_facts WHERE date BETWEEN ${p.date(lo)} AND ${p.date(hi)}${customers ? ` AND ${customers}` : ''}),
  rfm AS MATERIALIZED (
    SELECT customer_id,
      ${columns.join(',\n      ')}
    FROM receipts GROUP BY customer_id)`;
}
