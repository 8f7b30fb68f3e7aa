import { describe, expect, it } from 'vitest';
import { rngFor } from '../../src/main/services/generator/random';
import { initNcfModel, scoreNcf, type NcfModelKind } from '../../src/main/services/models/ncf';
import { ncfAllItems } from '../../src/main/services/models/ncf/scoreAll';

describe('NCF scores over the whole catalogue', () => {
  for (const kind of ['neumf', 'gmf', 'mlp'] as NcfModelKind[]) {
    it(`${kind}: every item's probability equals scoreNcf's for the same pairs`, () => {
      const model = initNcfModel({ kind, users: 7, items: 23, factors: 5, layers: [12, 8, 4] }, 3);
      // Spread the weights (a fresh init is near zero everywhere), so every layer and sign matters.
      const rng = rngFor(9, 'spread');
      for (const a of [model.gmfUser, model.gmfItem, model.mlpUser, model.mlpItem, ...model.dense.flatMap((d) => [d.kernel, d.bias]), model.output.kernel, model.output.bias]) {
        for (let k = 0; k < a.length; k++) a[k] = 0.4 * rng.normal();
      }
      const all = ncfAllItems(model);
      const out = new Float32Array(23);
      for (let u = 0; u < 7; u++) {
        all(u, out);
        const items = Int32Array.from({ length: 23 }, (_, i) => i);
        const expected = scoreNcf(model, new Int32Array(23).fill(u), items);
        for (let i = 0; i < 23; i++) expect(out[i]).toBeCloseTo(expected[i], 5);
        expect(new Set(Array.from(out, (v) => v.toFixed(6))).size).toBeGreaterThan(5);
      }
    });
  }
});
