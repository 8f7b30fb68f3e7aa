import { quotedIdentifier } from '@duckdb/node-api';
import type { ResolvedSegmentSpec, SegmentSpec, SegmentSummary } from '../../../shared/analytics';
import { keyedError } from '../../../shared/errors';
import type { Session, Sql } from '../db/database';
import { addDays } from './dates';
import { ensureReceiptFacts } from './receiptFacts';
import { resolveSegmentSpec } from './segmentSpec';
import { amountCoverage, projectCurrency } from '../project/projectSettings';
import { segmentTableSql } from './segmentTable';
import { churnOrigin, periodSummary, transitionMatrix } from './transitions';

/** Where a computation writes: the analyst's saved segments, or a run's own tables. */
export interface SegmentTables {
  segments: string;
  spec: string;
}

/** The analyst's saved segments (the Segments page, the export and the churn model read these). */
export const SAVED_SEGMENTS: SegmentTables = { segments: 'segments', spec: 'segment_spec' };

/** A run's own segment tables: a validation run recomputes segments without touching the saved ones. */
export function runSegmentTables(runTablePrefix: string): SegmentTables {
  return { segments: `${runTablePrefix}_segments`, spec: `${runTablePrefix}_segment_spec` };
}

/**
 * Computes the segments for a spec and saves them: the per-customer table (see segmentTable.ts)
 * and the resolved spec that produced it, replaced together in one transaction. By default into
 * the project's saved segments; a run passes its own tables.
 */
export async function computeSegments(db: Session, specIn: SegmentSpec, tables: SegmentTables = SAVED_SEGMENTS): Promise<SegmentSummary> {
  const spec = await resolveSegmentSpec(db, specIn);
  const started = performance.now();
  await ensureReceiptFacts(db);
  const { sql, values } = segmentTableSql(spec, tables.segments);
  const computedAt = new Date().toISOString();
  const specTable = quotedIdentifier(tables.spec);
  await db.transaction(async () => {
    await db.run(sql, values);
    await db.run(`CREATE TABLE IF NOT EXISTS ${specTable} (spec VARCHAR NOT NULL, computed_at VARCHAR NOT NULL)`);
    await db.run(`DELETE FROM ${specTable}`);
    await db.run(`INSERT INTO ${specTable} VALUES ($1, $2)`, [JSON.stringify(spec), computedAt]);
  });
  return summarise(db, spec, computedAt, performance.now() - started, tables);
}

/** The saved segments' spec, or NOT_FOUND when none were computed. */
export async function savedSegmentSpec(db: Sql, tables: SegmentTables = SAVED_SEGMENTS): Promise<{ spec: ResolvedSegmentSpec; computedAt: string }> {
  const exists = await db.one<{ n: number }>(
    `SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE table_name = $1 AND schema_name = 'main'`,
    [tables.spec],
  );
  const row = exists?.n ? await db.one<{ spec: string; at: string }>(`SELECT spec, computed_at AS at FROM ${quotedIdentifier(tables.spec)}`) : undefined;
  if (!row) throw keyedError('NOT_FOUND', 'No segments are saved in this project yet; compute them first.', 'noSegments');
  return { spec: JSON.parse(row.spec) as ResolvedSegmentSpec, computedAt: row.at };
}

/** The summary of the segments saved in the project, without recomputing them. */
export async function loadSegments(db: Sql, tables: SegmentTables = SAVED_SEGMENTS): Promise<SegmentSummary> {
  const { spec, computedAt } = await savedSegmentSpec(db, tables);
  return summarise(db, spec, computedAt, 0, tables);
}

async function summarise(db: Sql, spec: ResolvedSegmentSpec, computedAt: string, computeMs: number, tables: SegmentTables): Promise<SegmentSummary> {
  const started = performance.now();
  const k = spec.shares.length + 1;
  const all = await periodSummary(db, '', spec.shares, spec.window, spec.asOf, tables.segments);
  const first = await periodSummary(db, '_1', spec.shares, spec.periods[0], addDays(spec.periods[0].to, 1), tables.segments);
  const second = await periodSummary(db, '_2', spec.shares, spec.periods[1], addDays(spec.periods[1].to, 1), tables.segments);
  const transitions = await transitionMatrix(db, k, tables.segments);
  return {
    spec: { ...spec, monetary: spec.monetary ?? 'amount' },
    currency: await projectCurrency(db),
    amounts: await amountCoverage(db),
    tierCount: k,
    all,
    periods: [first, second],
    transitions,
    transitionTotal: transitions.reduce((a, c) => a + c.customers, 0),
    churnOrigin: churnOrigin(transitions, k),
    computedAt,
    timingsMs: { compute: computeMs, summary: performance.now() - started },
    warnings: [first, second].flatMap((p, i) => (p.customers === 0 ? [{ code: 'empty_period' as const, period: (i + 1) as 1 | 2, window: p.window }] : [])),
  };
}
