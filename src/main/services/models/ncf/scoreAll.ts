import type { SideFeatures } from '../recommend/sideFeatures';
import { mlpEmbedding, type NcfModel } from './neumf';
import { sideLookup } from './sideLookup';
import { TowerBatch } from './towerBatch';

/**
 * Every item's predicted probability for one user at a time, for ranking the whole catalogue (the
 * customers' lists, the time split). The same numbers as scoreNcf, computed with less work: the first
 * MLP layer of [p'_u ; q'_i] splits into a user part (once per user) and an item part (once per model),
 * and the GMF vector's output weights fold into the user's factors, so an item costs its later layers.
 * With a side part, the user fields join the user half and the item fields the item half, so the
 * cost per item stays the same. A side model needs the features it was trained on.
 */
export function ncfAllItems(model: NcfModel, features?: SideFeatures): (user: number, out: Float32Array) => void {
  const { items, factors: F } = model;
  const E = mlpEmbedding(model);
  const dense = model.dense;
  const hasMlp = dense.length > 0 && E > 0;
  const n1 = hasMlp ? dense[0].nOut : 0;
  const lookup = sideLookup(model, features, 'scoring the whole catalogue');
  const side = model.side;
  const dim = side ? side.dim : 0;
  const Fu = lookup ? lookup.userFields : 0;
  const Fi = lookup ? lookup.itemFields : 0;
  const sideRows = new Int32Array(Math.max(Fu, Fi));
  // Σ_c W1[j, col + c] · e_row[c] over a run of side tables starting at column col (table by table).
  const sideSum = (j: number, nIn: number, col: number, count: number): number => {
    let s = 0;
    const emb = side!.embeddings;
    const W = dense[0].kernel;
    for (let t = 0; t < count; t++) {
      const w = j * nIn + col + t * dim;
      const e = sideRows[t] * dim;
      for (let c = 0; c < dim; c++) s += W[w + c] * emb[e + c];
    }
    return s;
  };
  // The first layer's item half: itemPart[i·n1 + j] = Σ_k W1[j, E + k] · q'_i[k] (+ the item fields' columns).
  const itemPart = new Float32Array(items * n1);
  if (hasMlp) {
    const W = dense[0].kernel;
    const nIn = dense[0].nIn;
    for (let i = 0; i < items; i++) {
      const q = i * E;
      if (lookup) lookup.itemRows(i, sideRows, 0);
      for (let j = 0; j < n1; j++) {
        let s = 0;
        const row = j * nIn + E;
        for (let k = 0; k < E; k++) s += W[row + k] * model.mlpItem[q + k];
        if (lookup) s += sideSum(j, nIn, 2 * E + Fu * dim, Fi);
        itemPart[i * n1 + j] = s;
      }
    }
  }
  const wOut = model.output.kernel;
  const bOut = model.output.bias[0];
  const userPart = new Float32Array(n1);
  // Feature-major copies: the item halves (n1 × items) and the GMF item factors (F × items).
  const itemPartT = new Float64Array(n1 * items);
  for (let i = 0; i < items; i++) for (let j = 0; j < n1; j++) itemPartT[j * items + i] = itemPart[i * n1 + j];
  const gmfItemT = new Float64Array(F * items);
  for (let i = 0; i < items; i++) for (let f = 0; f < F; f++) gmfItemT[f * items + i] = model.gmfItem[i * F + f];
  const tower = hasMlp ? new TowerBatch(dense.slice(1), items) : null;
  const last = hasMlp ? dense[dense.length - 1].nOut : 0;
  const logits = new Float64Array(items);
  return (user, out) => {
    logits.fill(bOut);
    for (let f = 0; f < F; f++) {
      const w = model.gmfUser[user * F + f] * wOut[f];
      const row = f * items;
      for (let i = 0; i < items; i++) logits[i] += w * gmfItemT[row + i];
    }
    if (tower) {
      const W = dense[0].kernel;
      const nIn = dense[0].nIn;
      const p = user * E;
      if (lookup) lookup.userRows(user, sideRows, 0);
      for (let j = 0; j < n1; j++) {
        let s = dense[0].bias[j];
        for (let k = 0; k < E; k++) s += W[j * nIn + k] * model.mlpUser[p + k];
        if (lookup) s += sideSum(j, nIn, 2 * E, Fu);
        userPart[j] = s;
      }
      const h = tower.input;
      for (let j = 0; j < n1; j++) {
        const u = userPart[j];
        const row = j * items;
        for (let i = 0; i < items; i++) {
          const v = u + itemPartT[row + i];
          h[row + i] = v > 0 ? v : 0;
        }
      }
      const top = tower.run();
      for (let j = 0; j < last; j++) {
        const w = wOut[F + j];
        const row = j * items;
        for (let i = 0; i < items; i++) logits[i] += w * top[row + i];
      }
    }
    for (let i = 0; i < items; i++) out[i] = 1 / (1 + Math.exp(-logits[i]));
  };
}
