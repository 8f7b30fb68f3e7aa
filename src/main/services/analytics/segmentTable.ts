import type { ResolvedSegmentSpec } from '../../../shared/analytics';
import { quotedIdentifier } from '@duckdb/node-api';
import { addDays } from './dates';
import { rfmCtes, type RfmWindow } from './rfm';
import { customerCondition } from './customerFilter';
import { rankBeforeCte, rfmCutColumns, rfmScoreColumns, rfmSortedColumns } from './rfmScores';
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
  // Scores by cuts: each window's values sorted once (one row per window, three CTEs that DuckDB
  // can run side by side), each customer compared with m − 1 cuts (see rfmScores.ts).
  const sorted = SUFFIXES.map((s, i) => `sorted${i} AS (SELECT ${rfmSortedColumns(s).join(', ')} FROM rfm)`).join(',\n  ');
  const cuts = SUFFIXES.flatMap((s) => [`n${s}`, ...rfmCutColumns(s, p, spec.bins)]).join(', ');
  const scores = SUFFIXES.map((s) => rfmScoreColumns(s, spec.bins)).join(',\n      ');
  const weighted = SUFFIXES.map((s) => weightedScoreSql(s, spec.weights, spec.bins, p)).join(',\n      ');
  // Tiers by the rank of the score: few distinct scores (at most m³), so one histogram per window,
  // the tier of each distinct score, joined back by score (see rankBeforeCte).
  const scoreTiers = SUFFIXES.map(
    (s) => `${rankBeforeCte(`h_score${s}`, 'weighted', `score${s}`, 'DESC', `score${s} IS NOT NULL`)},
  t_score${s} AS (SELECT score${s}, ${tierSql(s, spec.shares, p)} FROM (SELECT v AS score${s}, before FROM h_score${s}) AS h_score${s} CROSS JOIN cuts)`,
  );
  const scoreJoins = SUFFIXES.map((s) => `LEFT JOIN t_score${s} ON t_score${s}.score${s} = weighted.score${s}`).join(' ');
  const k = `${p.add(spec.shares.length + 1)}::INTEGER`;
  const sql = `CREATE OR REPLACE TABLE ${quotedIdentifier(table)} AS
  WITH ${ctes},
  ${sorted},
  cuts AS (SELECT ${cuts} FROM ${SUFFIXES.map((_, i) => `sorted${i}`).join(', ')}),
  scored AS (SELECT rfm.*, ${scores} FROM rfm CROSS JOIN cuts),
  weighted AS MATERIALIZED (SELECT *, ${weighted} FROM scored),
  ${scoreTiers.join(',\n  ')},
  tiered AS (SELECT weighted.*, ${SUFFIXES.map((s) => `t_score${s}.tier${s}`).join(', ')} FROM weighted ${scoreJoins})
  SELECT customer_id, ${SEGMENT_COLUMNS.join(', ')},
    CASE WHEN frequency_1 IS NULL AND frequency_2 IS NULL THEN NULL ELSE coalesce(tier_1, ${k}) END AS from_state,
    CASE WHEN frequency_1 IS NULL AND frequency_2 IS NULL THEN NULL ELSE coalesce(tier_2, ${k}) END AS to_state
  FROM tiered`;
  return { sql, values: p.values };
}
