import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rngFor } from '../../src/main/services/generator/random';
import { packModel, unpackModel } from '../../src/main/services/models/recommend/packedModel';
import { networkStem, readNetwork, writeNetwork } from '../../src/main/services/models/recommend/savedNetworks';
import type { SideFeatures } from '../../src/main/services/models/recommend/sideFeatures';
import { initWideDeepModel, wideDeepScorer, type WideDeepModel } from '../../src/main/services/models/widedeep';

const dir = mkdtempSync(join(tmpdir(), 'cw-networks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function features(users: number, items: number): SideFeatures {
  const rng = rngFor(3, 'saved-network-features');
  const codes = (rows: number, card: number[]) => Int32Array.from({ length: rows * card.length }, (_, k) => rng.int(card[k % card.length] + 1));
  return {
    user: { names: ['gender', 'age_band'], values: [['F', 'M'], ['20', '30', '40']], codes: codes(users, [2, 3]) },
    item: { names: ['category'], values: [['a', 'b', 'c', 'd']], codes: codes(items, [4]) },
  };
}

describe('saved networks', () => {
  it('packs typed arrays of every kind inside nested objects and arrays, and gives back equal, independent copies', () => {
    const model = {
      name: '한글 이름',
      n: 3,
      flag: true,
      nothing: null,
      layers: [{ w: Float32Array.of(0.1, -2.5e-8, 3.4e38), b: Float64Array.of(Math.PI) }, { w: new Float32Array(0), b: Float64Array.of(-0) }],
      codes: Int32Array.of(-7, 0, 2 ** 31 - 1),
      mask: Uint8Array.of(1, 0, 255),
    };
    const { json, bin } = packModel(model);
    expect(json).not.toContain('0.1'); // the weights are in the blob, not the text
    const back = unpackModel<typeof model>(json, bin);
    expect(back).toEqual(model);
    expect(back.layers[0].w).toBeInstanceOf(Float32Array);
    expect(back.codes).toBeInstanceOf(Int32Array);
    bin.fill(0);
    expect(back.layers[0].b[0]).toBe(Math.PI);
  });

  it('refuses what it cannot store: a non-finite setting, an unsupported array', () => {
    expect(() => packModel({ lr: Number.NaN })).toThrow(/finite/);
    expect(() => packModel({ a: new Int16Array(2) })).toThrow(/Int16Array/);
  });

  it('a Wide & Deep network written and read back scores every pair exactly as before', () => {
    const f = features(40, 25);
    const model = initWideDeepModel({ users: 40, items: 25, features: f, crossField: 'category', dim: 4, hidden: [8, 4] }, 9);
    // Weights away from their initial zeros so every part counts.
    const rng = rngFor(4, 'saved-network-weights');
    for (const a of [model.wide, model.output.bias, ...model.dense.map((l) => l.bias)]) for (let k = 0; k < a.length; k++) a[k] = rng.normal();
    const meta = { model: 'widedeep' as const, chain: 'A02', cluster: null, customers: Array.from({ length: 40 }, (_, u) => `C${u}`), products: Array.from({ length: 25 }, (_, i) => `P${i}`) };
    const files = writeNetwork(dir, meta, packModel({ model, features: f }));
    expect(files.map((p) => p.slice(dir.length + 1))).toEqual(['A02-widedeep.json', 'A02-widedeep.bin']);
    const saved = readNetwork<{ model: WideDeepModel; features: SideFeatures }>(files[0]);
    expect(saved).toMatchObject({ model: 'widedeep', chain: 'A02', cluster: null, customers: meta.customers, products: meta.products });
    const before = wideDeepScorer(model, f);
    const after = wideDeepScorer(saved.network.model, saved.network.features);
    const a = new Float32Array(25);
    const b = new Float32Array(25);
    for (const u of [0, 17, 39]) {
      before.scoreAll!(u, a);
      after.scoreAll!(u, b);
      expect(Array.from(b)).toEqual(Array.from(a));
    }
  });

  it('a damaged file is refused with the file named, not read as wrong weights', () => {
    const f = features(4, 3);
    const model = initWideDeepModel({ users: 4, items: 3, features: f, crossField: null, dim: 2, hidden: [2] }, 1);
    const [json, bin] = writeNetwork(dir, { model: 'widedeep', chain: null, cluster: 2, customers: ['a', 'b', 'c', 'd'], products: ['x', 'y', 'z'] }, packModel({ model, features: f }));
    expect(json.endsWith('cluster-2-widedeep.json')).toBe(true);
    truncateSync(bin, 8);
    expect(() => readNetwork(json)).toThrow(/past the end of the weights file/);
    writeFileSync(json, '{"format":"something else"}');
    expect(() => readNetwork(json)).toThrow(/not a saved network/);
    writeFileSync(json, '{"format":');
    expect(() => readNetwork(json)).toThrow(/cluster-2-widedeep\.json/);
  });

  it('names a part\'s files after its chain or cluster', () => {
    expect(networkStem('neumf', { chain: null, cluster: null })).toBe('neumf');
    expect(networkStem('neumf', { chain: 'A/01', cluster: null })).toBe('A_01-neumf');
    expect(networkStem('widedeep', { chain: 'A01', cluster: 0 })).toBe('cluster-0-widedeep');
  });
});
