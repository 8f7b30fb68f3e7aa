/** The project's tables. Column names are the product's own; the L.POINT mapping lives in the importer. */
export const SCHEMA_VERSION = 1;

export const DATA_TABLES = ['customers', 'products', 'branches', 'purchases', 'services', 'payments'] as const;
export type DataTable = (typeof DATA_TABLES)[number];

export const SCHEMA_SQL = `
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
INSERT INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}') ON CONFLICT DO NOTHING;
`;
