/**
 * Adjusted Rand index (Hubert & Arabie 1985) of two labelings of the same rows: 1 for the same
 * partition (whatever the numbers), about 0 for independent ones, negative below chance. Computed from
 * the pair counts as scikit-learn's adjusted_rand_score: over the C(n, 2) pairs of rows, tp = together
 * in both, fp = together only in b, fn = together only in a, tn = apart in both;
 * ARI = 2(tp·tn − fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn)), and 1 when fp = fn = 0.
 * Labels are any numbers (not NaN); only which rows share one matters.
 */
import { badInput } from './input';

export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n) throw badInput(`adjustedRandIndex: the labelings differ in length (${n} and ${b.length}).`);
  if (n === 0) throw badInput('adjustedRandIndex: the labelings are empty; it needs at least one row.');
  const ia = dense(a, 'first');
  const ib = dense(b, 'second');
  const ka = ia.classes;
  const kb = ib.classes;
  const sizeA = new Float64Array(ka);
  const sizeB = new Float64Array(kb);
  for (let i = 0; i < n; i++) {
    sizeA[ia.ids[i]]++;
    sizeB[ib.ids[i]]++;
  }
  // Contingency counts n_ij: a dense table when small, else only the cells that occur.
  let together = 0;
  if (ka * kb <= 1 << 22) {
    const table = new Float64Array(ka * kb);
    for (let i = 0; i < n; i++) table[ia.ids[i] * kb + ib.ids[i]]++;
    for (let c = 0; c < table.length; c++) together += pairs(table[c]);
  } else {
    const cells = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = ia.ids[i] * kb + ib.ids[i];
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    for (const count of cells.values()) together += pairs(count);
  }
  let togetherA = 0;
  let togetherB = 0;
  for (let c = 0; c < ka; c++) togetherA += pairs(sizeA[c]);
  for (let c = 0; c < kb; c++) togetherB += pairs(sizeB[c]);
  const tp = together;
  const fn = togetherA - tp;
  const fp = togetherB - tp;
  const tn = pairs(n) - tp - fn - fp;
  if (fn === 0 && fp === 0) return 1;
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
}

const pairs = (m: number) => (m * (m - 1)) / 2;

/** The labels renumbered 0 … classes − 1 in order of appearance. */
function dense(labels: ArrayLike<number>, which: string): { ids: Int32Array; classes: number } {
  const map = new Map<number, number>();
  const ids = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (Number.isNaN(v)) throw badInput(`adjustedRandIndex: the ${which} labeling has NaN at row ${i}; labels must be numbers.`);
    let id = map.get(v);
    if (id === undefined) map.set(v, (id = map.size));
    ids[i] = id;
  }
  return { ids, classes: map.size };
}
