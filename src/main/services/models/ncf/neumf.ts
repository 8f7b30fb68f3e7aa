import { rngFor, type Rng } from '../../generator/random';
import { badInput } from '../recommend/input';
import { initNcfSide, sideWidth, type NcfSide, type NcfSideShape } from './side';

/**
 * The NCF models of He et al. (WWW 2017), as in the authors' Keras code (GMF.py, MLP.py, NeuMF.py):
 *   GMF:   p_u ⊙ q_i (factors wide)                                   → one sigmoid unit
 *   MLP:   [p'_u ; q'_i] (layers[0] wide) → ReLU dense layers[1..]     → one sigmoid unit
 *   NeuMF: [GMF vector ; last MLP layer]                               → one sigmoid unit
 * Separate embedding tables for the two towers. `layers[0]` is the concatenated MLP embedding,
 * so each MLP embedding is layers[0]/2 wide (the Keras code's convention). With a side part
 * (side.ts), the MLP tower's input is [p'_u ; q'_i ; side field embeddings], layers[0] + fields·dim wide.
 */
export type NcfModelKind = 'neumf' | 'gmf' | 'mlp';

/** A dense layer: kernel is nOut × nIn row-major (row j holds unit j's weights), bias nOut. */
export interface DenseLayer {
  nIn: number;
  nOut: number;
  kernel: Float32Array;
  bias: Float32Array;
}

export interface NcfModel {
  kind: NcfModelKind;
  users: number;
  items: number;
  /** GMF embedding width (0 for 'mlp'). */
  factors: number;
  /** MLP widths, layers[0] = concatenated embedding ([] for 'gmf'). */
  layers: number[];
  /** users × factors, items × factors (empty for 'mlp'). */
  gmfUser: Float32Array;
  gmfItem: Float32Array;
  /** users × layers[0]/2, items × layers[0]/2 (empty for 'gmf'). */
  mlpUser: Float32Array;
  mlpItem: Float32Array;
  /** The MLP's ReLU layers, layers[l] → layers[l+1] (dense[0].nIn = mlpInputWidth: layers[0] plus the side part). */
  dense: DenseLayer[];
  /** The prediction unit over [GMF vector ; last MLP layer]. */
  output: DenseLayer;
  /** Side-field embeddings in the MLP tower's input (absent: ids only; never for 'gmf'). */
  side?: NcfSide;
}

export interface NcfShape {
  kind: NcfModelKind;
  users: number;
  items: number;
  factors: number;
  layers: readonly number[];
  /** Side features for the MLP tower (ignored for 'gmf', which has no side part). */
  side?: NcfSideShape;
}

/** Width of each MLP embedding (0 without the MLP tower). */
export const mlpEmbedding = (m: Pick<NcfModel, 'layers'>): number => (m.layers.length ? m.layers[0] / 2 : 0);

/** Width of the MLP tower's input: the concatenated id embedding and the side fields' embeddings. */
export const mlpInputWidth = (m: Pick<NcfModel, 'layers' | 'side'>): number => (m.layers.length ? m.layers[0] + sideWidth(m.side) : 0);

/** Width of the vector the prediction unit sees. */
export function predictiveWidth(shape: Pick<NcfShape, 'kind' | 'factors' | 'layers'>): number {
  const gmf = shape.kind === 'mlp' ? 0 : shape.factors;
  const mlp = shape.kind === 'gmf' ? 0 : shape.layers[shape.layers.length - 1];
  return gmf + mlp;
}

/**
 * A fresh model: embeddings N(0, 0.01²) (NCF's init_normal), ReLU layers Glorot-uniform with zero
 * bias (Keras' Dense default), the prediction unit LeCun-uniform (NeuMF.py's init='lecun_uniform').
 * Each tensor draws from its own seeded stream (a side part's tables too, so a model without one
 * draws exactly what it drew before side features existed).
 */
export function initNcfModel(shape: NcfShape, seed: number): NcfModel {
  const { kind, users, items } = shape;
  if (!(users > 0 && items > 0)) throw new Error(`initNcfModel: needs users and items (got ${users}, ${items})`);
  const factors = kind === 'mlp' ? 0 : shape.factors;
  const layers = kind === 'gmf' ? [] : [...shape.layers];
  if (kind !== 'mlp' && !(Number.isInteger(factors) && factors > 0)) throw new Error(`initNcfModel: factors must be a positive integer (got ${factors})`);
  if (kind !== 'gmf') {
    if (layers.length < 1 || layers.some((w) => !(Number.isInteger(w) && w > 0))) throw new Error(`initNcfModel: bad MLP layers [${layers}]`);
    if (layers[0] % 2) throw new Error(`initNcfModel: layers[0] (${layers[0]}) is the concatenated embedding and must be even`);
  }
  const normal = (n: number, stream: string) => {
    const rng = rngFor(seed, `ncf-init-${stream}`);
    const out = new Float32Array(n);
    for (let k = 0; k < n; k++) out[k] = 0.01 * rng.normal();
    return out;
  };
  const withSide = kind !== 'gmf' && shape.side !== undefined;
  // The side rows must pass through a ReLU layer: with layers = [w] the prediction unit sees layers[0] alone.
  if (withSide && layers.length < 2) throw badInput(`initNcfModel: side features need at least one MLP layer after the embedding (layers [${layers}])`);
  const side = withSide ? initNcfSide(shape.side!, seed) : undefined;
  const embedding = layers.length ? layers[0] / 2 : 0;
  const dense: DenseLayer[] = [];
  for (let l = 0; l + 1 < layers.length; l++) {
    const nIn = l === 0 ? layers[0] + sideWidth(side) : layers[l];
    const limit = Math.sqrt(6 / (nIn + layers[l + 1]));
    dense.push(uniformLayer(nIn, layers[l + 1], limit, rngFor(seed, 'ncf-init-dense', l)));
  }
  const width = predictiveWidth({ kind, factors, layers });
  return {
    kind,
    users,
    items,
    factors,
    layers,
    gmfUser: normal(users * factors, 'gmf-user'),
    gmfItem: normal(items * factors, 'gmf-item'),
    mlpUser: normal(users * embedding, 'mlp-user'),
    mlpItem: normal(items * embedding, 'mlp-item'),
    dense,
    output: uniformLayer(width, 1, Math.sqrt(3 / width), rngFor(seed, 'ncf-init-output')),
    ...(side ? { side } : {}),
  };
}

function uniformLayer(nIn: number, nOut: number, limit: number, rng: Rng): DenseLayer {
  const kernel = new Float32Array(nIn * nOut);
  for (let k = 0; k < kernel.length; k++) kernel[k] = (2 * rng.next() - 1) * limit;
  return { nIn, nOut, kernel, bias: new Float32Array(nOut) };
}
