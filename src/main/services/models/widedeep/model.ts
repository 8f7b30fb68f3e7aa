import { rngFor, type Rng } from '../../generator/random';
import type { DenseLayer } from '../ncf/neumf';
import { badInput, checkInteger } from '../recommend/input';
import type { FeatureBlock, SideFeatures } from '../recommend/sideFeatures';

/**
 * Wide & Deep (Cheng et al., DLRS 2016) for implicit feedback: logit(u, i) = wide + deep + bias.
 *   wide: Σ of one weight per active one-hot — the item id (an item bias), each item field's value,
 *         and for every user field f the cross (item's crossField value × user's value of f);
 *   deep: embeddings (dim wide each) of user id, item id, each user field and each item field,
 *         concatenated → ReLU layers `hidden` → one linear unit.
 * Every field is categorical with code 0 = missing (see sideFeatures.ts); code 0 is one more value
 * here, with its own embedding row and wide weights.
 */
export interface WideDeepModel {
  users: number;
  items: number;
  userFields: string[];
  itemFields: string[];
  /** Per field, values + 1 (code 0 included). */
  userCardinality: number[];
  itemCardinality: number[];
  /** The item field crossed with every user field in the wide part; null = no crosses. */
  crossField: string | null;
  /** Embedding width of every table. */
  dim: number;
  /** Widths of the deep ReLU layers (at least one). */
  hidden: number[];
  /** The embedding tables in concatenation order: 'user', 'item', then user fields, then item fields. */
  tables: Segment[];
  /** All tables stacked: totalRows × dim, row-major; table t's row r is row tables[t].offset + r. */
  embeddings: Float32Array;
  /** The wide blocks: 'item', the item fields, then 'crossField×userField' (crossField value · userCardinality + user value). */
  wideBlocks: Segment[];
  /** All wide weights, block after block. */
  wide: Float32Array;
  /** dense[l]: widths[l] → widths[l+1] with widths = [tables·dim, ...hidden]. */
  dense: DenseLayer[];
  /** The unit over the last deep layer; its bias is the model's single bias (wide and deep share it). */
  output: DenseLayer;
}

/** A named run of rows (embedding tables) or weights (wide blocks) in a stacked array. */
export interface Segment {
  name: string;
  offset: number;
  size: number;
}

export interface WideDeepShape {
  users: number;
  items: number;
  features: SideFeatures;
  crossField: string | null;
  dim: number;
  hidden: readonly number[];
}

/** Standard deviation of the initial embeddings (NCF's init_normal). */
const EMBEDDING_STD = 0.01;

const cardinalities = (b: FeatureBlock) => b.values.map((v) => v.length + 1);

function stack(parts: [string, number][]): { segments: Segment[]; total: number } {
  let total = 0;
  const segments = parts.map(([name, size]) => {
    const s = { name, offset: total, size };
    total += size;
    return s;
  });
  return { segments, total };
}

/**
 * A fresh model: embeddings N(0, 0.01²), each table from its own seeded stream; wide weights and the
 * bias 0 (a linear model's usual start); ReLU layers and the output unit Glorot-uniform with zero bias.
 */
export function initWideDeepModel(shape: WideDeepShape, seed: number): WideDeepModel {
  const { users, items, features, crossField, dim } = shape;
  checkInteger('Wide & Deep: users', users, 1);
  checkInteger('Wide & Deep: items', items, 1);
  checkInteger('Wide & Deep: the embedding dimension', dim, 1, 1024);
  const hidden = [...shape.hidden];
  if (hidden.length < 1) throw badInput('Wide & Deep: the deep part needs at least one hidden layer.');
  hidden.forEach((w) => checkInteger('Wide & Deep: a hidden layer width', w, 1, 65536));
  const userFields = [...features.user.names];
  const itemFields = [...features.item.names];
  const userCardinality = cardinalities(features.user);
  const itemCardinality = cardinalities(features.item);
  const cross = crossField === null ? -1 : itemFields.indexOf(crossField);
  if (crossField !== null && cross < 0) throw badInput(`Wide & Deep: the cross field "${crossField}" is not an item feature (${itemFields.join(', ')}).`);

  const tables = stack([
    ['user', users],
    ['item', items],
    ...userFields.map((n, f): [string, number] => [`user.${n}`, userCardinality[f]]),
    ...itemFields.map((n, f): [string, number] => [`item.${n}`, itemCardinality[f]]),
  ]);
  const embeddings = new Float32Array(tables.total * dim);
  tables.segments.forEach((t, k) => {
    const rng = rngFor(seed, 'widedeep-init-embedding', k);
    for (let p = t.offset * dim, end = (t.offset + t.size) * dim; p < end; p++) embeddings[p] = EMBEDDING_STD * rng.normal();
  });
  const crossCard = cross < 0 ? 0 : itemCardinality[cross];
  const wide = stack([
    ['item', items],
    ...itemFields.map((n, f): [string, number] => [`item.${n}`, itemCardinality[f]]),
    ...(cross < 0 ? [] : userFields.map((n, f): [string, number] => [`${crossField}×${n}`, crossCard * userCardinality[f]])),
  ]);

  const widths = [tables.segments.length * dim, ...hidden];
  const dense = widths.slice(1).map((w, l) => glorotLayer(widths[l], w, rngFor(seed, 'widedeep-init-dense', l)));
  return {
    users,
    items,
    userFields,
    itemFields,
    userCardinality,
    itemCardinality,
    crossField: cross < 0 ? null : crossField,
    dim,
    hidden,
    tables: tables.segments,
    embeddings,
    wideBlocks: wide.segments,
    wide: new Float32Array(wide.total),
    dense,
    output: glorotLayer(widths[widths.length - 1], 1, rngFor(seed, 'widedeep-init-output')),
  };
}

/** Width of the concatenated embedding the deep part starts from. */
export const deepInputWidth = (m: Pick<WideDeepModel, 'tables' | 'dim'>): number => m.tables.length * m.dim;

function glorotLayer(nIn: number, nOut: number, rng: Rng): DenseLayer {
  const limit = Math.sqrt(6 / (nIn + nOut));
  const kernel = new Float32Array(nIn * nOut);
  for (let k = 0; k < kernel.length; k++) kernel[k] = (2 * rng.next() - 1) * limit;
  return { nIn, nOut, kernel, bias: new Float32Array(nOut) };
}
