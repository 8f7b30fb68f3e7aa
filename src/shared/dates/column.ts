/** A column's values sampled, read with one format, and packed into sortable day-and-hour numbers. */
import { toIsoDate } from './calendar';
import type { DateReader } from './parse';

/** At most this many values are read (evenly spread over the column) unless the caller says otherwise. */
export const DEFAULT_SAMPLE_SIZE = 10_000;

export interface ColumnSample {
  /** The non-empty values read, in column order. */
  values: string[];
  /** Their 0-based positions in the column given. */
  indices: number[];
  /** Values in the column, and how many of them are empty or blank. */
  total: number;
  empty: number;
}

export function sampleColumn(column: readonly string[], size = DEFAULT_SAMPLE_SIZE): ColumnSample {
  const indices: number[] = [];
  column.forEach((v, i) => {
    if (v != null && v.trim() !== '') indices.push(i);
  });
  const empty = column.length - indices.length;
  const picked = indices.length <= size ? indices : Array.from({ length: size }, (_, k) => indices[Math.floor((k * indices.length) / size)]);
  if (picked.length && picked[picked.length - 1] !== indices[indices.length - 1]) picked[picked.length - 1] = indices[indices.length - 1];
  return { values: picked.map((i) => column[i]), indices: picked, total: column.length, empty };
}

/** y, m, d, hour as one number that sorts in time order (fits an Int32 for years 0–9999). */
export const pack = (out: Int32Array) => ((out[0] * 13 + out[1]) * 32 + out[2]) * 24 + out[3];

export function unpack(p: number): { y: number; m: number; d: number; hour: number } {
  const hour = p % 24;
  const day = (p - hour) / 24;
  const d = day % 32;
  const month = (day - d) / 32;
  const m = month % 13;
  return { y: (month - m) / 13, m, d, hour };
}

export function packedIso(p: number): string {
  const { y, m, d } = unpack(p);
  return toIsoDate(y, m, d);
}

export interface FailedValue {
  /** 0-based position in the column given. */
  index: number;
  value: string;
}

export interface ColumnReading {
  /** Packed day-and-hour per sampled value (0 where unreadable). */
  packed: Int32Array;
  failed: number;
  /** The first few values that failed. */
  failures: FailedValue[];
  /** False when reading stopped early (more than stopAfter failures): failed is then a lower bound. */
  complete: boolean;
}

export function readColumn(sample: ColumnSample, reader: DateReader, stopAfter = Infinity, keep = 5): ColumnReading {
  const { values, indices } = sample;
  const packed = new Int32Array(values.length);
  const out = new Int32Array(4);
  const failures: FailedValue[] = [];
  let failed = 0;
  for (let i = 0; i < values.length; i++) {
    if (reader(values[i], out)) {
      packed[i] = pack(out);
      continue;
    }
    failed++;
    if (failures.length < keep) failures.push({ index: indices[i], value: values[i] });
    if (failed > stopAfter) return { packed, failed, failures, complete: false };
  }
  return { packed, failed, failures, complete: true };
}
