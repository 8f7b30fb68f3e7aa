import { keyedError } from '../../../shared/errors';
import type { Session } from '../db/database';

/**
 * How a project's storage grows: numbered migrations, each run once, in order, in its own
 * transaction, recorded in `meta.schema_version` and `schema_migrations`. A project made by an
 * earlier version opens and is upgraded; one made by a later version is refused untouched.
 * Never change a migration that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const V1 = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS imports (
  import_id INTEGER PRIMARY KEY, kind VARCHAR NOT NULL, file VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
  imported_at TIMESTAMP NOT NULL, report VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS customers (
  customer_id VARCHAR NOT NULL, gender VARCHAR, age_band VARCHAR, region VARCHAR, import_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS products (
  product_id VARCHAR NOT NULL, name VARCHAR, category VARCHAR, subcategory VARCHAR, import_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS branches (
  branch_id VARCHAR NOT NULL, chain VARCHAR, region VARCHAR, subregion VARCHAR, import_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS purchases (
  customer_id VARCHAR NOT NULL, receipt_id VARCHAR, channel TINYINT NOT NULL, chain VARCHAR NOT NULL,
  branch_id VARCHAR, product_id VARCHAR, date DATE NOT NULL, hour TINYINT NOT NULL, amount DOUBLE NOT NULL,
  quantity INTEGER NOT NULL, is_return BOOLEAN NOT NULL, import_id INTEGER NOT NULL, line BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS services (
  customer_id VARCHAR NOT NULL, receipt_id VARCHAR, chain VARCHAR NOT NULL, branch_id VARCHAR, channel TINYINT NOT NULL,
  date DATE NOT NULL, visit_date DATE, hour TINYINT NOT NULL, amount DOUBLE NOT NULL, is_return BOOLEAN NOT NULL,
  import_id INTEGER NOT NULL, line BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS payments (
  customer_id VARCHAR NOT NULL, receipt_id VARCHAR, chain VARCHAR NOT NULL, channel TINYINT NOT NULL, date DATE NOT NULL,
  hour TINYINT NOT NULL, amount DOUBLE NOT NULL, is_return BOOLEAN NOT NULL, import_id INTEGER NOT NULL, line BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS rejects (
  import_id INTEGER NOT NULL, file VARCHAR NOT NULL, line BIGINT, reason VARCHAR NOT NULL, detail VARCHAR, raw VARCHAR);
CREATE TABLE IF NOT EXISTS mappings (name VARCHAR PRIMARY KEY, spec VARCHAR NOT NULL, saved_at TIMESTAMP NOT NULL);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'data tables, imports, rejects, saved mappings', sql: V1 },
  {
    version: 2,
    name: 'run registry',
    sql: `
CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
CREATE TABLE runs (
  run_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, status VARCHAR NOT NULL, settings VARCHAR NOT NULL,
  seed BIGINT, data_fingerprint VARCHAR NOT NULL, backend VARCHAR, started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP, duration_s DOUBLE, metrics VARCHAR, artifacts VARCHAR, result_tables VARCHAR, error VARCHAR);`,
  },
  {
    version: 3,
    name: 'saved segment spec table owned by the schema',
    sql: `CREATE TABLE IF NOT EXISTS segment_spec (spec VARCHAR NOT NULL, computed_at VARCHAR NOT NULL);`,
  },
  {
    version: 4,
    name: 'optional amounts, named attributes of lines and customers, the project currency',
    sql: `
ALTER TABLE purchases ALTER COLUMN amount DROP NOT NULL;
ALTER TABLE purchases ADD COLUMN attributes MAP(VARCHAR, VARCHAR);
ALTER TABLE customers ADD COLUMN attributes MAP(VARCHAR, VARCHAR);
INSERT INTO meta VALUES ('currency', 'KRW') ON CONFLICT (key) DO NOTHING;`,
  },
  {
    version: 5,
    name: 'churn scores: every customer\'s current churn risk per scoring run',
    sql: `
CREATE TABLE IF NOT EXISTS churn_scores (
  run_id VARCHAR NOT NULL, model VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, risk DOUBLE NOT NULL,
  predicted VARCHAR, window_from DATE NOT NULL, window_to DATE NOT NULL, scored_at TIMESTAMP NOT NULL);`,
  },
  {
    version: 6,
    name: 'customer clusters: every clustered customer\'s cluster per clustering run',
    sql: `
CREATE TABLE IF NOT EXISTS customer_clusters (run_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, cluster INTEGER NOT NULL, name VARCHAR NOT NULL);`,
  },
  {
    version: 7,
    name: 'recommendations: every customer\'s top-K products per model of a recommendation run',
    sql: `
CREATE TABLE IF NOT EXISTS recommendations (
  run_id VARCHAR NOT NULL, model VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, rank INTEGER NOT NULL,
  product_id VARCHAR NOT NULL, score DOUBLE NOT NULL);`,
  },
  {
    version: 8,
    name: 'recommendations per chain: the chain of a per-chain run\'s list (NULL for one model over all chains)',
    sql: `ALTER TABLE recommendations ADD COLUMN chain VARCHAR;`,
  },
  {
    version: 9,
    name: 'churn score reasons: per customer, the features that push the risk up most (JSON; NULL for scores saved before)',
    sql: `ALTER TABLE churn_scores ADD COLUMN reasons VARCHAR;`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The version a project file is at: 0 for an empty file. */
export async function schemaVersion(db: Session): Promise<number> {
  const meta = await db.one<{ n: number }>(
    `SELECT count(*)::BIGINT AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'meta'`,
  );
  if (!meta?.n) return 0;
  const row = await db.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'schema_version'`);
  return row ? Number(row.value) : 0;
}

/** Brings a project file to SCHEMA_VERSION; returns the versions applied. */
export async function migrate(db: Session, dir: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const from = await schemaVersion(db);
  const latest = migrations[migrations.length - 1].version;
  if (from > latest) {
    throw keyedError(
      'BAD_FILE',
      `The project in ${dir} was made by a newer Campaign Workbench (storage version ${from}; this one knows up to ${latest}); update the app to open it.`,
      'projectTooNew',
      { folder: dir, version: from, latest },
    );
  }
  const applied: number[] = [];
  for (const m of migrations.filter((x) => x.version > from)) {
    await db.transaction(async () => {
      await db.run(m.sql);
      await db.run(`INSERT INTO meta VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [String(m.version)]);
      if (m.version >= 2) {
        await db.run(`INSERT INTO schema_migrations VALUES ($1, $2, now()::TIMESTAMP) ON CONFLICT DO NOTHING`, [m.version, m.name]);
      }
    });
    applied.push(m.version);
  }
  return applied;
}
