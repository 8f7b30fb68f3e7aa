import { quotedIdentifier } from '@duckdb/node-api';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { keyedError } from '../../../shared/errors';
import type { RunInfo, RunStatus } from '../../../shared/runs';
import type { Sql } from '../db/database';

/**
 * The run registry: every training or validation run is a row of `runs` (settings, seed, data
 * fingerprint, backend, duration, metrics, status) with its files under models/<runId>/ and its
 * result tables named after it, so a run never overwrites the analyst's saved state.
 */
export interface RunStart {
  kind: string;
  settings: Record<string, unknown>;
  seed: number | null;
  backend?: string | null;
}

export interface StartedRun {
  runId: string;
  /** The run's folder for model files (created). */
  dir: string;
  /** Prefix for the run's own result tables, e.g. run_1a2b3c4d5e6f_segments. */
  tablePrefix: string;
}

/** The imported data as the run saw it: a hash of every import's content hash, in order. */
export async function dataFingerprint(db: Sql): Promise<string> {
  const rows = await db.all<{ import_id: number; sha256: string }>('SELECT import_id, sha256 FROM imports ORDER BY import_id');
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.import_id}:${r.sha256}\n`);
  return hash.digest('hex').slice(0, 16);
}

export async function startRun(db: Sql, projectDir: string, start: RunStart): Promise<StartedRun> {
  const runId = `${start.kind}-${randomUUID().slice(0, 8)}`;
  const fingerprint = await dataFingerprint(db);
  await db.run(
    `INSERT INTO runs (run_id, kind, status, settings, seed, data_fingerprint, backend, started_at, artifacts, result_tables)
     VALUES ($1, $2, 'running', $3, $4, $5, $6, now()::TIMESTAMP, '[]', '[]')`,
    [runId, start.kind, JSON.stringify(start.settings), start.seed, fingerprint, start.backend ?? null],
  );
  const dir = join(projectDir, 'models', runId);
  mkdirSync(dir, { recursive: true });
  return { runId, dir, tablePrefix: `run_${runId.replace(/[^A-Za-z0-9]/g, '_')}` };
}

export interface RunEnd {
  status: Exclude<RunStatus, 'running'>;
  metrics?: Record<string, unknown>;
  artifacts?: string[];
  resultTables?: string[];
  error?: string;
}

export async function finishRun(db: Sql, runId: string, end: RunEnd): Promise<RunInfo> {
  await db.run(
    `UPDATE runs SET status = $2, finished_at = now()::TIMESTAMP,
       duration_s = epoch(now()::TIMESTAMP) - epoch(started_at),
       metrics = $3, artifacts = $4, result_tables = $5, error = $6
     WHERE run_id = $1`,
    [runId, end.status, end.metrics ? JSON.stringify(end.metrics) : null, JSON.stringify(end.artifacts ?? []), JSON.stringify(end.resultTables ?? []), end.error ?? null],
  );
  return getRun(db, runId);
}

interface RunRow {
  run_id: string;
  kind: string;
  status: RunStatus;
  settings: string;
  seed: number | null;
  data_fingerprint: string;
  backend: string | null;
  started_at: string;
  finished_at: string | null;
  duration_s: number | null;
  metrics: string | null;
  artifacts: string | null;
  result_tables: string | null;
  error: string | null;
}

const SELECT = `SELECT run_id, kind, status, settings, seed, data_fingerprint, backend,
  strftime(started_at, '%Y-%m-%dT%H:%M:%S') AS started_at, strftime(finished_at, '%Y-%m-%dT%H:%M:%S') AS finished_at,
  duration_s, metrics, artifacts, result_tables, error FROM runs`;

export async function getRun(db: Sql, runId: string): Promise<RunInfo> {
  const row = await db.one<RunRow & Record<string, unknown>>(`${SELECT} WHERE run_id = $1`, [runId]);
  if (!row) throw keyedError('NOT_FOUND', `There is no run ${runId} in this project.`, 'runNotFound', { run: runId });
  return toInfo(row);
}

/** The newest finished run of a kind (e.g. the clustering the filters and exports use), or null. */
export async function latestDoneRun(db: Sql, kind: string): Promise<string | null> {
  const row = await db.one<{ run_id: string }>(`SELECT run_id FROM runs WHERE kind = $1 AND status = 'done' ORDER BY started_at DESC, run_id LIMIT 1`, [kind]);
  return row?.run_id ?? null;
}

/** Runs newest first, optionally of one kind. */
export async function listRuns(db: Sql, kind?: string): Promise<RunInfo[]> {
  const rows = await db.all<RunRow & Record<string, unknown>>(
    `${SELECT} ${kind ? 'WHERE kind = $1' : ''} ORDER BY started_at DESC, run_id`,
    kind ? [kind] : [],
  );
  return rows.map(toInfo);
}

function toInfo(r: RunRow): RunInfo {
  return {
    runId: r.run_id,
    kind: r.kind,
    status: r.status,
    settings: JSON.parse(r.settings) as Record<string, unknown>,
    seed: r.seed,
    dataFingerprint: r.data_fingerprint,
    backend: r.backend,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    seconds: r.duration_s,
    metrics: r.metrics ? (JSON.parse(r.metrics) as Record<string, unknown>) : null,
    artifacts: JSON.parse(r.artifacts ?? '[]') as string[],
    resultTables: JSON.parse(r.result_tables ?? '[]') as string[],
    error: r.error,
  };
}

/**
 * Deletes a finished run: its row, its result tables, the scores, clusters and lists it gave (churn_scores, customer_clusters, recommendations) and its
 * models/<runId>/ folder. A running run is refused (cancel it first). The database part is one
 * transaction (the caller's commit); the folder goes after it, so a failure leaves the run whole.
 */
export async function deleteRun(db: Sql, runId: string): Promise<RunInfo> {
  const run = await getRun(db, runId);
  if (run.status === 'running') {
    throw keyedError('BUSY', `Run ${runId} is still running; cancel it before deleting it.`, 'runRunning', { run: runId });
  }
  for (const table of run.resultTables) await db.run(`DROP TABLE IF EXISTS ${quotedIdentifier(table)}`);
  await db.run(`DELETE FROM churn_scores WHERE run_id = $1`, [runId]);
  await db.run(`DELETE FROM customer_clusters WHERE run_id = $1`, [runId]);
  await db.run(`DELETE FROM recommendations WHERE run_id = $1`, [runId]);
  await db.run(`DELETE FROM runs WHERE run_id = $1`, [runId]);
  return run;
}
