import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/** What a service needs to run SQL: statements in, plain rows out (BIGINT as number, dates as ISO text). */
export interface Sql {
  all<T extends Row = Row>(sql: string, values?: DuckDBValue[]): Promise<T[]>;
  one<T extends Row = Row>(sql: string, values?: DuckDBValue[]): Promise<T | undefined>;
  run(sql: string, values?: DuckDBValue[]): Promise<void>;
}

/**
 * One unit of work on one DuckDB connection. Its transaction and its temporary tables belong to
 * it alone, so two calls at once never share a transaction; it is closed when the work ends.
 */
export class Session implements Sql {
  private inTransaction = false;
  private closed = false;

  constructor(readonly connection: DuckDBConnection) {}

  async all<T extends Row = Row>(sql: string, values?: DuckDBValue[]): Promise<T[]> {
    const started = performance.now();
    const reader = await this.connection.runAndReadAll(sql, values);
    logSlow(sql, started);
    return reader.getRowObjectsJS().map((row) => toPlain(row) as T);
  }

  async one<T extends Row = Row>(sql: string, values?: DuckDBValue[]): Promise<T | undefined> {
    return (await this.all<T>(sql, values))[0];
  }

  async run(sql: string, values?: DuckDBValue[]): Promise<void> {
    const started = performance.now();
    await this.connection.run(sql, values);
    logSlow(sql, started);
  }

  /**
   * Runs `work` inside one transaction on this session: everything or nothing. A transaction
   * asked for inside another one joins it (the outer one commits or rolls back).
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    await this.run('BEGIN TRANSACTION');
    this.inTransaction = true;
    try {
      const result = await work();
      await this.run('COMMIT');
      return result;
    } catch (error) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  /** Stops the statement running on this session (a cancelled job). */
  interrupt(): void {
    if (!this.closed) this.connection.interrupt();
  }

  /** Percentage of the running query, or null where DuckDB cannot tell. */
  progress(): { percentage: number; rowsProcessed: number } | null {
    if (this.closed) return null;
    const p = this.connection.progress;
    if (!p || p.percentage < 0) return null;
    return { percentage: p.percentage, rowsProcessed: Number(p.rows_processed) };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
  }
}

/**
 * CW_DEBUG_SQL=1 logs every statement slower than CW_DEBUG_SQL_MS (default 100) ms with its duration
 * and the process's peak RSS so far (stderr), cut to CW_DEBUG_SQL_LEN (default 160) characters.
 */
const debugSql = typeof process !== 'undefined' && process.env.CW_DEBUG_SQL === '1';
const debugSqlMs = debugSql ? Number(process.env.CW_DEBUG_SQL_MS ?? 100) : Infinity;
const debugSqlLength = Number(process.env.CW_DEBUG_SQL_LEN ?? 160);
function logSlow(sql: string, started: number): void {
  if (!debugSql) return;
  const ms = performance.now() - started;
  if (ms >= debugSqlMs) {
    const rss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
    process.stderr.write(`[sql ${ms.toFixed(0)} ms, peak RSS ${rss} MB] ${sql.replace(/\s+/g, ' ').trim().slice(0, debugSqlLength)}\n`);
  }
}

function toPlain(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = plainValue(value);
  return out;
}

function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plainValue);
  return value;
}
