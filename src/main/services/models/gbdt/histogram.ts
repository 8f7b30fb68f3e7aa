/**
 * Gradient/hessian histograms: for every feature and bin, the sums (G, H) and the row count of the
 * rows of one leaf, interleaved as [G, H, count] at 3 · (offset[f] + bin), where offset packs the
 * features' bins back to back (a 2-valued flag takes 3 slots, a 255-bin feature 256).
 */
export const SLOT = 3;

/**
 * Adds rows idx[begin..end) into a histogram that is zero on the listed features (all d when
 * `features` is null). The hot loop of training: no allocation, one pass over the rows. The two
 * cases are separate functions so that each stays monomorphic once V8 has optimised it.
 */
export function buildHistogram(
  hist: Float64Array,
  slots: Uint16Array | Uint32Array,
  d: number,
  idx: Int32Array,
  begin: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  features: Int32Array | null,
): void {
  if (features === null) buildAllFeatures(hist, slots, d, idx, begin, end, grad, hess);
  else buildSomeFeatures(hist, slots, d, idx, begin, end, grad, hess, features);
}

function buildAllFeatures(hist: Float64Array, slots: Uint16Array | Uint32Array, d: number, idx: Int32Array, begin: number, end: number, grad: Float64Array, hess: Float64Array): void {
  for (let j = begin; j < end; j++) {
    const i = idx[j];
    const g = grad[i];
    const h = hess[i];
    const last = i * d + d;
    for (let k = i * d; k < last; k++) {
      const s = slots[k] * SLOT;
      hist[s] += g;
      hist[s + 1] += h;
      hist[s + 2] += 1;
    }
  }
}

function buildSomeFeatures(
  hist: Float64Array,
  slots: Uint16Array | Uint32Array,
  d: number,
  idx: Int32Array,
  begin: number,
  end: number,
  grad: Float64Array,
  hess: Float64Array,
  features: Int32Array,
): void {
  const nf = features.length;
  for (let j = begin; j < end; j++) {
    const i = idx[j];
    const g = grad[i];
    const h = hess[i];
    const base = i * d;
    for (let k = 0; k < nf; k++) {
      const s = slots[base + features[k]] * SLOT;
      hist[s] += g;
      hist[s + 1] += h;
      hist[s + 2] += 1;
    }
  }
}

/** Zeroes the listed features' slots (all when `features` is null). */
export function clearHistogram(hist: Float64Array, offset: Int32Array, features: Int32Array | null): void {
  if (features === null) {
    hist.fill(0);
    return;
  }
  for (let k = 0; k < features.length; k++) hist.fill(0, offset[features[k]] * SLOT, offset[features[k] + 1] * SLOT);
}

/** parent −= child on the listed features: the histogram subtraction trick (a sibling's histogram without touching its rows). */
export function subtractHistogram(parent: Float64Array, child: Float64Array, offset: Int32Array, features: Int32Array | null): void {
  if (features === null) {
    for (let s = 0; s < parent.length; s++) parent[s] -= child[s];
    return;
  }
  for (let k = 0; k < features.length; k++) {
    const end = offset[features[k] + 1] * SLOT;
    for (let s = offset[features[k]] * SLOT; s < end; s++) parent[s] -= child[s];
  }
}
