/** The project's tables. Column names are the product's own; the L.POINT mapping lives in the importer. */
export { SCHEMA_VERSION } from './migrations';

export const DATA_TABLES = ['customers', 'products', 'branches', 'purchases', 'services', 'payments'] as const;
export type DataTable = (typeof DATA_TABLES)[number];
