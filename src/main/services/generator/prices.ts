import { PARAMS } from './params';
import { cumulative, pick, type Rng } from './random';

const small = PARAMS.pricePoints.small;
const large = PARAMS.pricePoints.large;
const smallCum = cumulative(small.map(([, w]) => w));
const largeCum = cumulative(large.map(([, w]) => w));

/**
 * Rounds a raw price to the price-point habit of Korean retail: 1,000 / 1,980 / 2,980 / 3,500 …
 * below 10,000 won, 12,000 / 12,900 / 19,800 above; 100,000 won and up in whole thousands.
 */
export function pricePoint(raw: number, rng: Rng): number {
  if (raw < 600) return Math.max(100, Math.round(raw / 100) * 100);
  if (raw < 10_000) {
    const thousands = Math.max(0, Math.floor(raw / 1000));
    const ending = small[pick(smallCum, rng.next())][0];
    const value = ending === '000' ? Math.max(1, Math.round(raw / 1000)) * 1000 : thousands * 1000 + Number(ending);
    return value < 500 ? 500 : value;
  }
  if (raw < 100_000) {
    const thousands = Math.floor(raw / 1000);
    const ending = large[pick(largeCum, rng.next())][0];
    return ending === '000' ? Math.round(raw / 1000) * 1000 : thousands * 1000 + Number(ending);
  }
  if (raw < 1_000_000) return Math.round(raw / 10_000) * 10_000 - (rng.chance(0.4) ? 1_000 : 0);
  return Math.round(raw / 100_000) * 100_000;
}
