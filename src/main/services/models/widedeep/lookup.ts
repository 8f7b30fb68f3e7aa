import { checkFeatureBlock } from '../recommend/featureCheck';
import type { SideFeatures } from '../recommend/sideFeatures';
import type { WideDeepModel } from './model';

/**
 * Which weights a (user, item) pair reads: its row in every embedding table (user id, item id, each
 * user field, each item field) and its active wide weights (item id, each item field, and the cross
 * of the item's crossField value with each user field). Checks once that the features fit the model.
 */
export class FeatureLookup {
  /** Embedding rows per pair (= the model's tables). */
  readonly tables: number;
  /** Wide weights per pair. */
  readonly wideTerms: number;
  private readonly userCodes: Int32Array;
  private readonly itemCodes: Int32Array;
  private readonly Fu: number;
  private readonly Fi: number;
  private readonly tableOffset: Int32Array;
  private readonly wideOffset: Int32Array;
  private readonly crossIndex: number;
  private readonly userCardinality: Int32Array;

  constructor(model: WideDeepModel, features: SideFeatures) {
    checkFeatureBlock('Wide & Deep', 'user', features.user, model.userFields, model.userCardinality, model.users);
    checkFeatureBlock('Wide & Deep', 'item', features.item, model.itemFields, model.itemCardinality, model.items);
    this.userCodes = features.user.codes;
    this.itemCodes = features.item.codes;
    this.Fu = model.userFields.length;
    this.Fi = model.itemFields.length;
    this.tables = model.tables.length;
    this.tableOffset = Int32Array.from(model.tables, (t) => t.offset);
    this.wideOffset = Int32Array.from(model.wideBlocks, (b) => b.offset);
    this.crossIndex = model.crossField === null ? -1 : model.itemFields.indexOf(model.crossField);
    this.wideTerms = model.wideBlocks.length;
    this.userCardinality = Int32Array.from(model.userCardinality);
  }

  /** Writes the pair's T stacked embedding rows into out[at .. at+T). */
  embeddingRows(u: number, i: number, out: Int32Array, at: number): void {
    const { Fu, Fi, tableOffset: o, userCodes, itemCodes } = this;
    out[at] = o[0] + u;
    out[at + 1] = o[1] + i;
    const uc = u * Fu;
    for (let f = 0; f < Fu; f++) out[at + 2 + f] = o[2 + f] + userCodes[uc + f];
    const ic = i * Fi;
    for (let f = 0; f < Fi; f++) out[at + 2 + Fu + f] = o[2 + Fu + f] + itemCodes[ic + f];
  }

  /** Writes the pair's wideTerms active wide weight indices into out[at .. at+wideTerms). */
  wideIndices(u: number, i: number, out: Int32Array, at: number): void {
    const { Fu, Fi, wideOffset: o, userCodes, itemCodes, crossIndex, userCardinality } = this;
    out[at] = o[0] + i;
    const ic = i * Fi;
    for (let f = 0; f < Fi; f++) out[at + 1 + f] = o[1 + f] + itemCodes[ic + f];
    if (crossIndex < 0) return;
    const c = itemCodes[ic + crossIndex];
    const uc = u * Fu;
    for (let f = 0; f < Fu; f++) out[at + 1 + Fi + f] = o[1 + Fi + f] + c * userCardinality[f] + userCodes[uc + f];
  }
}
