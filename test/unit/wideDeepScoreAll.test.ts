import { describe, expect, it } from 'vitest';
import { rngFor } from '../../src/main/services/generator/random';
import type { SideFeatures } from '../../src/main/services/models/recommend/sideFeatures';
import { initWideDeepModel } from '../../src/main/services/models/widedeep';
import { WideDeepKernel } from '../../src/main/services/models/widedeep/kernel';
import { FeatureLookup } from '../../src/main/services/models/widedeep/lookup';
import { wideDeepAllItems } from '../../src/main/services/models/widedeep/scoreAll';

/** 6 users × 3 fields, 17 items × 2 fields (category with 4 values crossed), codes 0 (missing) included. */
function features(): SideFeatures {
  const rng = rngFor(4, 'features');
  const user = { names: ['gender', 'age_band', 'lpay'], values: [['F', 'M'], ['20', '30', '40'], ['no', 'yes']], codes: new Int32Array(6 * 3) };
  for (let k = 0; k < user.codes.length; k++) user.codes[k] = rng.int(user.values[k % 3].length + 1);
  const item = { names: ['category', 'chain'], values: [['a', 'b', 'c', 'd'], ['A01', 'A02']], codes: new Int32Array(17 * 2) };
  for (let k = 0; k < item.codes.length; k++) item.codes[k] = rng.int(item.values[k % 2].length + 1);
  return { user, item };
}

describe('Wide & Deep scores over the whole catalogue', () => {
  for (const crossField of ['category', null]) {
    it(`equal the kernel's logits for every (user, item) pair (crosses ${crossField ? 'on' : 'off'})`, () => {
      const f = features();
      const model = initWideDeepModel({ users: 6, items: 17, features: f, crossField, dim: 3, hidden: [7, 5, 4] }, 2);
      const rng = rngFor(8, 'spread');
      for (const a of [model.embeddings, model.wide, ...model.dense.flatMap((d) => [d.kernel, d.bias]), model.output.kernel, model.output.bias]) {
        for (let k = 0; k < a.length; k++) a[k] = 0.5 * rng.normal();
      }
      const kernel = new WideDeepKernel(model, new FeatureLookup(model, f), 64);
      const all = wideDeepAllItems(model, f);
      const out = new Float32Array(17);
      const expected = new Float32Array(17);
      const items = Int32Array.from({ length: 17 }, (_, i) => i);
      for (let u = 0; u < 6; u++) {
        all(u, out);
        kernel.logits(new Int32Array(17).fill(u), items, 17, expected);
        for (let i = 0; i < 17; i++) expect(out[i]).toBeCloseTo(expected[i], 4);
        expect(new Set(Array.from(out, (v) => v.toFixed(3))).size).toBeGreaterThan(10);
      }
    });
  }
});
