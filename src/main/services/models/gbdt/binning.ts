/**
 * Quantile binning of the training features. Bin 0 of every feature holds the missing values (NaN);
 * bins 1..B hold the values, bin b = 1 + the number of edges strictly below the value, so
 * "bin <= t" is exactly "value <= edges[t - 1]" — the threshold a tree stores and predicts with.
 */
import { sortFloat32 } from './radixSort';

export interface BinnedFeatures {
  /**
   * n × d histogram slots, row-major (a row's features sit together: histograms walk rows): the slot
   * of row i, feature f is offset[f] + its bin, so the hot loop needs no per-feature offset.
   */
  slots: Uint16Array | Uint32Array;
  /** Per feature, its B − 1 ascending edges (empty for a constant or all-missing feature). */
  edges: Float64Array[];
  /** Per feature, its number of value bins B (0 when every value is missing). */
  valueBins: Int32Array;
  /** Histogram slot of feature f's bin b is offset[f] + b; offset[d] is the number of slots (Σ (B + 1)). */
  offset: Int32Array;
}

export function binFeatures(x: Float32Array, n: number, d: number, maxBins: number): BinnedFeatures {
  const edges: Float64Array[] = [];
  const valueBins = new Int32Array(d);
  const column = new Float32Array(n);
  const scratch = new Uint32Array(n);
  for (let f = 0; f < d; f++) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i * d + f];
      if (v === v) column[m++] = v;
    }
    const sorted = column.subarray(0, m);
    sortFloat32(sorted, scratch);
    const e = quantileEdges(sorted, maxBins);
    edges.push(e);
    valueBins[f] = m === 0 ? 0 : e.length + 1;
  }
  const offset = new Int32Array(d + 1);
  for (let f = 0; f < d; f++) offset[f + 1] = offset[f] + valueBins[f] + 1;
  // Row by row, so x and slots are both read and written in order.
  const slots = offset[d] <= 65536 ? new Uint16Array(n * d) : new Uint32Array(n * d);
  for (let s = 0; s < n * d; s += d) for (let f = 0; f < d; f++) slots[s + f] = offset[f] + binOf(edges[f], x[s + f]);
  return { slots, edges, valueBins, offset };
}

/** 0 for NaN, else 1 + the index of the first edge >= v (binary search). */
export function binOf(edges: Float64Array, v: number): number {
  if (v !== v) return 0;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo + 1;
}

/**
 * At most maxBins − 1 edges over the sorted non-missing values. With no more distinct values than
 * bins, one bin per value; otherwise greedy equal-count bins over the distinct values, so a value
 * shared by many rows never straddles two bins. Edges lie between two distinct neighbours.
 */
export function quantileEdges(sorted: Float32Array | Float64Array, maxBins: number): Float64Array {
  const m = sorted.length;
  const values = new Float64Array(m);
  const counts = new Int32Array(m);
  let distinct = 0;
  for (let i = 0; i < m; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) counts[distinct - 1]++;
    else {
      values[distinct] = sorted[i];
      counts[distinct++] = 1;
    }
  }
  const out: number[] = [];
  if (distinct <= maxBins) {
    for (let j = 0; j + 1 < distinct; j++) out.push(between(values[j], values[j + 1]));
    return Float64Array.from(out);
  }
  let binsLeft = maxBins;
  let rest = m;
  let acc = 0;
  for (let j = 0; j + 1 < distinct && binsLeft > 1; j++) {
    acc += counts[j];
    if (acc * binsLeft >= rest) {
      out.push(between(values[j], values[j + 1]));
      rest -= acc;
      acc = 0;
      binsLeft--;
    }
  }
  return Float64Array.from(out);
}

/** An edge e with a <= e < b, finite: the midpoint, or a stand-in where an infinity makes it infinite. */
function between(a: number, b: number): number {
  const mid = a / 2 + b / 2;
  if (Number.isFinite(mid)) return mid;
  if (a === -Infinity && b === Infinity) return 0;
  return b === Infinity ? a : -Number.MAX_VALUE;
}
