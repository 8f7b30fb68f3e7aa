import type { Catalog } from './catalog';
import type { Demographics } from './customers';
import { LIFE_STAGES, PARAMS, type ArchetypeSpec } from './params';
import { cumulative, pick, type Rng } from './random';

/**
 * A customer's product-level taste, drawn from their own `taste` stream (so every other stream
 * draws what it drew before): a preferred brand tier (value, standard, premium; ∝ the archetype's
 * tier probabilities), a first and a second favourite brand in every category (∝ brand share ^
 * favouriteShareTilt × tierBoost for brands of the preferred tier), and the life stages they are in
 * (baby, pet: P by age band × the archetype's multiplier). purchases.ts draws inside a category from
 * the favourite brands with probability brandLoyalty, and multiplies each category's taste by
 * `categoryFactor` (0 for the categories of a life stage the customer is not in).
 */
export interface PersonalTaste {
  tier: number;
  /** Per category: the first and second favourite brand (distinct). */
  first: Int8Array;
  second: Int8Array;
  /** Bit k set: the customer is in LIFE_STAGES[k]. */
  lifeStages: number;
  /** Per category: the multiplier on the customer's category taste. */
  categoryFactor: Float64Array;
}

export class TasteModel {
  /** favouriteCum[tier][category]: cumulative favourite-brand weights for a customer preferring that tier. */
  private readonly favouriteCum: Float64Array[][];
  /** Per life stage: the factor its categories get for customers in it (boost) and out of it (0), lean categories (leanBoost / 1). */
  private readonly inStage: Float64Array[];
  private readonly outStage: Float64Array[];

  constructor(readonly catalog: Catalog) {
    const T = PARAMS.taste;
    const { brands, categories } = catalog;
    this.favouriteCum = T.tiers.map((_, tier) =>
      categories.map((_, c) => cumulative(Array.from(brands.share[c], (s, b) => Math.pow(s, T.favouriteShareTilt) * (brands.tier[c][b] === tier ? T.tierBoost : 1)))),
    );
    const names = categories.map((c) => c.name);
    const index = (name: string) => {
      const c = names.indexOf(name);
      if (c < 0) throw new Error(`taste: no category ${name}`);
      return c;
    };
    this.inStage = [];
    this.outStage = [];
    for (const stage of LIFE_STAGES) {
      const spec = T.lifeStages[stage];
      const inside = new Float64Array(names.length).fill(1);
      const outside = new Float64Array(names.length).fill(1);
      for (const name of spec.categories) {
        inside[index(name)] = spec.boost;
        outside[index(name)] = 0;
      }
      for (const name of spec.lean) inside[index(name)] = spec.leanBoost;
      this.inStage.push(inside);
      this.outStage.push(outside);
    }
  }

  /** The life-stage probabilities of a customer of this age band and archetype. */
  static lifeStageProbabilities(age: number, spec: ArchetypeSpec): number[] {
    const T = PARAMS.taste;
    return LIFE_STAGES.map((stage) => Math.min(T.maxLifeStageShare, T.lifeStages[stage].byAge[age] * spec.lifeStages[stage]));
  }

  /** `rng` must be the customer's own `taste` stream. */
  draw(rng: Rng, demo: Pick<Demographics, 'age'>, spec: ArchetypeSpec): PersonalTaste {
    const n = this.catalog.categories.length;
    const tier = pick(cumulative(spec.tiers), rng.next());
    let lifeStages = 0;
    TasteModel.lifeStageProbabilities(demo.age, spec).forEach((p, k) => {
      if (rng.chance(p)) lifeStages |= 1 << k;
    });
    const first = new Int8Array(n);
    const second = new Int8Array(n);
    const cums = this.favouriteCum[tier];
    for (let c = 0; c < n; c++) {
      const cum = cums[c];
      const a = pick(cum, rng.next());
      let b = a;
      for (let tries = 0; tries < 16 && b === a; tries++) b = pick(cum, rng.next());
      if (b === a) b = (a + 1) % cum.length;
      first[c] = a;
      second[c] = b;
    }
    const categoryFactor = new Float64Array(n).fill(1);
    LIFE_STAGES.forEach((_, k) => {
      const f = lifeStages & (1 << k) ? this.inStage[k] : this.outStage[k];
      for (let c = 0; c < n; c++) categoryFactor[c] *= f[c];
    });
    return { tier, first, second, lifeStages, categoryFactor };
  }
}
