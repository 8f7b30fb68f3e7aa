import type { Calendar } from './calendar';
import type { Catalog } from './catalog';
import type { Demographics } from './customers';
import { PARAMS, RETAIL, type ArchetypeSpec, type HourBand } from './params';
import { cumulative, pick, type Rng } from './random';

/**
 * Latent shopper archetypes (PARAMS.archetypes): each customer belongs to one, drawn from the
 * customer's own `archetype` stream (so the other per-customer streams draw exactly the numbers they
 * would without archetypes), with probability ∝ share × age tilt × gender tilt. The archetype's
 * profile is precomputed once per calendar and catalog: the day weights with its weekday tilt, the
 * hour profiles per chain with its hour-band tilt, and the taste multiplier per category.
 */
export const ARCHETYPES: readonly ArchetypeSpec[] = PARAMS.archetypes.kinds;

/** The draw probabilities of the archetypes for a customer of this age band and gender (sum 1). */
export function archetypeProbabilities(demo: Pick<Demographics, 'age' | 'gender'>): Float64Array {
  const p = Float64Array.from(ARCHETYPES, (a) => a.share * a.age[demo.age] * a.gender[demo.gender]);
  const sum = p.reduce((s, x) => s + x, 0);
  for (let k = 0; k < p.length; k++) p[k] /= sum;
  return p;
}

/** The customer's archetype index; `rng` must be the customer's own `archetype` stream. */
export function drawArchetype(rng: Rng, demo: Pick<Demographics, 'age' | 'gender'>): number {
  return pick(cumulative(archetypeProbabilities(demo)), rng.next());
}

/** Multiplier per hour 0..23 from the archetype's hour-band multipliers. */
export function hourMultipliers(spec: ArchetypeSpec): Float64Array {
  const out = new Float64Array(24).fill(1);
  for (const [band, [first, last]] of Object.entries(PARAMS.archetypes.hourBands) as [HourBand, [number, number]][]) {
    for (let h = first; h !== (last + 1) % 24; h = (h + 1) % 24) out[h] = spec.hours[band];
  }
  return out;
}

export interface ArchetypeProfile {
  index: number;
  spec: ArchetypeSpec;
  /** Per day: the calendar weight × the archetype's weekday multiplier; and its sum over the year. */
  dayWeight: Float64Array;
  yearWeight: number;
  /** Per chain A01..A06: use-probability and weight multipliers. */
  chainUse: Float64Array;
  chainWeight: Float64Array;
  /** Per top category: the taste multiplier of its domain; favourite categories are drawn ∝ its power `favouriteTilt`. */
  taste: Float64Array;
  favouriteCum: Float64Array;
  /** Cumulative hour weights per chain (offline receipts) and for online receipts. */
  hourCum: Float64Array[];
  onlineHourCum: Float64Array;
}

export function buildArchetypeProfiles(cal: Calendar, catalog: Catalog): ArchetypeProfile[] {
  return ARCHETYPES.map((spec, index) => {
    const dayWeight = new Float64Array(cal.days);
    let yearWeight = 0;
    for (let d = 0; d < cal.days; d++) {
      dayWeight[d] = cal.weight[d] * spec.weekday[cal.weekday[d]];
      yearWeight += dayWeight[d];
    }
    const hours = hourMultipliers(spec);
    const tilt = (base: number[]) => cumulative(base.map((w, h) => w * hours[h]));
    const taste = Float64Array.from(catalog.categories, (cat) => spec.domains[cat.domain] ?? 1);
    return {
      index,
      spec,
      dayWeight,
      yearWeight,
      chainUse: Float64Array.from(RETAIL, (c) => spec.chainUse[c] ?? 1),
      chainWeight: Float64Array.from(RETAIL, (c) => spec.chainWeight[c] ?? 1),
      taste,
      favouriteCum: cumulative(taste.map((t) => Math.pow(t, PARAMS.archetypes.favouriteTilt))),
      hourCum: RETAIL.map((c) => tilt(PARAMS.chains.hours[c])),
      onlineHourCum: tilt(PARAMS.chains.onlineHours),
    };
  });
}
