import type { LpointKind } from './lpointFiles';
import type { Encoding, PurchaseMapping } from './mapping';

/** Why a row was rejected. Every rejected row is kept in the `rejects` table with one of these. */
export const REJECT_REASONS = [
  'column_count',
  'bad_date',
  'bad_hour',
  'missing_customer',
  'bad_amount',
  'bad_count',
  'bad_channel',
  'unknown_chain',
  'unknown_product',
  'missing_key',
  'duplicate_key',
  'malformed',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** The data-quality report of one imported file. */
export interface FileQuality {
  importId: number;
  kind: LpointKind;
  file: string;
  sha256: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /**
   * Data lines that are neither loaded nor rejected: a quoted field spanning lines, or lines an
   * unterminated quote swallowed. Zero for well-formed L.POINT files.
   */
  linesUnaccounted: number;
  /** Empty lines in the file (skipped; the line numbers of the rows after them stay those of the file). */
  blankLines?: number;
  rejectsByReason: Partial<Record<RejectReason, number>>;
  /** Lines with a negative amount: kept and flagged `is_return`. */
  returns: number;
  /** Lines with an amount of exactly 0 (free items, vouchers): kept, not returns. */
  zeroAmount?: number;
  /** Loaded rows that repeat an earlier row exactly (possibly real: the same item twice in a basket). */
  duplicates: number;
  duplicatesDropped: number;
  /** The amount of the dropped duplicate lines (--drop-duplicates). */
  duplicatesAmountDropped?: number;
  /** Purchase files without an amount column (monetary is then lines or quantity). */
  noAmount?: boolean;
  /** Named attributes kept with each row (the file's own column names). */
  attributes?: string[];
  /** Customers or products taken from this file's own columns. */
  derived?: DerivedRows[];
  /** Master files imported with --append: valid rows whose key was already in the project (not added again). */
  keysSkipped?: number;
  dateMin: string | null;
  dateMax: string | null;
  seconds: number;
  /** Mapped purchase files: the date format used (inferred or given). */
  dateFormat?: string;
  /** Mapped purchase files: dates that looked wrong and were imported anyway (--accept-date-warnings). */
  dateWarnings?: string[];
}

/** Master rows derived from a purchase file: how many, and keys whose lines disagree on a column. */
export interface DerivedRows {
  table: 'customers' | 'products';
  rows: number;
  /** Per column: keys with more than one value in the file (the most frequent value was kept). */
  conflicts: { column: string; keys: number }[];
}

export interface ImportReport {
  project: string;
  files: FileQuality[];
  /** The six kinds that had no file in the folder. Reported, not fatal. */
  missing: LpointKind[];
  /** Files in the folder that are not L.POINT files, with why. */
  skipped: { file: string; reason: string }[];
  /** Mapped imports: the currency set on the project, given in the map or detected from the amount cells' sign. */
  currency?: { code: string; detected: boolean };
  /** Imports with --append: the project's rows deleted (--replace-dates) because a new file covers their dates. */
  replacedRows?: ReplacedRows[];
}

/** The rows of a table dated within a new file's range [from, to], deleted before the file's rows were written. */
export interface ReplacedRows {
  table: string;
  /** The new file whose range they fall in. */
  file: string;
  from: string;
  to: string;
  rows: number;
}

export interface TableCount {
  table: string;
  rows: number;
}

export interface ProjectInfo {
  project: string;
  tables: TableCount[];
  dateMin: string | null;
  dateMax: string | null;
  imports: FileQuality[];
  rejectsByReason: Partial<Record<RejectReason, number>>;
  /** Customers in the customer file with no purchase line. */
  customersWithoutPurchases: number;
  /** Purchase lines whose customer is not in the customer file. */
  purchasesOfUnknownCustomers: number;
  /** Distinct customers with a purchase line, receipts (distinct per customer), and the sum of amount (net of returns). */
  buyers: number;
  receipts: number;
  /** Rounded to the currency's digits; 0 when the data has no amounts. */
  totalAmount: number;
  /** The project's currency (ISO 4217), KRW by default. */
  currency: string;
  /** Whether the purchase lines have amounts: all, some (an import without), none. */
  amounts: 'all' | 'some' | 'none';
}

export interface RejectRow {
  importId: number;
  file: string;
  line: number | null;
  reason: RejectReason;
  detail: string | null;
  raw: string | null;
}

export interface RejectPage {
  total: number;
  offset: number;
  rows: RejectRow[];
}

/** The head of a file to import, as the mapping step shows it. */
export interface FilePreview {
  file: string;
  format: 'csv' | 'parquet';
  /** What the bytes look like (null for Parquet or when neither UTF-8 nor CP949). */
  encodingDetected: Encoding | null;
  /** What was used to decode the preview (the detected one unless overridden). */
  encoding: Encoding;
  /** Any single character, or 'whitespace' (runs of spaces or tabs); null for Parquet. */
  delimiter: string | null;
  header: string[];
  rows: string[][];
  guess: Partial<PurchaseMapping>;
  /**
   * Set when the header splits into one column: the delimiter was probably not detected (or the
   * chosen one is not the file's). One English sentence naming what was tried; the wizard words it
   * from `delimitersTried`.
   */
  delimiterNote?: string;
  /** The delimiters tried ('whitespace' for whitespace-aligned), given with `delimiterNote`. */
  delimitersTried?: string[];
}

/** The date column of a file as the import would read it: the wizard shows it before anything is imported. */
export interface DateColumnCheck {
  column: string;
  /** The format the import would use: the one asked for, or the inferred one; null when it must be chosen. */
  format: string | null;
  /** Day and month cannot be told apart: the formats to choose from, each with how it reads the data. */
  ambiguous: boolean;
  choices: { format: string; first: string | null; last: string | null }[];
  /** A value the choices read differently, and how each reads it. */
  example: { value: string; dates: { format: string; date: string }[] } | null;
  /** First and last day read with `format`. */
  first: string | null;
  last: string | null;
  /** English sentences: dates that look wrong with `format`. */
  warnings: string[];
  /** English: why this format, or what the question is, or which values fail. */
  reason: string;
  /** Non-empty values read (a sample spread over the whole file). */
  checked: number;
}

/** What `generate` wrote. */
export interface GenerateSummary {
  out: string;
  seed: number;
  year: number;
  customers: number;
  files: { kind: LpointKind; file: string; rows: number }[];
  duplicates: number;
  defects: number;
  seconds: number;
}

/** One row of the calibration table: a published fact of the real data against the generated value. */
export interface CalibrationFact {
  key: string;
  fact: string;
  unit: 'share' | 'count' | 'number';
  /** For size-dependent facts: scaled to this data's customer count. */
  published: number;
  publishedFullScale: number;
  generated: number;
  tolerance: { kind: 'absolute' | 'relative'; value: number };
  why: string;
  pass: boolean;
  sizeDependent: boolean;
}
