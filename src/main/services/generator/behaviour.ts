import type { ArchetypeProfile } from './archetypes';
import type { Calendar } from './calendar';
import type { Catalog } from './catalog';
import type { Demographics } from './customers';
import { PARAMS, RETAIL, SERVICE } from './params';
import { cumulative, pick, type Rng } from './random';

/**
 * Per-customer latent traits, drawn from the customer's own random stream: whether they buy at
 * all, their receipt rate (lognormal: a few heavy buyers), basket-size multiplier, online
 * propensity, chain affinity, category taste (popularity × demographic tilt × personal noise ×
 * a few favourites), the dropout process and the late start, and the service / L.pay habits.
 * The customer's archetype (archetypes.ts) multiplies rate, basket, online propensity, chain use and
 * weights, category taste by domain, the weekday profile of activity, service use and L.pay adoption.
 */
export interface Traits {
  /** Index into ARCHETYPES. */
  archetype: number;
  buyer: boolean;
  /** Receipts per year when fully active. */
  rate: number;
  /** Standardised log rate (0 = median buyer). */
  rateZ: number;
  basket: number;
  online: number;
  /** Chain weights A01..A06 (0 = never). */
  chain: Float64Array;
  taste: Float64Array;
  /** Day of year the customer goes quiet, or -1. */
  dropoutDay: number;
  /** First active day (0 for most). */
  startDay: number;
  /** Cumulative activity weight per day (season × alive), and its share of the year's total. */
  dayCum: Float64Array;
  activeShare: number;
  lpayUser: boolean;
  payShare: number;
  serviceUser: boolean;
  serviceRows: number;
  serviceCum: Float64Array;
}

export function drawTraits(rng: Rng, demo: Demographics, cal: Calendar, catalog: Catalog, profile: ArchetypeProfile): Traits {
  const c = PARAMS.customers;
  const a = profile.spec;
  const buyer = !rng.chance(c.nonBuyerShare);
  const rateZ = rng.normal();
  const rate = Math.min(c.maxReceipts, a.rate * Math.exp(Math.log(c.receiptsMedian) + (rateZ < 0 ? c.receiptsSigmaLow : c.receiptsSigmaHigh) * rateZ));
  const basket = a.basket * Math.exp(c.basketSigma * rng.normal() + c.basketRateSlope * rateZ);
  const online = rng.lognormal(-(c.onlineSigma ** 2) / 2, c.onlineSigma) * c.onlineByAge[demo.age] * a.online;

  const chain = new Float64Array(RETAIL.length);
  let any = false;
  RETAIL.forEach((ch, k) => {
    if (rng.chance(Math.min(PARAMS.chains.maxUse, PARAMS.chains.use[ch] * profile.chainUse[k]))) {
      chain[k] = PARAMS.chains.weight[ch] * profile.chainWeight[k] * rng.gamma(PARAMS.chains.affinityShape);
      any = true;
    }
  });
  if (!any) chain[1] = 1; // everyone who buys uses the mart at least
  if (chain[5] > 0) chain[5] *= Math.min(3, online);

  const women = demo.gender === 0;
  const taste = new Float64Array(catalog.categories.length);
  catalog.categories.forEach((cat, k) => {
    const tilt = women ? cat.womenTilt : 1 / cat.womenTilt;
    taste[k] = Math.sqrt(tilt) * cat.age[demo.age] * profile.taste[k] * rng.lognormal(0, c.tasteSigma);
  });
  for (let f = 0; f < c.favourites; f++) taste[pick(profile.favouriteCum, rng.next())] *= c.favouriteBoost;

  // Dropout: more likely for light buyers; most of it in H2; activity fades before it.
  const d = PARAMS.dropout;
  let dropoutDay = -1;
  const pDrop = Math.min(0.9, d.share * Math.exp(-0.45 * rateZ - 0.1));
  if (buyer && rng.chance(pDrop)) {
    const half = Math.floor(cal.days / 2);
    dropoutDay = rng.chance(d.h2Share) ? half + rng.int(cal.days - half - 7) : 45 + rng.int(half - 45);
  }
  const startDay = buyer && dropoutDay < 0 && rng.chance(d.lateStartShare) ? 30 + rng.int(300) : 0;
  const dayCum = new Float64Array(cal.days);
  let sum = 0;
  for (let day = 0; day < cal.days; day++) {
    let alive = day < startDay ? 0 : 1;
    if (dropoutDay >= 0) {
      if (day >= dropoutDay) alive = 0;
      else if (day > dropoutDay - d.declineDays) alive = d.floor + ((1 - d.floor) * (dropoutDay - day)) / d.declineDays;
    }
    sum += profile.dayWeight[day] * alive;
    dayCum[day] = sum;
  }
  const activeShare = sum / profile.yearWeight;

  const l = PARAMS.lpay;
  const lpayUser = buyer && rng.chance(1 / (1 + Math.exp(-(l.intercept + a.lpay + l.rateSlope * rateZ + l.ageEffect[demo.age]))));
  const payShare = Math.min(0.9, (l.payShareMean * rng.gamma(l.payShareShape)) / l.payShareShape);

  const s = PARAMS.services;
  const serviceUser = rng.chance(s.userShare * a.service * (buyer ? 1.02 : 0.82));
  const serviceRows = serviceUser ? rng.lognormal(Math.log(s.rowsMean) - s.rowsSigma ** 2 / 2, s.rowsSigma) : 0;
  const serviceCum = cumulative(SERVICE.map((code) => s.chainShare[code] * s.ageTilt[code][demo.age] * rng.gamma(0.8)));

  return { archetype: profile.index, buyer, rate, rateZ, basket, online, chain, taste, dropoutDay, startDay, dayCum, activeShare, lpayUser, payShare, serviceUser, serviceRows, serviceCum };
}
