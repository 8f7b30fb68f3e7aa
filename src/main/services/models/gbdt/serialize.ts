import { GBDT_FORMAT, GBDT_VERSION, type GbdtModel, type GbdtStopReason } from './model';
import { resolveGbdtOptions, type GbdtOptions } from './options';
import type { GbdtTree } from './tree';

/** A saved model that cannot be used: not JSON, another format or version, or inconsistent trees. */
export class GbdtModelError extends Error {
  override name = 'GbdtModelError';
}

/**
 * The model as JSON text (for the project's models/ folder). Typed arrays become plain arrays;
 * a threshold of +Infinity ("value present / missing" split) is written as null. Numbers round-trip
 * exactly, so a reloaded model scores identically.
 */
export function toJSON(model: GbdtModel): string {
  return JSON.stringify({
    format: GBDT_FORMAT,
    version: GBDT_VERSION,
    objective: model.objective,
    numClass: model.numClass,
    numFeatures: model.numFeatures,
    treesPerRound: model.treesPerRound,
    baseScore: [...model.baseScore],
    options: model.options,
    training: model.training,
    trees: model.trees.map((t) => ({
      feature: [...t.feature],
      threshold: [...t.threshold].map((v) => (v === Infinity ? null : v)),
      defaultLeft: [...t.defaultLeft],
      left: [...t.left],
      right: [...t.right],
      gain: [...t.gain],
      leafValue: [...t.leafValue],
      leafCount: [...t.leafCount],
    })),
  });
}

/** Reads a model written by toJSON, checking every field; throws GbdtModelError saying what is wrong. */
export function fromJSON(json: string): GbdtModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new GbdtModelError(`Not a GBDT model: the file is not valid JSON (${(e as Error).message})`);
  }
  const o = record(raw, 'the model');
  if (o.format !== GBDT_FORMAT) throw new GbdtModelError(`Not a GBDT model: format is ${JSON.stringify(o.format)}, expected "${GBDT_FORMAT}"`);
  if (o.version !== GBDT_VERSION) throw new GbdtModelError(`Incompatible GBDT model: version ${JSON.stringify(o.version)}, this app reads version ${GBDT_VERSION}`);
  const objective = o.objective;
  if (objective !== 'binary' && objective !== 'multiclass') fail(`objective ${JSON.stringify(objective)} is neither "binary" nor "multiclass"`);
  const numClass = int(o.numClass, 'numClass', 2);
  if (objective === 'binary' && numClass !== 2) fail(`numClass ${numClass} with the binary objective`);
  const numFeatures = int(o.numFeatures, 'numFeatures', 1);
  const treesPerRound = int(o.treesPerRound, 'treesPerRound', 1);
  if (treesPerRound !== (objective === 'binary' ? 1 : numClass)) fail(`treesPerRound ${treesPerRound} does not fit ${objective} with ${numClass} classes`);
  const baseScore = Float64Array.from(numbers(o.baseScore, 'baseScore', treesPerRound));
  let options;
  try {
    options = resolveGbdtOptions(record(o.options, 'options') as GbdtOptions, numClass - 1);
  } catch (e) {
    throw new GbdtModelError(`Invalid GBDT model: options: ${(e as Error).message}`);
  }
  if (options.objective !== objective || options.numClass !== numClass) fail('options disagree with the model’s objective or numClass');
  if (!Array.isArray(o.trees)) fail('trees is not an array');
  const trees = (o.trees as unknown[]).map((t, i) => readTree(t, `trees[${i}]`, numFeatures));
  if (trees.length % treesPerRound !== 0) fail(`${trees.length} trees is not a whole number of rounds of ${treesPerRound}`);
  const tr = record(o.training, 'training');
  const roundsRun = int(tr.roundsRun, 'training.roundsRun', 0);
  const bestRound = int(tr.bestRound, 'training.bestRound', 0);
  if (bestRound !== trees.length / treesPerRound || bestRound > roundsRun) fail(`training.bestRound ${bestRound} does not match ${trees.length} trees`);
  const stopReason = tr.stopReason as GbdtStopReason;
  if (!['rounds', 'earlyStopping', 'cancelled'].includes(stopReason)) fail(`training.stopReason ${JSON.stringify(stopReason)} is unknown`);
  const trainLoss = losses(tr.trainLoss, 'training.trainLoss', roundsRun);
  const validLoss = tr.validLoss === null ? null : losses(tr.validLoss, 'training.validLoss', roundsRun);
  return { objective, numClass, numFeatures, treesPerRound, baseScore, trees, options, training: { roundsRun, bestRound, stopReason, trainLoss, validLoss } };
}

function fail(message: string): never {
  throw new GbdtModelError(`Invalid GBDT model: ${message}`);
}

function record(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(`${what} is not an object`);
  return v as Record<string, unknown>;
}

function int(v: unknown, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(`${what} = ${JSON.stringify(v)} is not an integer in ${min}..${max}`);
  return v;
}

function array(v: unknown, what: string, length: number): unknown[] {
  if (!Array.isArray(v)) fail(`${what} is not an array`);
  if (v.length !== length) fail(`${what} has ${v.length} entries, expected ${length}`);
  return v;
}

function numbers(v: unknown, what: string, length: number): number[] {
  const a = array(v, what, length);
  a.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(`${what}[${i}] = ${JSON.stringify(x)} is not a finite number`);
  });
  return a as number[];
}

/** Loss histories: JSON writes a NaN loss as null; read it back as NaN. */
function losses(v: unknown, what: string, length: number): number[] {
  return array(v, what, length).map((x, i) => {
    if (x === null) return NaN;
    if (typeof x !== 'number') fail(`${what}[${i}] is not a number`);
    return x;
  });
}

function readTree(v: unknown, what: string, numFeatures: number): GbdtTree {
  const t = record(v, what);
  if (!Array.isArray(t.feature)) fail(`${what}.feature is not an array`);
  const m = t.feature.length;
  const feature = Int32Array.from(array(t.feature, `${what}.feature`, m).map((f, i) => int(f, `${what}.feature[${i}]`, 0, numFeatures - 1)));
  const threshold = Float64Array.from(
    array(t.threshold, `${what}.threshold`, m).map((x, i) => {
      if (x === null) return Infinity;
      if (typeof x !== 'number' || !Number.isFinite(x)) fail(`${what}.threshold[${i}] = ${JSON.stringify(x)} is not a number`);
      return x;
    }),
  );
  const defaultLeft = Uint8Array.from(array(t.defaultLeft, `${what}.defaultLeft`, m).map((b, i) => int(b, `${what}.defaultLeft[${i}]`, 0, 1)));
  const left = Int32Array.from(array(t.left, `${what}.left`, m).map((c, i) => int(c, `${what}.left[${i}]`, -(m + 1), m - 1)));
  const right = Int32Array.from(array(t.right, `${what}.right`, m).map((c, i) => int(c, `${what}.right[${i}]`, -(m + 1), m - 1)));
  // A proper binary tree: each internal node but the root, and each of the m + 1 leaves, has exactly
  // one parent, and a child node comes after its parent (so scoring always reaches a leaf).
  const seenNode = new Uint8Array(m);
  const seenLeaf = new Uint8Array(m + 1);
  if (m === 0) seenLeaf[0] = 1; // a tree that never split is its one leaf
  for (let node = 0; node < m; node++) {
    for (const child of [left[node], right[node]]) {
      if (child >= 0 ? child <= node || seenNode[child]++ : seenLeaf[~child]++) fail(`${what}: node ${node} has an impossible child ${child}`);
    }
  }
  if (seenNode.some((s, i) => i > 0 && !s) || seenLeaf.some((s) => !s)) fail(`${what}: some node or leaf is unreachable`);
  const gain = Float64Array.from(numbers(t.gain, `${what}.gain`, m));
  const leafValue = Float64Array.from(numbers(t.leafValue, `${what}.leafValue`, m + 1));
  const leafCount = Int32Array.from(array(t.leafCount, `${what}.leafCount`, m + 1).map((c, i) => int(c, `${what}.leafCount[${i}]`, 0, 2 ** 31 - 1)));
  return { feature, threshold, defaultLeft, left, right, gain, leafValue, leafCount };
}
