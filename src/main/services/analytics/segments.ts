import type { ResolvedSegmentSpec, SegmentSpec, SegmentSummary } from '../../../shared/analytics';
import { AppError } from '../../../shared/errors';
import type { Database } from '../db/database';
import { addDays } from './dates';
import { ensureReceiptFacts } from './receiptFacts';
import { resolveSegmentSpec } from './segmentSpec';
import { segmentTableSql } from './segmentTable';
import { churnOrigin, periodSummary, transitionMatrix } from './transitions';

/**
 * Computes the segments for a spec and saves them in the project: the per-customer table
 * `segments` (see segmentTable.ts) and, in `segment_spec`, the resolved spec that produced it.
 * Both are replaced together in one transaction; the churn model and the export read them.
 */
export async function computeSegments(db: Database, specIn: SegmentSpec): Promise<SegmentSummary> {
  const spec = await resolveSegmentSpec(db, specIn);
  const started = performance.now();
  await ensureReceiptFacts(db);
  const { sql, values } = segmentTableSql(spec);
  const computedAt = new Date().toISOString();
  await db.transaction(async () => {
    await db.run(sql, values);
    await db.run('CREATE OR REPLACE TABLE segment_spec (spec VARCHAR NOT NULL, computed_at VARCHAR NOT NULL)');
    await db.run('INSERT INTO segment_spec VALUES ($1, $2)', [JSON.stringify(spec), computedAt]);
  });
  return summarise(db, spec, computedAt, performance.now() - started);
}

/** The saved segments' spec, or NOT_FOUND when none were computed. */
export async function savedSegmentSpec(db: Database): Promise<{ spec: ResolvedSegmentSpec; computedAt: string }> {
  const exists = await db.one<{ n: number }>(
    `SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE table_name = 'segment_spec' AND schema_name = 'main'`,
  );
  const row = exists?.n ? await db.one<{ spec: string; at: string }>('SELECT spec, computed_at AS at FROM segment_spec') : undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No segments are saved in this project yet; compute them first.');
  return { spec: JSON.parse(row.spec) as ResolvedSegmentSpec, computedAt: row.at };
}

/** The summary of the segments saved in the project, without recomputing them. */
export async function loadSegments(db: Database): Promise<SegmentSummary> {
  const { spec, computedAt } = await savedSegmentSpec(db);
  return summarise(db, spec, computedAt, 0);
}

async function summarise(db: Database, spec: ResolvedSegmentSpec, computedAt: string, computeMs: number): Promise<SegmentSummary> {
  const started = performance.now();
  const k = spec.shares.length + 1;
  const all = await periodSummary(db, '', k, spec.window, spec.asOf);
  const first = await periodSummary(db, '_1', k, spec.periods[0], addDays(spec.periods[0].to, 1));
  const second = await periodSummary(db, '_2', k, spec.periods[1], addDays(spec.periods[1].to, 1));
  const transitions = await transitionMatrix(db, k);
  return {
    spec,
    tierCount: k,
    all,
    periods: [first, second],
    transitions,
    transitionTotal: transitions.reduce((a, c) => a + c.customers, 0),
    churnOrigin: churnOrigin(transitions, k),
    computedAt,
    timingsMs: { compute: computeMs, summary: performance.now() - started },
  };
}
