/**
 * The checks every clustering function runs on its input, and the error they throw: an AppError with
 * code BAD_ARGUMENT and one English sentence naming what to fix (the renderer switches on the code).
 */
import { AppError } from '../../../../shared/errors';

export function badInput(message: string): AppError {
  return new AppError('BAD_ARGUMENT', message);
}

/** A row-major n × d matrix: n ≥ 1 rows, d ≥ 1 columns, length n·d, every value finite (NaN and ±Infinity refused). */
export function checkMatrix(x: Float64Array, n: number, d: number, what = 'The data'): void {
  if (!(x instanceof Float64Array)) throw badInput(`${what} must be a Float64Array (row-major, n × d).`);
  if (!Number.isInteger(n) || n < 0) throw badInput(`${what}: the number of rows must be a whole number ≥ 0; got ${n}.`);
  if (n === 0) throw badInput(`${what} has no rows (n = 0); there is nothing to cluster.`);
  if (!Number.isInteger(d) || d < 1) throw badInput(`${what}: the number of columns must be a whole number ≥ 1; got ${d}.`);
  if (x.length !== n * d) throw badInput(`${what} holds ${x.length} values, but n × d = ${n} × ${d} = ${n * d}.`);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v - v !== 0) {
      throw badInput(
        `${what} has ${v} at row ${Math.floor(i / d)}, column ${i % d}; fill or drop missing and infinite values before clustering.`,
      );
    }
  }
}

/** An option that must be a whole number in [min, max]. */
export function checkInteger(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw badInput(`${name} must be a whole number ${range}; got ${value}.`);
  }
}

/** An option that must be a finite number ≥ min. */
export function checkNumber(name: string, value: number, min: number): void {
  if (!Number.isFinite(value) || value < min) throw badInput(`${name} must be a finite number ≥ ${min}; got ${value}.`);
}

/** One label per row, each a whole number ≥ 0; returns the largest label + 1. */
export function checkLabels(labels: ArrayLike<number>, n: number, what = 'labels'): number {
  if (labels.length !== n) throw badInput(`${what} has ${labels.length} values, but the data has ${n} rows.`);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (!Number.isInteger(c) || c < 0) throw badInput(`${what}[${i}] is ${c}; cluster labels must be whole numbers ≥ 0.`);
    if (c >= k) k = c + 1;
  }
  return k;
}

/**
 * How many distinct rows x holds, counting no further than `limit` (so a check "at least k distinct"
 * stops early on big data). Rows are hashed by their values (−0 and 0 alike), then compared exactly.
 */
export function countDistinctRows(x: Float64Array, n: number, d: number, limit: number): number {
  const buckets = new Map<number, number[]>();
  const cell = new Float64Array(1);
  const bits = new Uint32Array(cell.buffer);
  let distinct = 0;
  for (let i = 0; i < n && distinct < limit; i++) {
    const base = i * d;
    let h = 0x811c9dc5;
    for (let f = 0; f < d; f++) {
      cell[0] = x[base + f] + 0;
      h = Math.imul(h ^ bits[0], 0x01000193);
      h = Math.imul(h ^ bits[1], 0x01000193);
    }
    const bucket = buckets.get(h);
    if (bucket === undefined) {
      buckets.set(h, [i]);
      distinct++;
      continue;
    }
    let seen = false;
    for (const j of bucket) {
      let same = true;
      for (let f = 0; f < d && same; f++) same = x[j * d + f] === x[base + f];
      if (same) {
        seen = true;
        break;
      }
    }
    if (!seen) {
      bucket.push(i);
      distinct++;
    }
  }
  return distinct;
}
