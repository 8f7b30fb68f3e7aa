import { mlpEmbedding, type NcfModel } from './neumf';
import { TowerBatch } from './towerBatch';

/**
 * Every item's predicted probability for one user at a time, for ranking the whole catalogue (the
 * customers' lists, the time split). The same numbers as scoreNcf, computed with less work: the first
 * MLP layer of [p'_u ; q'_i] splits into a user part (once per user) and an item part (once per model),
 * and the GMF vector's output weights fold into the user's factors, so an item costs its later layers.
 */
export function ncfAllItems(model: NcfModel): (user: number, out: Float32Array) => void {
  const { items, factors: F } = model;
  const E = mlpEmbedding(model);
  const dense = model.dense;
  const hasMlp = dense.length > 0 && E > 0;
  const n1 = hasMlp ? dense[0].nOut : 0;
  // The first layer's item half: itemPart[i·n1 + j] = Σ_k W1[j, E + k] · q'_i[k].
  const itemPart = new Float32Array(items * n1);
  if (hasMlp) {
    const W = dense[0].kernel;
    const nIn = dense[0].nIn;
    for (let i = 0; i < items; i++) {
      const q = i * E;
      for (let j = 0; j < n1; j++) {
        let s = 0;
        const row = j * nIn + E;
        for (let k = 0; k < E; k++) s += W[row + k] * model.mlpItem[q + k];
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
      for (let j = 0; j < n1; j++) {
        let s = dense[0].bias[j];
        for (let k = 0; k < E; k++) s += W[j * nIn + k] * model.mlpUser[p + k];
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
