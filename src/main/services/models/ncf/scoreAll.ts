import { mlpEmbedding, type NcfModel } from './neumf';

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
  const gw = new Float32Array(F);
  const widths = dense.map((d) => d.nOut);
  const bufA = new Float32Array(Math.max(1, ...widths));
  const bufB = new Float32Array(Math.max(1, ...widths));
  return (user, out) => {
    for (let f = 0; f < F; f++) gw[f] = model.gmfUser[user * F + f] * wOut[f];
    if (hasMlp) {
      const W = dense[0].kernel;
      const nIn = dense[0].nIn;
      const p = user * E;
      for (let j = 0; j < n1; j++) {
        let s = dense[0].bias[j];
        for (let k = 0; k < E; k++) s += W[j * nIn + k] * model.mlpUser[p + k];
        userPart[j] = s;
      }
    }
    for (let i = 0; i < items; i++) {
      let logit = bOut;
      const q = i * F;
      for (let f = 0; f < F; f++) logit += gw[f] * model.gmfItem[q + f];
      if (hasMlp) {
        let h = bufA;
        let next = bufB;
        const ip = i * n1;
        for (let j = 0; j < n1; j++) {
          const v = userPart[j] + itemPart[ip + j];
          h[j] = v > 0 ? v : 0;
        }
        let width = n1;
        for (let l = 1; l < dense.length; l++) {
          const { kernel, bias, nOut, nIn } = dense[l];
          for (let j = 0; j < nOut; j++) {
            let s = bias[j];
            const row = j * nIn;
            for (let k = 0; k < nIn; k++) s += kernel[row + k] * h[k];
            next[j] = s > 0 ? s : 0;
          }
          [h, next] = [next, h];
          width = nOut;
        }
        for (let j = 0; j < width; j++) logit += wOut[F + j] * h[j];
      }
      out[i] = 1 / (1 + Math.exp(-logit));
    }
  };
}
