import { expect } from 'vitest';
import { rngFor } from '../src/main/services/generator/random';
import type { RowGradient } from '../src/main/services/models/ncf/kernel';
import type { FeatureBlock } from '../src/main/services/models/recommend/sideFeatures';

/** Every element within `tolerance` of the reference, relative to the tensor's largest magnitude (gradient checks against TF.js). */
export function expectClose(name: string, ours: ArrayLike<number>, reference: ArrayLike<number>, tolerance = 1e-4): void {
  expect(ours.length, name).toBe(reference.length);
  let scale = 0;
  for (let k = 0; k < reference.length; k++) scale = Math.max(scale, Math.abs(reference[k]));
  expect(scale, `${name} is not trivially zero`).toBeGreaterThan(0);
  let worst = 0;
  for (let k = 0; k < reference.length; k++) worst = Math.max(worst, Math.abs(ours[k] - reference[k]) / scale);
  expect(worst, name).toBeLessThan(tolerance);
}

/** A block of categorical side fields with random codes (0 = missing included). */
export function randomBlock(names: string[], values: string[][], rows: number, seed: number): FeatureBlock {
  const rng = rngFor(seed, 'test-block');
  const codes = Int32Array.from({ length: rows * names.length }, (_, k) => rng.int(values[k % names.length].length + 1));
  return { names, values, codes };
}

/** A row gradient (the rows a batch touched) made dense over the table's `rows`, as TF.js reports it. */
export function denseRowGradient(g: RowGradient, rows: number): Float64Array {
  const out = new Float64Array(rows * g.dim);
  for (let k = 0; k < g.count; k++) for (let f = 0; f < g.dim; f++) out[g.rows[k] * g.dim + f] += g.grad[k * g.dim + f];
  return out;
}
