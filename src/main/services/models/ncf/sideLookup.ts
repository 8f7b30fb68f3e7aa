import { checkFeatureBlock } from '../recommend/featureCheck';
import { badInput } from '../recommend/input';
import type { SideFeatures } from '../recommend/sideFeatures';
import type { NcfModel, NcfModelKind } from './neumf';
import type { NcfSide } from './side';

/** The model's name in messages. */
export const ncfLabel = (kind: NcfModelKind): string => (kind === 'neumf' ? 'NeuMF' : kind === 'mlp' ? 'NCF MLP' : 'GMF');

/**
 * Where a (user, item) pair's side rows are: the features' codes, checked once against the model
 * (names, rows × fields, codes within cardinality), so the kernels read them unchecked.
 */
export class NcfSideLookup {
  /** Side tables per pair (user fields + item fields). */
  readonly tables: number;
  readonly userFields: number;
  readonly itemFields: number;
  private readonly userCodes: Int32Array;
  private readonly itemCodes: Int32Array;
  private readonly offset: Int32Array;

  constructor(model: NcfModel & { side: NcfSide }, features: SideFeatures) {
    const { side } = model;
    const label = ncfLabel(model.kind);
    checkFeatureBlock(label, 'user', features.user, side.userFields, side.userCardinality, model.users);
    checkFeatureBlock(label, 'item', features.item, side.itemFields, side.itemCardinality, model.items);
    this.userCodes = features.user.codes;
    this.itemCodes = features.item.codes;
    this.userFields = side.userFields.length;
    this.itemFields = side.itemFields.length;
    this.tables = side.tables.length;
    this.offset = Int32Array.from(side.tables, (t) => t.offset);
  }

  /** The user's Fu stacked rows into out[at ..]. */
  userRows(u: number, out: Int32Array, at: number): void {
    const { userFields: Fu, userCodes, offset } = this;
    for (let f = 0, c = u * Fu; f < Fu; f++) out[at + f] = offset[f] + userCodes[c + f];
  }

  /** The item's Fi stacked rows into out[at ..]. */
  itemRows(i: number, out: Int32Array, at: number): void {
    const { userFields: Fu, itemFields: Fi, itemCodes, offset } = this;
    for (let f = 0, c = i * Fi; f < Fi; f++) out[at + f] = offset[Fu + f] + itemCodes[c + f];
  }
}

/**
 * The lookup a kernel or scorer of `model` needs: null for a model without a side part (features, if
 * any, are then ignored: GMF never has one), and a clear error for a side model given no features.
 */
export function sideLookup(model: NcfModel, features: SideFeatures | undefined, where: string): NcfSideLookup | null {
  const side = model.side;
  if (!side) return null;
  if (!features) {
    const fields = [...side.userFields, ...side.itemFields].join(', ');
    throw badInput(`${ncfLabel(model.kind)}: the model was trained with side features (${fields}); ${where} needs the same features.`);
  }
  return new NcfSideLookup({ ...model, side }, features);
}
