import type { ClusterFeatureGroup } from '../../../../shared/clusters';
import type { DateWindow } from '../../../../shared/analytics';
import type { Sql } from '../../db/database';
import { resolveGroups } from './categoryGroups';

/**
 * The clustering's inputs, one row per customer who bought in the window, built in SQL. Behaviour
 * (seed 002's "how and when"): weekend and time-of-day shares, online share, chain mix, basket size,
 * purchase frequency, average receipt, affiliate-service and L.pay use. Consumption ("what"): the
 * shares of the customer's lines per category group. Shares sum over the customer's receipts (or
 * lines) in the window only.
 */
export interface ClusterFeatures {
  customers: string[];
  names: string[];
  /** Row-major customers × names. */
  x: Float64Array;
  /** Skewed counts and amounts: log1p before standardising (when asked). */
  skewed: string[];
  /** Category → group as used. */
  groups: Record<string, string>;
}

const MAX_CHAINS = 8;
const slug = (value: string, i: number) => (/^[A-Za-z0-9]{1,12}$/.test(value) ? value.toLowerCase() : `c${i + 1}`);
const SKEWED = ['receipts', 'basket_lines', 'avg_receipt_amount', 'affiliate_uses', 'lpay_uses'];

export async function buildClusterFeatures(db: Sql, window: DateWindow, group: ClusterFeatureGroup, categoryMap?: Record<string, string>): Promise<ClusterFeatures> {
  const params: (string | number)[] = [window.from, window.to];
  const lit = (v: string) => {
    params.push(v);
    return `$${params.length}`;
  };
  const behaviour = group !== 'consumption';
  const consumption = group !== 'behaviour';
  const parts: string[] = [];
  const joins: string[] = [];
  const names: string[] = [];

  if (behaviour) {
    const chains = await db.all<{ chain: string }>(
      `SELECT chain FROM receipt_facts WHERE date BETWEEN $1::DATE AND $2::DATE GROUP BY chain ORDER BY count(*) DESC, chain LIMIT ${MAX_CHAINS}`,
      [window.from, window.to],
    );
    const chainCols = chains.length > 1 ? chains.map((c, i) => ({ value: c.chain, key: `share_lines_${slug(c.chain, i)}` })) : [];
    parts.push(
      `(count(*) FILTER (WHERE dayofweek(date) IN (0, 6)) / count(*))::DOUBLE AS weekend_share`,
      `(count(*) FILTER (WHERE hour < 12) / count(*))::DOUBLE AS morning_share`,
      `(count(*) FILTER (WHERE hour >= 18) / count(*))::DOUBLE AS evening_share`,
      `(count(*) FILTER (WHERE channel = 2) / count(*))::DOUBLE AS online_share`,
      ...chainCols.map((c) => `(coalesce(sum(lines) FILTER (WHERE chain = ${lit(c.value)}), 0) / sum(lines))::DOUBLE AS ${c.key}`),
      `count(*)::DOUBLE AS receipts`,
      `(sum(lines) / count(*))::DOUBLE AS basket_lines`,
      `coalesce(sum(amount) / count(*), 0)::DOUBLE AS avg_receipt_amount`,
    );
    names.push('weekend_share', 'morning_share', 'evening_share', 'online_share', ...chainCols.map((c) => c.key), 'receipts', 'basket_lines', 'avg_receipt_amount');
    joins.push(
      `LEFT JOIN (SELECT customer_id, count(*)::DOUBLE AS affiliate_uses FROM services WHERE date BETWEEN $1::DATE AND $2::DATE GROUP BY customer_id) svc USING (customer_id)`,
      `LEFT JOIN (SELECT customer_id, count(*)::DOUBLE AS lpay_uses FROM payments WHERE date BETWEEN $1::DATE AND $2::DATE GROUP BY customer_id) lp USING (customer_id)`,
    );
    names.push('affiliate_uses', 'lpay_uses');
  }

  let groups: Record<string, string> = {};
  let groupCols: { group: string; key: string }[] = [];
  if (consumption) {
    const categories = await db.all<{ category: string; lines: number }>(
      `SELECT coalesce(p.category, '') AS category, count(*)::DOUBLE AS lines
       FROM purchases l LEFT JOIN (SELECT DISTINCT product_id, category FROM products) p USING (product_id)
       WHERE l.date BETWEEN $1::DATE AND $2::DATE GROUP BY 1`,
      [window.from, window.to],
    );
    const resolved = resolveGroups(categories.filter((c) => c.category !== ''), categoryMap);
    groups = Object.fromEntries(resolved);
    const distinct = [...new Set(resolved.values())].sort((a, b) => a.localeCompare(b, 'ko'));
    groupCols = distinct.length > 1 ? distinct.map((g) => ({ group: g, key: `cat_share_${g}` })) : [];
    if (groupCols.length) {
      const mapValues = [...resolved.entries()].map(([c, g]) => `(${lit(c)}, ${lit(g)})`).join(', ');
      const shares = groupCols.map((g) => `coalesce(sum(n) FILTER (WHERE grp = ${lit(g.group)}), 0) / sum(n) AS "${g.key.replace(/"/g, '""')}"`);
      joins.push(`LEFT JOIN (
        SELECT customer_id, ${shares.join(', ')}
        FROM (SELECT l.customer_id, coalesce(m.grp, '') AS grp, count(*)::DOUBLE AS n
              FROM purchases l LEFT JOIN (SELECT DISTINCT product_id, category FROM products) p USING (product_id)
              LEFT JOIN (VALUES ${mapValues}) m(category, grp) ON m.category = p.category
              WHERE l.date BETWEEN $1::DATE AND $2::DATE GROUP BY 1, 2)
        GROUP BY customer_id) cat USING (customer_id)`);
      names.push(...groupCols.map((g) => g.key));
    }
  }

  const select = names.map((n) => `coalesce("${n.replace(/"/g, '""')}", 0)::DOUBLE AS "${n.replace(/"/g, '""')}"`).join(', ');
  const sql = `
    WITH base AS (
      SELECT customer_id${parts.length ? ', ' + parts.join(', ') : ''}
      FROM receipt_facts WHERE date BETWEEN $1::DATE AND $2::DATE GROUP BY customer_id)
    SELECT customer_id, ${select} FROM base ${joins.join(' ')} ORDER BY customer_id`;
  const rows = await db.all<Record<string, unknown>>(sql, params);
  const x = new Float64Array(rows.length * names.length);
  rows.forEach((row, i) => names.forEach((name, j) => (x[i * names.length + j] = Number(row[name]))));
  return { customers: rows.map((r) => String(r.customer_id)), names, x, skewed: names.filter((n) => SKEWED.includes(n)), groups };
}
