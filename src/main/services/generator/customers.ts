import { PARAMS } from './params';
import { cumulative, rngFor, weylIndex } from './random';

/**
 * The customer file: id, gender, age band, region. The marginal shares are the real file's
 * (params.ts) and are met to within one customer at any size: customer i takes element i of a
 * Weyl sequence per attribute (different irrational steps, so the attributes are independent).
 * Ids are ascending M + 9 digits, random inside equal slots.
 */
export interface Demographics {
  id: string;
  gender: number;
  age: number;
  region: number;
}

export const GENDERS = Object.keys(PARAMS.demographics.gender);
export const AGES = Object.keys(PARAMS.demographics.ages);
export const REGION_CODES = Object.keys(PARAMS.demographics.regions);

const genderCum = cumulative(GENDERS.map((g) => PARAMS.demographics.gender[g]));
const ageCum = cumulative(AGES.map((a) => PARAMS.demographics.ages[a]));
const regionCum = cumulative(REGION_CODES.map((r) => PARAMS.demographics.regions[r]));

export class CustomerFile {
  private readonly offsets: number[];
  private readonly slot: number;

  constructor(
    private readonly seed: number,
    readonly count: number,
  ) {
    const rng = rngFor(seed, 'demographics');
    this.offsets = [rng.next(), rng.next(), rng.next()];
    this.slot = Math.floor(999_999_999 / Math.max(1, count));
  }

  get(i: number): Demographics {
    const rng = rngFor(this.seed, 'customer-id', i);
    const id = `M${String(i * this.slot + rng.int(this.slot)).padStart(9, '0')}`;
    return {
      id,
      gender: weylIndex(i, 0.6180339887498949, this.offsets[0], genderCum),
      age: weylIndex(i, 0.41421356237309515, this.offsets[1], ageCum),
      region: weylIndex(i, 0.7320508075688772, this.offsets[2], regionCum),
    };
  }
}

export function demoLine(d: Demographics): string {
  return `${d.id},${GENDERS[d.gender]},${AGES[d.age]},${REGION_CODES[d.region]}\r\n`;
}
