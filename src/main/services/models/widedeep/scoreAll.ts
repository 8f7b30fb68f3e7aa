import type { SideFeatures } from '../recommend/sideFeatures';
import { TowerBatch } from '../ncf/towerBatch';
import { FeatureLookup } from './lookup';
import type { WideDeepModel } from './model';

/**
 * Every item's logit for one user at a time (the customers' lists, the time split), the same numbers
 * as the kernel's with less work: the first deep layer over the concatenated embeddings splits into a
 * user half (user id and user fields, once per user) and an item half (item id and item fields, once
 * per model); the wide part's item terms are summed once per item and its crosses once per user and
 * value of the crossed item field. An item then costs its later layers only.
 */
export function wideDeepAllItems(model: WideDeepModel, features: SideFeatures): (user: number, out: Float32Array) => void {
  const lookup = new FeatureLookup(model, features);
  const T = lookup.tables;
  const W = lookup.wideTerms;
  const { dim, items, dense, embeddings, wide } = model;
  const first = dense[0];
  const n1 = first.nOut;
  const nIn = first.nIn;
  const Fu = model.userFields.length;
  // Table slots in the concatenation: 0 user id, 1 item id, 2..2+Fu user fields, then item fields.
  const isUserSlot = (t: number) => t === 0 || (t >= 2 && t < 2 + Fu);
  const rows = new Int32Array(T);
  const wideIdx = new Int32Array(W);
  const halfOf = (u: number, i: number, userSide: boolean, out: Float32Array, at: number) => {
    lookup.embeddingRows(u, i, rows, 0);
    for (let j = 0; j < n1; j++) {
      let s = userSide ? first.bias[j] : 0;
      const krow = j * nIn;
      for (let t = 0; t < T; t++) {
        if (isUserSlot(t) !== userSide) continue;
        const e = rows[t] * dim;
        const kcol = krow + t * dim;
        for (let d = 0; d < dim; d++) s += first.kernel[kcol + d] * embeddings[e + d];
      }
      out[at + j] = s;
    }
  };
  // Item halves and the wide item terms (blocks 0..Fi: item id and item fields), computed with user 0.
  const Fi = model.itemFields.length;
  const itemPart = new Float32Array(items * n1);
  const itemWide = new Float32Array(items);
  for (let i = 0; i < items; i++) {
    halfOf(0, i, false, itemPart, i * n1);
    lookup.wideIndices(0, i, wideIdx, 0);
    let s = 0;
    for (let w = 0; w <= Fi; w++) s += wide[wideIdx[w]];
    itemWide[i] = s;
  }
  // The crossed item field's value per item, and a representative item per value (for the cross terms).
  const cross = model.crossField === null ? -1 : model.itemFields.indexOf(model.crossField);
  const crossCard = cross < 0 ? 0 : model.itemCardinality[cross];
  const crossOf = new Int32Array(items);
  const example = new Int32Array(crossCard).fill(-1);
  if (cross >= 0) {
    for (let i = 0; i < items; i++) {
      const c = features.item.codes[i * Fi + cross];
      crossOf[i] = c;
      if (example[c] < 0) example[c] = i;
    }
  }
  const userPart = new Float32Array(n1);
  const crossSum = new Float32Array(crossCard);
  const itemPartT = new Float64Array(n1 * items);
  for (let i = 0; i < items; i++) for (let j = 0; j < n1; j++) itemPartT[j * items + i] = itemPart[i * n1 + j];
  const tower = new TowerBatch(dense.slice(1), items);
  const last = dense[dense.length - 1].nOut;
  const wOut = model.output.kernel;
  const bias = model.output.bias[0];
  return (user, out) => {
    halfOf(user, 0, true, userPart, 0);
    for (let c = 0; c < crossCard; c++) {
      if (example[c] < 0) continue;
      lookup.wideIndices(user, example[c], wideIdx, 0);
      let s = 0;
      for (let w = Fi + 1; w < W; w++) s += wide[wideIdx[w]];
      crossSum[c] = s;
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
    for (let i = 0; i < items; i++) out[i] = bias + itemWide[i] + (cross >= 0 ? crossSum[crossOf[i]] : 0);
    for (let j = 0; j < last; j++) {
      const w = wOut[j];
      const row = j * items;
      for (let i = 0; i < items; i++) out[i] += w * top[row + i];
    }
  };
}
