import { INACTIVE_STATE, NEW_STATE, tierNames, type Lang, type SegmentSelector } from '../../../shared/analytics';
import { fill, SEGMENT_CSV_HEADINGS, SEGMENT_CSV_WINDOWS } from '../../../shared/i18n';
import { currencyUnit, roundAmount } from '../../../shared/money';
import { projectCurrency } from '../project/projectSettings';
import type { Sql } from '../db/database';
import { join } from 'node:path';
import { writeCsvAtomic } from '../files/atomicCsv';
import { selectorSql } from './profile';
import { savedSegmentSpec } from './segments';
import { SqlParams } from './sqlParams';
import { SUFFIXES } from './segmentTable';
import { latestDoneRun } from '../runs/runs';

const MEASURES = ['recency', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'score', 'tier'] as const;

const PAGE = 20_000;

/**
 * Writes the saved per-customer segments table as CSV in UTF-8 with BOM (atomically: the file
 * appears only when complete). Tiers and the transition are written as names in `lang`. With a
 * selector, only that tier's or transition's customers (the rows the profile describes). `out`
 * is the file, or a folder in which it is named segments-<what>-<time>.csv.
 */
export async function exportSegmentsCsv(
  db: Sql,
  out: string | { folder: string; time: string },
  lang: Lang = 'ko',
  selector?: SegmentSelector,
): Promise<{ path: string; rows: number }> {
  const { spec } = await savedSegmentSpec(db);
  const k = spec.shares.length + 1;
  const path = typeof out === 'string' ? out : join(out.folder, segmentCsvName(selector, k, out.time));
  // Checked before anything is written: a tier or transition that does not exist is BAD_ARGUMENT.
  const where = new SqlParams();
  const condition = selector ? selectorSql(selector, k, where) : 'true';
  const names = tierNames(spec.tierNames, k, lang);
  const currency = await projectCurrency(db);
  const basis = spec.monetary ?? 'amount';
  const h = (key: keyof typeof SEGMENT_CSV_HEADINGS) => SEGMENT_CSV_HEADINGS[key][lang];
  // The header says what M measures: money in the project's currency, lines or quantity.
  const heading = (m: (typeof MEASURES)[number]) =>
    m !== 'monetary'
      ? h(m)
      : basis === 'amount'
        ? fill(h('monetary'), { currency: lang === 'ko' ? currencyUnit(currency, lang) : currency })
        : h(`monetary_${basis}`);
  // The latest clustering's cluster of each customer, where there is one (empty for a customer it did not cover).
  const clustering = await latestDoneRun(db, 'clusters');
  const header = [
    h('customer'),
    ...SUFFIXES.flatMap((_, w) => MEASURES.map((m) => `${heading(m)}_${SEGMENT_CSV_WINDOWS[w][lang]}`)),
    h('transition'),
    ...(clustering ? [h('cluster')] : []),
  ];
  const clusterJoin = clustering ? `LEFT JOIN customer_clusters cc ON cc.customer_id = s.customer_id AND cc.run_id = ${where.add(clustering)}` : '';
  const fromName = (s: number | null) => (s === null ? null : s === k ? NEW_STATE[lang] : names[s]);
  const toName = (s: number | null) => (s === null ? null : s === k ? INACTIVE_STATE[lang] : names[s]);
  const columns = SUFFIXES.flatMap((s) => MEASURES.map((m) => m + s));
  async function* pages(): AsyncIterable<unknown[][]> {
    for (let offset = 0; ; offset += PAGE) {
      const rows = await db.all(
        `SELECT s.customer_id, ${columns.join(', ')}, from_state, to_state${clustering ? ', cc.name AS cluster_name' : ''}
         FROM segments s ${clusterJoin} WHERE ${condition} ORDER BY s.customer_id LIMIT ${PAGE} OFFSET ${offset}`,
        where.values,
      );
      if (!rows.length) return;
      yield rows.map((r) => [
        r.customer_id,
        ...columns.map((c) =>
          c.startsWith('tier')
            ? r[c] === null ? null : names[r[c] as number]
            : c.startsWith('monetary') && basis === 'amount' && r[c] !== null ? roundAmount(r[c] as number, currency)
            : r[c],
        ),
        r.from_state === null ? null : `${fromName(r.from_state as number)}→${toName(r.to_state as number)}`,
        ...(clustering ? [r.cluster_name ?? null] : []),
      ]);
      if (rows.length < PAGE) return;
    }
  }
  const rows = await writeCsvAtomic(path, header, pages());
  return { path, rows };
}

/**
 * The default file name: segments-<what>-<time>.csv in ASCII whatever the tier names, e.g.
 * segments-period1-tier1-…, segments-tier2-to-inactive-…, segments-new-to-tier1-… (tiers from 1 = top).
 */
export function segmentCsvName(selector: SegmentSelector | undefined, k: number, time: string): string {
  const state = (s: number, extra: string) => (s === k ? extra : `tier${s + 1}`);
  const what = !selector
    ? ''
    : selector.kind === 'tier'
      ? `-${selector.period === 'all' ? 'window' : selector.period === 'first' ? 'period1' : 'period2'}-tier${selector.tier + 1}`
      : `-${state(selector.from, 'new')}-to-${state(selector.to, 'inactive')}`;
  return `segments${what}-${time}.csv`;
}
