/**
 * Every parameter of the sample-data generator, in one place. docs/sample-data.md explains each
 * mechanism; the numbers here were tuned so that the full-scale output (29,913 customers) matches
 * the published facts of the real competition data (CALIBRATION_FACTS.md) within the tolerances of
 * src/main/services/calibration. Change a number here, rerun the calibration.
 */

export const RETAIL = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06'] as const;
export type Retail = (typeof RETAIL)[number];
export const SERVICE = ['B01', 'C01', 'C02', 'D01', 'D02', 'E01'] as const;

/** Product domains: each top category belongs to one; domains set chain mix, price, repurchase interval, quantity. */
export const DOMAINS = ['fresh', 'staple', 'snack', 'drink', 'tobacco', 'household', 'fashion', 'beauty', 'electronics', 'living', 'tenant', 'voucher', 'service'] as const;
export type Domain = (typeof DOMAINS)[number];

export type HourBand = 'night' | 'morning' | 'midday' | 'afternoon' | 'evening';

/** One latent shopper archetype: who it is drawn for, and the multipliers it puts on the traits (1 = unchanged). */
export interface ArchetypeSpec {
  key: string;
  ko: string;
  en: string;
  /** Base share; the draw probability is ∝ share × age[age band] × gender[여성 0, 남성 1]. */
  share: number;
  age: number[];
  gender: [number, number];
  /** Receipt rate, basket-size and online-propensity multipliers. */
  rate: number;
  basket: number;
  online: number;
  /** Chain-use probability and chain-weight multipliers (missing chains 1). */
  chainUse: Partial<Record<Retail, number>>;
  chainWeight: Partial<Record<Retail, number>>;
  /** Day weight multipliers Mon..Sun, and hour-weight multipliers per band. */
  weekday: number[];
  hours: Record<HourBand, number>;
  /** Category taste multipliers by domain (missing domains 1). */
  domains: Partial<Record<Domain, number>>;
  /** Affiliate-service user share multiplier, and the shift of the L.pay adoption logit. */
  service: number;
  lpay: number;
  /** Probabilities of the customer's preferred brand tier (value, standard, premium), and multipliers on the life-stage probabilities. */
  tiers: [number, number, number];
  lifeStages: Record<LifeStage, number>;
}

/** Life stages that make a customer buy categories others never buy (PARAMS.taste.lifeStages). */
export const LIFE_STAGES = ['baby', 'pet'] as const;
export type LifeStage = (typeof LIFE_STAGES)[number];

export const PARAMS = {
  /** Full scale = the real customer file. */
  fullScaleCustomers: 29_913,
  defaultCustomers: 3_000,
  defaultSeed: 20_210_101,
  defaultYear: 2021,
  /** The catalog and the branch file are the app's own fixed master data: built from this seed whatever the data seed. */
  masterSeed: 1,

  demographics: {
    /** Published shares of the real customer file (counts; drawn with low-discrepancy sequences so any N matches). */
    gender: { 여성: 20_083, 남성: 9_830 } as Record<string, number>,
    ages: { '20대': 3_853, '30대': 7_736, '40대': 9_863, '50대': 5_633, '60대': 2_115, '70대': 713 } as Record<string, number>,
    regions: {
      Z01: 474, Z02: 103, Z03: 600, Z04: 1_750, Z05: 576, Z06: 1_080, Z07: 204, Z08: 739, Z09: 642,
      Z10: 8_157, Z11: 1_840, Z12: 803, Z13: 896, Z14: 988, Z15: 677, Z16: 2_503, Z17: 7_881,
    } as Record<string, number>,
  },

  /** Branch counts per chain (the app's own branch file; A06 is online only). Sub-regions per region. */
  branches: {
    perChain: { A01: 66, A02: 116, A03: 487, A04: 5_646, A05: 440, B01: 20, C01: 140, C02: 4, D01: 1_311, D02: 535, E01: 43 } as Record<string, number>,
    subregionsPerRegion: 15,
    /** Home branches a customer uses per chain (1 + geometric with this mean), and the share of visits to a non-home branch. */
    homeBranchesExtraMean: 0.8,
    awayVisitShare: 0.08,
  },

  catalog: {
    /** Products per category = weight share of this total (PD0001…). */
    products: 1_900,
    /** Zipf exponent of product popularity inside a (chain, category). */
    zipf: 1.05,
    /** Per-product repurchase interval = domain interval (or the category's own below) × lognormal(0, sigma). */
    intervalSigma: 0.35,
    /** Categories whose products are used up faster than their domain's (consumables of the life stages). */
    intervalByCategory: { '출산/육아용품': 14, '원예/애완': 21 } as Record<string, number>,
  },

  /** Per domain: median unit price (won), its log-sd, repurchase interval (days), share of buy_ct = 1. */
  domain: {
    fresh: { price: 3_980, priceSigma: 0.55, interval: 4, ct1: 0.83 },
    staple: { price: 2_480, priceSigma: 0.55, interval: 5, ct1: 0.83 },
    snack: { price: 1_480, priceSigma: 0.45, interval: 4, ct1: 0.83 },
    drink: { price: 1_380, priceSigma: 0.55, interval: 3, ct1: 0.8 },
    tobacco: { price: 4_500, priceSigma: 0.08, interval: 2, ct1: 0.88 },
    household: { price: 4_980, priceSigma: 0.65, interval: 14, ct1: 0.9 },
    fashion: { price: 39_000, priceSigma: 0.75, interval: 150, ct1: 0.95 },
    beauty: { price: 29_000, priceSigma: 0.7, interval: 60, ct1: 0.93 },
    electronics: { price: 169_000, priceSigma: 1.0, interval: 365, ct1: 0.97 },
    living: { price: 12_900, priceSigma: 0.9, interval: 120, ct1: 0.92 },
    tenant: { price: 9_000, priceSigma: 0.6, interval: 10, ct1: 0.88 },
    voucher: { price: 50_000, priceSigma: 0.6, interval: 90, ct1: 0.8 },
    service: { price: 30_000, priceSigma: 0.8, interval: 180, ct1: 0.98 },
  } as Record<Domain, { price: number; priceSigma: number; interval: number; ct1: number }>,

  /** buy_ct when it is not 1: value → weight (the real file's counts of 2…20). */
  countTable: [
    [2, 0.62], [3, 0.15], [4, 0.065], [5, 0.035], [6, 0.03], [7, 0.006], [8, 0.009], [9, 0.006], [10, 0.025], [12, 0.005], [15, 0.002], [20, 0.004], [30, 0.001],
  ] as [number, number][],

  /** Price-point habit: how a raw price is rounded (ending → weight) below and above 10,000 won. */
  pricePoints: {
    small: [['000', 0.32], ['980', 0.34], ['500', 0.12], ['900', 0.12], ['800', 0.05], ['480', 0.05]] as [string, number][],
    large: [['000', 0.5], ['900', 0.2], ['800', 0.15], ['500', 0.15]] as [string, number][],
    /** Share of lines whose amount deviates (weighted goods, coupons) by ±this much (rounded to 10 won). */
    oddShare: 0.1,
    oddSpread: 0.35,
  },

  /** Which domains each chain sells, as a share of its category draws (before customer taste). */
  chainDomainMix: {
    A01: { tenant: 0.19, fashion: 0.38, beauty: 0.08, fresh: 0.08, staple: 0.08, snack: 0.03, drink: 0.02, household: 0.02, living: 0.08, electronics: 0.005, voucher: 0.015 },
    A02: { fresh: 0.25, staple: 0.36, snack: 0.14, drink: 0.07, household: 0.09, living: 0.05, fashion: 0.025, beauty: 0.01, electronics: 0.004, voucher: 0.001, service: 0.002 },
    A03: { fresh: 0.31, staple: 0.37, snack: 0.14, drink: 0.07, household: 0.08, living: 0.02 },
    A04: { drink: 0.31, snack: 0.22, tobacco: 0.16, staple: 0.26, household: 0.05 },
    A05: { electronics: 0.95, living: 0.05 },
    A06: { voucher: 0.16, fashion: 0.42, beauty: 0.1, living: 0.13, staple: 0.13, electronics: 0.03, household: 0.03 },
  } as Record<Retail, Partial<Record<Domain, number>>>,

  chains: {
    /** Probability a buyer uses the chain at all, and its base visit weight among the chains used. */
    use: { A01: 0.6, A02: 0.78, A03: 0.6, A04: 0.5, A05: 0.07, A06: 0.28 } as Record<Retail, number>,
    weight: { A01: 1.0, A02: 1.3, A03: 0.95, A04: 0.65, A05: 0.18, A06: 0.2 } as Record<Retail, number>,
    /** Personal spread of chain weights: gamma shape (smaller = more concentrated on one chain; the archetype sets the main chain). */
    affinityShape: 2,
    /** Cap on a chain-use probability after the archetype's multiplier. */
    maxUse: 0.97,
    /** Lines per receipt: P(1 line), and the geometric mean of the extra lines beyond 2 otherwise. */
    basketP1: { A01: 0.6, A02: 0.44, A03: 0.5, A04: 0.68, A05: 0.88, A06: 0.66 } as Record<Retail, number>,
    basketExtraMean: { A01: 1.7, A02: 4.1, A03: 2.5, A04: 0.4, A05: 0.3, A06: 0.4 } as Record<Retail, number>,
    maxBasket: 109,
    /** Online share of receipts per chain (before the customer's online propensity). */
    online: { A01: 0.008, A02: 0.07, A03: 0.095, A04: 0, A05: 0.12, A06: 1 } as Record<Retail, number>,
    /**
     * Share of the lines outside promotions that are fresh draws (products new to the customer, from their taste); the
     * rest come from the repertoire. In the real files 16–20 % of the (customer, product) pairs bought at A01–A04 in
     * Jan–Sep are bought there again in Oct–Dec, 3.1 % at A05 and 2.4 % at A06 (calibration facts repurchaseA01…A06):
     * the supermarket's and the convenience store's small, fast repertoires get more new products (at 0.12 their pairs
     * came back 23 % and 28 % of the time), and at the electronics chain and the online mall every line is something new.
     */
    freshShare: { A01: 0.12, A02: 0.16, A03: 0.26, A04: 0.32, A05: 1, A06: 1 } as Record<Retail, number>,
    /**
     * P(a product the customer already owns is bought again when drawn at the chain): durables and online-mall items
     * rarely are. Fresh draws fall back on an owned product when the customer has bought all they would (electronics
     * categories hold 6–40 products), so without this heavy A05 buyers kept buying the same few.
     */
    rebuy: { A01: 1, A02: 1, A03: 1, A04: 1, A05: 0.55, A06: 0.7 } as Record<Retail, number>,
    /** Online baskets are this much bigger (extra lines multiplier). */
    onlineBasket: 1.3,
    /** Hours 0..23 weights per chain (offline); online receipts use `onlineHours`. */
    hours: {
      A01: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 6, 9, 9, 10, 11, 11, 10, 9, 7, 3, 0.5, 0, 0],
      A02: [0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 4, 6, 7, 7, 7, 8, 9, 10, 10, 9, 7, 5, 2, 0.3],
      A03: [0.1, 0, 0, 0, 0, 0, 0, 0.5, 2, 4, 6, 7, 7, 6, 6, 7, 8, 10, 11, 10, 7, 4, 1.5, 0.3],
      A04: [2, 1.5, 1, 0.7, 0.5, 0.6, 1.5, 3.5, 5, 5, 5, 5.5, 7, 6, 5, 5, 5.5, 6.5, 7, 7, 6.5, 5.5, 4, 3],
      A05: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 8, 9, 10, 11, 11, 11, 10, 8, 5, 1, 0, 0],
      A06: [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2.5, 4, 5, 5.5, 5.5, 5, 5, 5, 4.5, 4.5, 5, 5.5, 6.5, 7.5, 7, 4],
    } as Record<Retail, number[]>,
    onlineHours: [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2.5, 4, 5, 5.5, 5.5, 5, 5, 5, 4.5, 4.5, 5, 5.5, 6.5, 7.5, 7, 4],
    /** Large marts close on the 2nd and 4th Sunday (Korean law); A02 receipts move to the Saturday before. */
    martClosedSundays: [2, 4],
  },

  /**
   * Latent shopper archetypes (archetypes.ts): each customer belongs to one, drawn from its own stream
   * with probability ∝ share × age tilt × gender tilt, and the archetype multiplies the traits:
   * receipt rate, basket size, online propensity, chain use and weight, the weekday and hour profile
   * of receipts, category taste by domain, affiliate-service use and L.pay adoption. The multipliers
   * were tuned so the mixture keeps every calibration fact; the archetype is in the manifest's ground truth.
   */
  archetypes: {
    /** Hour bands the hour multipliers apply to: [first hour, last hour] (night wraps midnight). */
    hourBands: { night: [22, 5], morning: [6, 10], midday: [11, 13], afternoon: [14, 17], evening: [18, 21] } as Record<HourBand, [number, number]>,
    /** Favourite categories are drawn ∝ (the archetype's domain multiplier) ^ this (0 = uniformly, as without archetypes). */
    favouriteTilt: 1,
    kinds: [
      {
        key: 'weekendFamily', ko: '주말 가족형', en: 'weekend family',
        share: 0.24, age: [0.5, 1.4, 1.4, 0.8, 0.5, 0.4], gender: [1.1, 0.8],
        rate: 0.9, basket: 1.4, online: 1,
        chainUse: { A02: 1.25, A03: 0.9, A04: 0.9 }, chainWeight: { A02: 3.3, A01: 0.6, A03: 0.5, A04: 0.4, A06: 0.5 },
        weekday: [0.55, 0.55, 0.55, 0.55, 0.6, 2.4, 2.2],
        hours: { night: 0.3, morning: 0.5, midday: 1.3, afternoon: 1.5, evening: 0.8 },
        domains: { staple: 1.6, household: 2.4, snack: 1.6, living: 2, fashion: 0.6, beauty: 0.5, tenant: 0.5, tobacco: 0.2 },
        service: 1, lpay: 0,
        tiers: [0.55, 0.33, 0.12], lifeStages: { baby: 1.9, pet: 1.2 },
      },
      {
        key: 'onlineSingle', ko: '온라인 1인 가구', en: 'online single',
        share: 0.14, age: [2.2, 1.6, 0.9, 0.5, 0.3, 0.2], gender: [1, 1],
        rate: 0.85, basket: 0.8, online: 4.5,
        chainUse: { A06: 3.4, A04: 1.2 }, chainWeight: { A06: 1.2, A02: 0.6, A01: 0.5, A03: 0.6 },
        weekday: [1, 1, 1, 1, 1, 1, 1],
        hours: { night: 2.5, morning: 0.5, midday: 0.6, afternoon: 0.6, evening: 2 },
        domains: { fashion: 1.7, beauty: 2.4, staple: 1.4, fresh: 0.25, voucher: 1.7, electronics: 2.2 },
        service: 1.1, lpay: 0.3,
        tiers: [0.3, 0.35, 0.35], lifeStages: { baby: 0.15, pet: 1.3 },
      },
      {
        key: 'dailyFresh', ko: '데일리 신선식품형', en: 'daily fresh food',
        share: 0.22, age: [0.3, 0.6, 0.9, 1.5, 2.2, 2.6], gender: [1.15, 0.7],
        rate: 1.25, basket: 0.85, online: 0.8,
        chainUse: { A03: 1.5, A01: 0.9, A04: 0.85, A06: 0.7 }, chainWeight: { A03: 2.6, A02: 0.6, A01: 0.4, A04: 0.5, A06: 0.2 },
        weekday: [1.2, 1.2, 1.2, 1.2, 1.2, 0.6, 0.5],
        hours: { night: 0.2, morning: 2.2, midday: 1, afternoon: 1.2, evening: 0.7 },
        domains: { fresh: 4, snack: 0.4, fashion: 0.25, beauty: 0.3, tenant: 0.3, household: 0.8 },
        service: 0.95, lpay: -0.1,
        tiers: [0.3, 0.5, 0.2], lifeStages: { baby: 0.6, pet: 0.9 },
      },
      {
        key: 'departmentRegular', ko: '백화점 단골', en: 'department-store regular',
        share: 0.18, age: [0.6, 0.9, 1.1, 1.3, 1, 0.8], gender: [1.3, 0.5],
        rate: 0.95, basket: 1.2, online: 1,
        chainUse: { A01: 1.6, A04: 0.85 }, chainWeight: { A01: 6, A02: 0.6, A03: 0.6, A04: 0.4 },
        weekday: [1.05, 1.05, 1.05, 1.05, 1.05, 1, 0.9],
        hours: { night: 0.2, morning: 0.4, midday: 1.3, afternoon: 1.8, evening: 0.8 },
        domains: { fashion: 3, beauty: 3, tenant: 2.5, voucher: 2.2, fresh: 0.6, tobacco: 0.1 },
        service: 1, lpay: 0.4,
        tiers: [0.08, 0.32, 0.6], lifeStages: { baby: 1, pet: 0.8 },
      },
      {
        key: 'convenienceDining', ko: '편의·외식형', en: 'convenience and dining out',
        share: 0.22, age: [1.6, 1.3, 1, 0.8, 0.6, 0.5], gender: [0.75, 1.6],
        rate: 1.05, basket: 0.7, online: 0.8,
        chainUse: { A04: 1.8, A01: 0.9 }, chainWeight: { A04: 2.4, A02: 0.5, A01: 0.5, A03: 0.6 },
        weekday: [1.1, 1.1, 1.1, 1.1, 1.1, 0.8, 0.8],
        hours: { night: 1.6, morning: 1.8, midday: 1.8, afternoon: 0.6, evening: 0.9 },
        domains: { drink: 3, snack: 2.4, tobacco: 5, tenant: 2.2, fresh: 0.25, fashion: 0.4 },
        service: 1.05, lpay: -0.2,
        tiers: [0.5, 0.4, 0.1], lifeStages: { baby: 0.4, pet: 0.8 },
      },
    ] as ArchetypeSpec[],
  },

  customers: {
    /** Share of the customer file that never buys a product (present for services only, or not at all). */
    nonBuyerShare: 0.1,
    /** Receipts per year of a fully active buyer: lognormal(log(median), sigma). */
    receiptsMedian: 35.5,
    /** Lognormal spread below and above the median (the real tail is lighter than the body). */
    receiptsSigmaLow: 1.05,
    receiptsSigmaHigh: 0.88,
    maxReceipts: 3_000,
    /** Personal basket-size multiplier: lognormal sigma, and how much it follows the purchase rate (per log unit). */
    basketSigma: 0.3,
    basketRateSlope: 0.1,
    /** Online propensity: lognormal sigma (mean 1) and age-band multipliers (20대…70대). */
    onlineSigma: 0.9,
    onlineByAge: [1.5, 1.35, 1.05, 0.75, 0.5, 0.35],
    /** Category taste: personal lognormal noise, number of favourite categories and their boost. */
    tasteSigma: 0.9,
    favourites: 3,
    favouriteBoost: 5,
    /** Repertoire size per chain = clamp(a × expected lines in the chain ^ b, min, max). */
    repertoireA: 0.3,
    repertoireB: 0.62,
    repertoireMin: 3,
    repertoireMax: 220,
    /** Repertoire item weights: gamma shape (small = a few items dominate). */
    repertoireShape: 0.15,
    /** Repurchase: a repertoire item is drawn ∝ weight × min(1, days since last purchase / (interval × personal cycle)) ^ power. */
    repurchasePower: 2,
    /** P(a fresh draw instead of the repertoire item drawn) = notDueFresh × (1 − its readiness). */
    notDueFresh: 1,
    /** Personal cycle: each interval × exp(−slope × standardised log receipt rate). */
    cycleRateSlope: 0.6,
  },

  /**
   * Product-level personal structure (brands.ts, complements.ts, taste.ts, purchases.ts): brands inside
   * each category with a price tier, each customer's favourite brands per category, complements bought
   * together, and life stages (baby, pet) whose categories only the customers in them buy.
   */
  taste: {
    brands: {
      /** Brands per category = clamp(round(products / productsPerBrand), min, max); brand sizes ∝ 1 / rank ^ sizeZipf. */
      productsPerBrand: 6,
      min: 2,
      max: 9,
      sizeZipf: 0.7,
      /** Share of brands in each tier, and the tier's price factor (on the product's raw price, before the price point). */
      tierShares: [0.35, 0.4, 0.25],
      tierPrice: [0.8, 1, 1.3],
    },
    tiers: ['value', 'standard', 'premium'],
    /** Favourite brands per category (first and second, distinct) are drawn ∝ brand share ^ shareTilt × tierBoost where the brand's tier is the customer's preferred one. */
    favouriteShareTilt: 0.5,
    tierBoost: 4,
    /** Share of a customer's draws inside a category that go to their favourite brands, and of those the share of the first. */
    brandLoyalty: 0.95,
    firstBrandShare: 0.8,
    /** Share of fresh draws that try the complement of a product the customer owns first. */
    freshComplement: 0.3,
    /** Fresh draws redraw up to this many times to find a product the customer does not own yet. */
    freshTries: 6,
    /**
     * P(a product bought for the first time at a chain joins the repertoire there, with a gamma(repertoireShape) weight); the
     * rest stay one-offs. 0.13 (was 0.2) keeps A02's repurchase share at 16–20 % without more fresh lines, which would
     * lengthen the median repurchase gap.
     */
    adoptShare: 0.13,
    lifeStages: {
      /**
       * Per life stage: P(in it) per age band (20대…70대) × the archetype's multiplier (capped at maxShare);
       * its categories are bought only by the customers in it (taste × boost), and its `lean` categories
       * get × leanBoost for them (others still buy them).
       */
      baby: { byAge: [0.12, 0.34, 0.2, 0.05, 0.03, 0.02], categories: ['유아식품', '출산/육아용품'], boost: 5, lean: ['유아동의류', '완구'], leanBoost: 2 },
      pet: { byAge: [0.24, 0.27, 0.27, 0.23, 0.18, 0.15], categories: ['원예/애완'], boost: 8, lean: [] as string[], leanBoost: 1 },
    } as Record<LifeStage, { byAge: number[]; categories: string[]; boost: number; lean: string[]; leanBoost: number }>,
    maxLifeStageShare: 0.8,
    complements: {
      /** Category pairs whose products are paired (same category: the partner is of the same brand). */
      pairs: [
        ['대용식', '냉장식품'], ['주류', '과자'], ['축산물', '채소'], ['커피/차', '유제품'], ['과일', '유제품'], ['조리식품', '음료'],
        ['담배', '음료'], ['세제/위생', '청소/세탁/욕실용품'], ['퍼스널케어', '퍼스널케어'], ['화장품/뷰티케어', '화장품/뷰티케어'],
        ['유아식품', '출산/육아용품'], ['여성의류', '패션잡화'], ['식기/조리기구', '주방잡화'], ['수산물', '조미료'], ['원예/애완', '원예/애완'],
      ] as [string, string][],
      /** Share of the first category's products that get a partner; partner draw ∝ popularity ^ partnerTilt. */
      coverage: 0.8,
      partnerTilt: 0.5,
      /** P(the complement joins the basket) when its partner is in it (it takes the next line of the basket): the first time, and once the customer has bought it (a habit). */
      join: 0.3,
      joinHabit: 0.7,
    },
  },

  dropout: {
    /** Share of buyers who go quiet during the year, and the share of those who go quiet in H2. */
    share: 0.2,
    h2Share: 0.72,
    /** Activity declines linearly over this many days before the dropout date, down to `floor`. */
    declineDays: 100,
    floor: 0.15,
    /** Share of buyers who start during the year (new customers), uniformly over days 30–330. */
    lateStartShare: 0.05,
  },

  season: {
    /** Mon..Sun weights. */
    weekday: [0.92, 0.9, 0.9, 0.92, 1.0, 1.3, 1.12],
    /** Jan..Dec weights (May peak: family month; July/August dip). */
    month: [1.04, 0.98, 1.02, 1.0, 1.06, 1.0, 0.97, 0.96, 0.99, 0.98, 0.95, 1.0],
    /** Declining trend: the weight falls linearly from 1 at `trendStartDay` to 1 − `trendDrop` at year end. */
    trendStartDay: 200,
    trendDrop: 0.16,
    /** Lunar holidays: days before are busier (gift sets), the holiday itself quiet. */
    holidayBefore: { days: 10, lift: 1.2 },
    holidayItself: { days: [-1, 0, 1], weight: 0.4 },
    /** Seollal and Chuseok (the middle day) per year. */
    lunarHolidays: {
      2019: ['2019-02-05', '2019-09-13'],
      2020: ['2020-01-25', '2020-10-01'],
      2021: ['2021-02-12', '2021-09-21'],
      2022: ['2022-02-01', '2022-09-10'],
      2023: ['2023-01-22', '2023-09-29'],
      2024: ['2024-02-10', '2024-09-17'],
      2025: ['2025-01-29', '2025-10-06'],
      2026: ['2026-02-17', '2026-09-25'],
    } as Record<number, string[]>,
    /** Fixed-date lifts (MM-DD → weight). */
    fixed: { '01-01': 1.2, '05-01': 1.3, '05-05': 1.2, '12-24': 1.3, '12-25': 1.1, '12-31': 1.3 } as Record<string, number>,
  },

  promotions: {
    /** Promotions per year: a top category on sale for a week; price × discount, and share of the lines of a receipt that go to it. */
    perYear: 30,
    days: 7,
    discount: 0.8,
    lineShare: 0.12,
  },

  duplicates: {
    /** Each line is written twice with this probability: the real file has 237,354 exact duplicates in 4,381,743 lines (5.42 %). */
    rate: 237_354 / (4_381_743 - 237_354),
  },

  defects: {
    /** Bad purchase lines planted per 1,000 customers (at least one of each when defects are on). */
    perThousand: { bad_date: 2, bad_hour: 2, missing_customer: 1, bad_amount: 1, bad_count: 1, unknown_chain: 1, unknown_product: 1, column_count: 1 } as Record<string, number>,
  },

  services: {
    /** Share of the customer file using affiliate services; rows per user lognormal(mean, sigma). */
    userShare: 0.76,
    rowsMean: 12.4,
    rowsSigma: 1.0,
    /** Service chain shares of rows (published COP_U counts) and age tilts (20대…70대). */
    chainShare: { D01: 112_232, C01: 48_323, D02: 43_134, C02: 30_258, B01: 8_103, E01: 6_254 } as Record<string, number>,
    ageTilt: {
      D01: [1.3, 1.2, 1.0, 0.9, 0.8, 0.7],
      C01: [1.6, 1.3, 1.0, 0.8, 0.6, 0.4],
      D02: [1.1, 1.2, 1.1, 0.9, 0.8, 0.6],
      C02: [1.5, 1.4, 1.1, 0.7, 0.4, 0.3],
      B01: [0.9, 1.1, 1.1, 1.0, 0.9, 0.7],
      E01: [0.7, 1.0, 1.2, 1.2, 1.0, 0.8],
    } as Record<string, number[]>,
    /** Amount (won): median and log-sd; rounding step. */
    amount: {
      D01: [7_500, 0.5, 100], C01: [13_000, 0.5, 1000], D02: [25_000, 0.6, 100], C02: [45_000, 0.6, 1000], B01: [140_000, 0.6, 1000], E01: [60_000, 0.9, 1000],
    } as Record<string, [number, number, number]>,
    onlineShare: 0.14,
    /** Booking lead (days before the visit) for lodging and cinema/theme-park bookings. */
    leadMean: { B01: 12, C01: 1.5, C02: 6 } as Record<string, number>,
    /** Earliest booking day before the year starts (the real COP_U de_dt starts 2020-12-27: 5 days). */
    earliestBookingDays: 5,
    /** E01 online rows without a branch. */
    noBranchShare: 0.01,
  },

  lpay: {
    /** Adoption: logistic(intercept + slope × z(log rate) + age effect); tuned to 33.09 % of buyers. */
    intercept: -0.92,
    rateSlope: 0.9,
    ageEffect: [-0.3, 0.15, 0.35, -0.05, -0.45, -1.0],
    /** Share of a user's receipts paid by L.pay (beta-like: mean, spread) and the online multiplier. */
    payShareMean: 0.09,
    payShareShape: 0.8,
    onlinePayBoost: 3.5,
    /** Extra L.pay rows not matching a purchase receipt, per user (retail chains and other affiliates). */
    otherRetailRowsMean: 19,
    serviceRowsMean: 14,
    otherCodes: ['B01', 'C01', 'D01', 'D02', 'L01', 'L02', 'L03', 'L04'],
    otherOnlineShare: 0.62,
    amount: [20_000, 1.1] as [number, number],
  },
};

export type GeneratorParams = typeof PARAMS;
