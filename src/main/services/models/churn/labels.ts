import type { DateWindow } from '../../../../shared/analytics';
import type { Sql } from '../../db/database';

/**
 * What a churn model learns to predict, per customer of the features window (period 1):
 * binary: 1 = bought in period 1 and nothing in period 2 (churned), 0 = bought again;
 * transition: the period-1 tier → the period-2 tier or inactive, as one class id
 * (from * (tiers + 1) + to, where to = tiers means 비활동).
 */
export type LabelKind = 'binary' | 'transition';

/** 1 for the customers without a receipt in period 2, in the order given. */
export async function binaryChurnLabels(db: Sql, customers: string[], period2: DateWindow): Promise<Int32Array> {
  const active = new Set(
    (
      await db.all<{ customer_id: string }>(
        `SELECT DISTINCT customer_id FROM receipt_facts WHERE date BETWEEN $1::DATE AND $2::DATE`,
        [period2.from, period2.to],
      )
    ).map((r) => r.customer_id),
  );
  return Int32Array.from(customers, (c) => (active.has(c) ? 0 : 1));
}

/** The class id of a transition; `to` = tiers is 비활동 (no purchase in period 2). */
export const transitionClass = (from: number, to: number, tiers: number) => from * (tiers + 1) + to;
export const transitionOf = (cls: number, tiers: number) => ({ from: Math.floor(cls / (tiers + 1)), to: cls % (tiers + 1) });
