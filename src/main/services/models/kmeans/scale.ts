/**
 * Standardisation of the clustering features: z = (v − mean) / sd per column, fitted on the training
 * matrix and applied unchanged to new rows. sd is the population standard deviation (divide by n, as
 * scikit-learn's StandardScaler), computed in two passes.
 *
 * Optional log1p first, per named column (spend, counts: long right tails), so a few big spenders do
 * not become their own clusters; a log1p column must hold values > −1.
 *
 * Constant features: a column whose values are all equal (max = min, after log1p) has sd 0. Rule: it
 * is scaled to 0 for every row, the training rows and new rows alike (it cannot move a distance), its
 * sd is reported as 0 and its index is listed in constantFeatures. Never a division by 0, never NaN.
 */
import { badInput, checkMatrix } from './input';

export interface ScalerOptions {
  /** Column names, one per column (needed only to name log1p columns by name). */
  columns?: readonly string[];
  /** Columns transformed with log1p before standardising: names (from `columns`) or column indices. */
  log1p?: ReadonlyArray<string | number>;
}

/** What a fitted scaler is: plain data, so it can be saved and applied later with scaleRows. */
export interface ScalerParams {
  d: number;
  /** Per column: the mean of the (log1p'd where asked) training values. */
  means: Float64Array;
  /** Per column: the population sd of the training values; 0 for a constant column. */
  sds: Float64Array;
  /** Per column: 1 where log1p is applied before standardising. */
  log1p: Uint8Array;
  /** Indices of the constant columns, ascending: they scale to 0. */
  constantFeatures: number[];
  columns?: readonly string[];
}

export interface Scaler extends ScalerParams {
  /** The fitted scaling applied to new rows (row-major, a multiple of d values); returns a new array. */
  transform(rows: Float64Array): Float64Array;
}

/** Fits the standardisation on x (n × d, row-major, finite). Returns the parameters and `transform`. */
export function fitScaler(x: Float64Array, n: number, d: number, options: ScalerOptions = {}): Scaler {
  checkMatrix(x, n, d);
  const columns = options.columns;
  if (columns !== undefined && columns.length !== d) throw badInput(`columns gives ${columns.length} names, but the data has ${d} columns.`);
  const log1p = new Uint8Array(d);
  for (const c of options.log1p ?? []) {
    const f = typeof c === 'number' ? c : (columns?.indexOf(c) ?? -1);
    if (typeof c === 'number' && !(Number.isInteger(c) && c >= 0 && c < d)) throw badInput(`log1p names column ${c}, but columns are 0 to ${d - 1}.`);
    if (f < 0) throw badInput(columns ? `log1p names column "${c}", which is not among the columns.` : `log1p names column "${c}", but no column names were given.`);
    log1p[f] = 1;
  }

  const means = new Float64Array(d);
  const sds = new Float64Array(d);
  const min = new Float64Array(d).fill(Infinity);
  const max = new Float64Array(d).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const base = i * d;
    for (let f = 0; f < d; f++) {
      const v = log1p[f] ? logValue(x[base + f], i, f, columns) : x[base + f];
      means[f] += v;
      if (v < min[f]) min[f] = v;
      if (v > max[f]) max[f] = v;
    }
  }
  for (let f = 0; f < d; f++) means[f] /= n;
  for (let i = 0; i < n; i++) {
    const base = i * d;
    for (let f = 0; f < d; f++) {
      const t = (log1p[f] ? Math.log1p(x[base + f]) : x[base + f]) - means[f];
      sds[f] += t * t;
    }
  }
  const constantFeatures: number[] = [];
  for (let f = 0; f < d; f++) {
    // max = min, not sd = 0: the mean of n equal values may be off by a rounding error, and so the sd.
    if (max[f] === min[f]) {
      means[f] = min[f];
      sds[f] = 0;
      constantFeatures.push(f);
    } else {
      sds[f] = Math.sqrt(sds[f] / n);
    }
  }
  const params: ScalerParams = { d, means, sds, log1p, constantFeatures, ...(columns ? { columns } : {}) };
  return { ...params, transform: (rows: Float64Array) => scaleRows(params, rows) };
}

/** Applies fitted parameters to rows (row-major, a multiple of d values, finite; > −1 in log1p columns). */
export function scaleRows(params: ScalerParams, rows: Float64Array): Float64Array {
  const { d, means, sds, log1p, columns } = params;
  if (rows.length % d !== 0) throw badInput(`The rows hold ${rows.length} values, not a multiple of the ${d} columns.`);
  const m = rows.length / d;
  checkMatrix(rows, m, d, 'The rows to scale');
  const out = new Float64Array(rows.length);
  const inv = new Float64Array(d);
  for (let f = 0; f < d; f++) inv[f] = sds[f] === 0 ? 0 : 1 / sds[f];
  for (let i = 0; i < m; i++) {
    const base = i * d;
    for (let f = 0; f < d; f++) {
      if (inv[f] === 0) continue; // a constant column: 0 (the array starts at 0)
      const v = log1p[f] ? logValue(rows[base + f], i, f, columns) : rows[base + f];
      out[base + f] = (v - means[f]) * inv[f];
    }
  }
  return out;
}

function logValue(v: number, row: number, f: number, columns: readonly string[] | undefined): number {
  if (!(v > -1)) {
    const name = columns ? `"${columns[f]}"` : String(f);
    throw badInput(`Column ${name} is log1p-transformed, so its values must be greater than −1; row ${row} has ${v}.`);
  }
  return Math.log1p(v);
}
