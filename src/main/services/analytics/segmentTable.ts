import type { ResolvedSegmentSpec } from '../../../shared/analytics';
import { quotedIdentifier } from '@duckdb/node-api';
import { addDays } from './dates';
import { rfmCtes, type RfmWindow } from './rfm';
import { customerCondition } from './customerFilter';
import { rankBeforeCte, rfmScoreColumns, SCORED } from './rfmScores';
import { SqlParams } from './sqlParams';
import { tierSql, weightedScoreSql } from './tiers';

/** Column suffixes: '' the whole RFM window, '_1' the first period, '_2' the second. */
export const SUFFIXES = ['', '_1', '_2'] as const;

export const SEGMENT_COLUMNS = SUFFIXES.flatMap((s) =>
  ['recency', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'score', 'tier'].map((c) => c + s),
);

/**
 * The statement that (re)builds the per-customer `segments` table: one row per customer with a
 * purchase in the window or either period; R, F, M, scores, score and tier (0 = best) per
 * window, NULL where absent; from_state = first-period tier or k (신규), to_state =
 * second-period tier or k (비활동), NULL when absent from both periods.
 */
export function segmentTableSql(spec: ResolvedSegmentSpec, table = 'segments'): { sql: string; values: SqlParams['values'] } {
  const p = new SqlParams();
  const windows: RfmWindow[] = [
    { suffix: '', window: spec.window, asOf: spec.asOf },
    ...spec.periods.map((w, i) => ({ suffix: `_${i + 1}`, window: w, asOf: addDays(w.to, 1) })),
  ];
  const ctes = rfmCtes(windows, p, spec.monetary ?? 'amount', spec.customers ? customerCondition(spec.customers, p) : undefined);
  const scores = SUFFIXES.map((s) => rfmScoreColumns(s, p, spec.bins)).join(',\n      ');
  const weighted = SUFFIXES.map((s) => weightedScoreSql(s, spec.weights, spec.bins, p)).join(',\n      ');
  // Ranks by value: one histogram per measure and window, joined back (see rankBeforeCte).
  const measureHists = SUFFIXES.flatMap((s) => SCORED.map(({ column, order }) => rankBeforeCte(`h_${column}${s}`, 'rfm', `${column}${s}`, order, `frequency${s} IS NOT NULL`)));
  const measureJoins = SUFFIXES.flatMap((s) => SCORED.map(({ column }) => `LEFT JOIN h_${column}${s} ON h_${column}${s}.v = present.${column}${s}`)).join(' ');
  const scoreHists = SUFFIXES.map((s) => rankBeforeCte(`h_score${s}`, 'weighted', `score${s}`, 'DESC', `score${s} IS NOT NULL`));
  const scoreJoins = SUFFIXES.map((s) => `LEFT JOIN h_score${s} ON h_score${s}.v = weighted.score${s}`).join(' ');
  const tiers = SUFFIXES.map((s) => tierSql(s, spec.shares, p)).join(',\n      ');
  const counts = SUFFIXES.map((s) => `count(frequency${s}) OVER ()::BIGINT AS n${s}`).join(', ');
  const k = `${p.add(spec.shares.length + 1)}::INTEGER`;
  const sql = `CREATE OR REPLACE TABLE ${quotedIdentifier(table)} AS
  WITH ${ctes},
  present AS (SELECT *, ${counts} FROM rfm),
  ${measureHists.join(',\n  ')},
  scored AS (SELECT present.*, ${scores} FROM present ${measureJoins}),
  weighted AS MATERIALIZED (SELECT *, ${weighted} FROM scored),
  ${scoreHists.join(',\n  ')},
  tiered AS (SELECT weighted.*, ${tiers} FROM weighted ${scoreJoins})
  SELECT customer_id, ${SEGMENT_COLUMNS.join(', ')},
    CASE WHEN frequency_1 IS NULL AND frequency_2 IS NULL THEN NULL ELSE coalesce(tier_1, ${k}) END AS from_state,
    CASE WHEN frequency_1 IS NULL AND frequency_2 IS NULL THEN NULL ELSE coalesce(tier_2, ${k}) END AS to_state
  FROM tiered`;
  return { sql, values: p.values };
}
