import { rngFor } from '../../generator/random';
import { badInput, checkInteger } from '../recommend/input';
import type { FeatureBlock, SideFeatures } from '../recommend/sideFeatures';

/**
 * The optional side part of an MLP tower (NeuMF's or MLP's alone): one embedding table per side field
 * (recommend/sideFeatures.ts: categorical, code 0 = missing), whose rows join the id embeddings in the
 * tower's input, [p'_u ; q'_i ; e(user field 1) … ; e(item field 1) …]. GMF has none: its
 * element-wise product needs the two sides to be the same width, and the seed's side features are
 * about the pair's context, which the MLP tower is there to mix.
 */
export interface NcfSide {
  userFields: string[];
  itemFields: string[];
  /** Per field, values + 1 (code 0 included). */
  userCardinality: number[];
  itemCardinality: number[];
  /** Embedding width of every side table. */
  dim: number;
  /** The tables in input order: 'user.<field>' for each user field, then 'item.<field>'. */
  tables: NcfSideTable[];
  /** All tables stacked: rows × dim, row-major; table t's row r is row tables[t].offset + r. */
  embeddings: Float32Array;
}

/** A table's run of rows in NcfSide.embeddings (the layout of widedeep/model.ts's Segment). */
export interface NcfSideTable {
  name: string;
  offset: number;
  size: number;
}

/** What initNcfModel needs to build a side part: the features it will be trained on, and the tables' width. */
export interface NcfSideShape {
  features: SideFeatures;
  dim: number;
}

/** Standard deviation of the initial embeddings (NCF's init_normal, as the id tables). */
const EMBEDDING_STD = 0.01;

/** Columns the side part adds to the MLP tower's input. */
export const sideWidth = (side: NcfSide | undefined): number => (side ? side.tables.length * side.dim : 0);

const cardinalities = (b: FeatureBlock) => b.values.map((v) => v.length + 1);

/** A fresh side part: every table N(0, 0.01²) from its own seeded stream, so adding a field leaves the others' draws alone. */
export function initNcfSide(shape: NcfSideShape, seed: number): NcfSide {
  const { features, dim } = shape;
  checkInteger('NeuMF: the side embedding dimension', dim, 1, 1024);
  for (const [side, block] of [['user', features.user], ['item', features.item]] as const) {
    if (block.values.length !== block.names.length) throw badInput(`NeuMF: the ${side} features name ${block.names.length} fields but list values for ${block.values.length}.`);
  }
  const userFields = [...features.user.names];
  const itemFields = [...features.item.names];
  const userCardinality = cardinalities(features.user);
  const itemCardinality = cardinalities(features.item);
  const sizes: [string, number][] = [...userFields.map((n, f): [string, number] => [`user.${n}`, userCardinality[f]]), ...itemFields.map((n, f): [string, number] => [`item.${n}`, itemCardinality[f]])];
  let total = 0;
  const tables = sizes.map(([name, size]) => {
    const t = { name, offset: total, size };
    total += size;
    return t;
  });
  const embeddings = new Float32Array(total * dim);
  tables.forEach((t, k) => {
    const rng = rngFor(seed, 'ncf-init-side', k);
    for (let p = t.offset * dim, end = (t.offset + t.size) * dim; p < end; p++) embeddings[p] = EMBEDDING_STD * rng.normal();
  });
  return { userFields, itemFields, userCardinality, itemCardinality, dim, tables, embeddings };
}

/** A deep copy (combineTowers hands the MLP tower's side part to the NeuMF). */
export function copySide(side: NcfSide): NcfSide {
  return {
    userFields: [...side.userFields],
    itemFields: [...side.itemFields],
    userCardinality: [...side.userCardinality],
    itemCardinality: [...side.itemCardinality],
    dim: side.dim,
    tables: side.tables.map((t) => ({ ...t })),
    embeddings: side.embeddings.slice(),
  };
}
