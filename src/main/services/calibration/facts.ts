/**
 * The published facts of the real L.POINT 2022 files (../shared/data/lpoint2022/CALIBRATION_FACTS.md)
 * that the sample data is calibrated against, each with the tolerance it is held to and why.
 * Size-dependent facts (counts) are compared after scaling the published value by
 * (customers in the data / 29,913).
 */
export interface Tolerance {
  kind: 'absolute' | 'relative';
  value: number;
}

/** How a value reads: a share (shown in %, absolute tolerances in percentage points), a count, a plain number. */
export type FactUnit = 'share' | 'count' | 'number';

export interface FactSpec {
  key: string;
  unit: FactUnit;
  fact: string;
  published: number;
  tolerance: Tolerance;
  why: string;
  sizeDependent: boolean;
}

export const FULL_SCALE_CUSTOMERS = 29_913;

const abs = (value: number): Tolerance => ({ kind: 'absolute', value });
const rel = (value: number): Tolerance => ({ kind: 'relative', value });

const QUANTILE_WHY = 'quantiles of a discrete, price-point-heavy distribution move in steps, so ±15 % is one step either side';
const SHARE_WHY = 'a share over millions of lines has negligible sampling noise; the margin is for model simplification';
/**
 * Seed analysis 001 on the real files: the share of (customer, product) pairs bought at a chain in Jan–Sep that the
 * customer bought again there in Oct–Dec (its t = 0 row: every pair, whatever its preference score).
 */
const REPURCHASE = 'Jan–Sep pairs bought again Oct–Dec';
const REPURCHASE_WHY = 'seed analysis 001 found 16–20 % across A01–A04: 0.18 is the middle, ±2 pp covers the range and 2 pp more is slack for one repertoire model serving four chains';

export const FACTS: FactSpec[] = [
  { key: 'buyerShare', unit: 'share', fact: 'share of customers with purchases', published: 0.8998, tolerance: abs(0.02), why: 'set directly by the non-buyer share; 2 pp leaves room for dropouts who never buy', sizeDependent: false },
  { key: 'lines', unit: 'count', fact: 'purchase lines', published: 4_381_743, tolerance: rel(0.05), why: 'the headline size; 5 % keeps import and model timings representative', sizeDependent: true },
  { key: 'receipts', unit: 'count', fact: 'receipts (distinct rct_no)', published: 1_266_589, tolerance: rel(0.07), why: 'follows from receipts per customer, whose lognormal tail dominates the total', sizeDependent: true },
  { key: 'linesPerReceipt', unit: 'number', fact: 'lines per receipt, mean', published: 3.46, tolerance: abs(0.25), why: 'basket sizes per chain are modelled, the chain mix moves the mean by a few tenths', sizeDependent: false },
  { key: 'onlineShare', unit: 'share', fact: 'online share of lines', published: 0.0978, tolerance: abs(0.015), why: 'online propensity is heterogeneous; 1.5 pp is 15 % of the share', sizeDependent: false },
  { key: 'chainA02', unit: 'share', fact: 'line share A02 (mart)', published: 0.545, tolerance: abs(0.03), why: SHARE_WHY, sizeDependent: false },
  { key: 'chainA03', unit: 'share', fact: 'line share A03 (supermarket)', published: 0.208, tolerance: abs(0.025), why: SHARE_WHY, sizeDependent: false },
  { key: 'chainA01', unit: 'share', fact: 'line share A01 (department store)', published: 0.161, tolerance: abs(0.025), why: SHARE_WHY, sizeDependent: false },
  { key: 'chainA04', unit: 'share', fact: 'line share A04 (convenience)', published: 0.067, tolerance: abs(0.015), why: SHARE_WHY, sizeDependent: false },
  { key: 'chainA06', unit: 'share', fact: 'line share A06 (online mall)', published: 0.017, tolerance: abs(0.006), why: 'a small share: ±0.6 pp is about a third of it', sizeDependent: false },
  { key: 'chainA05', unit: 'share', fact: 'line share A05 (electronics)', published: 0.0019, tolerance: abs(0.0012), why: 'a tiny share carried by few customers; ±0.12 pp keeps it rare but present', sizeDependent: false },
  { key: 'amountP25', unit: 'count', fact: 'buy_am p25', published: 2_000, tolerance: rel(0.15), why: QUANTILE_WHY, sizeDependent: false },
  { key: 'amountP50', unit: 'count', fact: 'buy_am p50', published: 4_000, tolerance: rel(0.15), why: QUANTILE_WHY, sizeDependent: false },
  { key: 'amountP75', unit: 'count', fact: 'buy_am p75', published: 9_280, tolerance: rel(0.15), why: QUANTILE_WHY, sizeDependent: false },
  { key: 'count1Share', unit: 'share', fact: 'share of lines with buy_ct = 1', published: 0.8535, tolerance: abs(0.025), why: 'set by the per-domain quantity habit; 2.5 pp covers the chain mix', sizeDependent: false },
  { key: 'linesPerCustP25', unit: 'number', fact: 'lines per buyer p25', published: 30, tolerance: rel(0.2), why: 'the low quantile is sensitive to dropouts and late starts; ±20 %', sizeDependent: false },
  { key: 'linesPerCustP50', unit: 'number', fact: 'lines per buyer p50', published: 88, tolerance: rel(0.15), why: 'the median buyer is the main target of the rate distribution; ±15 %', sizeDependent: false },
  { key: 'linesPerCustP75', unit: 'number', fact: 'lines per buyer p75', published: 214, tolerance: rel(0.15), why: 'the upper quartile follows the lognormal spread; ±15 %', sizeDependent: false },
  { key: 'receiptsPerCustP25', unit: 'number', fact: 'receipts per buyer p25', published: 14, tolerance: rel(0.2), why: 'the low quantile is sensitive to dropouts and late starts; ±20 %', sizeDependent: false },
  { key: 'receiptsPerCustP50', unit: 'number', fact: 'receipts per buyer p50', published: 30, tolerance: rel(0.15), why: 'set by the rate median; ±15 %', sizeDependent: false },
  { key: 'receiptsPerCustP75', unit: 'number', fact: 'receipts per buyer p75', published: 62, tolerance: rel(0.15), why: 'set by the rate spread; ±15 %', sizeDependent: false },
  { key: 'chainsPerCust', unit: 'number', fact: 'distinct chains per buyer, mean', published: 2.53, tolerance: abs(0.2), why: 'set by chain-use probabilities; light buyers see fewer chains, ±0.2 chain', sizeDependent: false },
  { key: 'q2OverQ1', unit: 'share', fact: 'lines Q2 / Q1', published: 1_010_685 / 1_015_166, tolerance: abs(0.04), why: 'published for a cohort (PDDE+COP_U rows of 18,930 customers), not all lines: ±4 pp', sizeDependent: false },
  { key: 'q3OverQ1', unit: 'share', fact: 'lines Q3 / Q1', published: 934_068 / 1_015_166, tolerance: abs(0.04), why: 'published for a cohort (PDDE+COP_U rows of 18,930 customers), not all lines: ±4 pp', sizeDependent: false },
  { key: 'q4OverQ1', unit: 'share', fact: 'lines Q4 / Q1', published: 830_852 / 1_015_166, tolerance: abs(0.04), why: 'published for a cohort (PDDE+COP_U rows of 18,930 customers), not all lines: ±4 pp', sizeDependent: false },
  { key: 'repurchaseGap', unit: 'number', fact: 'same-product repurchase gap, median days', published: 14.2, tolerance: rel(0.2), why: 'the published definition (timestamp resolution) is not fully known; ±20 %', sizeDependent: false },
  { key: 'repurchaseA01', unit: 'share', fact: `${REPURCHASE}, A01`, published: 0.18, tolerance: abs(0.04), why: REPURCHASE_WHY, sizeDependent: false },
  { key: 'repurchaseA02', unit: 'share', fact: `${REPURCHASE}, A02`, published: 0.18, tolerance: abs(0.04), why: REPURCHASE_WHY, sizeDependent: false },
  { key: 'repurchaseA03', unit: 'share', fact: `${REPURCHASE}, A03`, published: 0.18, tolerance: abs(0.04), why: REPURCHASE_WHY, sizeDependent: false },
  { key: 'repurchaseA04', unit: 'share', fact: `${REPURCHASE}, A04`, published: 0.18, tolerance: abs(0.04), why: REPURCHASE_WHY, sizeDependent: false },
  { key: 'repurchaseA05', unit: 'share', fact: `${REPURCHASE}, A05 (electronics)`, published: 0.031, tolerance: abs(0.02), why: 'seed analysis 001: durables are rarely bought twice; few pairs, bunched in the few heavy A05 buyers (~5,800 at full scale, ~375 at 2,000 customers: one binomial SE ≈ 0.9 pp there, more with the bunching): ±2 pp, still far below A01–A04', sizeDependent: false },
  { key: 'repurchaseA06', unit: 'share', fact: `${REPURCHASE}, A06 (online mall)`, published: 0.024, tolerance: abs(0.012), why: 'seed analysis 001: online-mall items are rarely bought twice; ~63 k pairs at full scale (~4 k at 2,000 customers, where heavy A06 buyers move it by ~1 pp): ±1.2 pp, half the share', sizeDependent: false },
  { key: 'duplicateShare', unit: 'share', fact: 'exact-duplicate share of lines', published: 237_354 / 4_381_743, tolerance: abs(0.003), why: 'planted at the published rate; ±0.3 pp is binomial noise at 300 k lines', sizeDependent: false },
  { key: 'women', unit: 'share', fact: 'share of women (여성)', published: 20_083 / 29_913, tolerance: abs(0.01), why: 'drawn by a low-discrepancy sequence, exact to one customer at any size', sizeDependent: false },
  { key: 'age20', unit: 'share', fact: 'share 20대', published: 3_853 / 29_913, tolerance: abs(0.01), why: 'drawn by a low-discrepancy sequence, exact to one customer at any size', sizeDependent: false },
  { key: 'age30', unit: 'share', fact: 'share 30대', published: 7_736 / 29_913, tolerance: abs(0.01), why: 'drawn by a low-discrepancy sequence, exact to one customer at any size', sizeDependent: false },
  { key: 'age40', unit: 'share', fact: 'share 40대', published: 9_863 / 29_913, tolerance: abs(0.01), why: 'drawn by a low-discrepancy sequence, exact to one customer at any size', sizeDependent: false },
  { key: 'age50', unit: 'share', fact: 'share 50대', published: 5_633 / 29_913, tolerance: abs(0.01), why: 'drawn by a low-discrepancy sequence, exact to one customer at any size', sizeDependent: false },
  { key: 'age60', unit: 'share', fact: 'share 60대', published: 2_115 / 29_913, tolerance: abs(0.01), why: 'drawn by a low-discrepancy sequence, exact to one customer at any size', sizeDependent: false },
  { key: 'age70', unit: 'share', fact: 'share 70대', published: 713 / 29_913, tolerance: abs(0.01), why: 'drawn by a low-discrepancy sequence, exact to one customer at any size', sizeDependent: false },
  { key: 'lpayUsers', unit: 'share', fact: 'L.pay users / buyers', published: 0.3309, tolerance: abs(0.025), why: 'adoption is a logistic in loyalty and age; ±2.5 pp', sizeDependent: false },
  { key: 'servicePerCust', unit: 'number', fact: 'COP_U rows per customer', published: 248_304 / 29_913, tolerance: rel(0.1), why: 'a lognormal per user with dropouts fading it; ±10 %', sizeDependent: false },
  { key: 'serviceUsers', unit: 'share', fact: 'COP_U users / customers', published: 21_769 / 29_913, tolerance: abs(0.025), why: 'set by the user share, less those never active; ±2.5 pp', sizeDependent: false },
  { key: 'serviceRows', unit: 'count', fact: 'COP_U rows', published: 248_304, tolerance: rel(0.1), why: 'follows from rows per customer; ±10 %', sizeDependent: true },
  { key: 'lpayPerBuyer', unit: 'number', fact: 'LPAY rows per buyer', published: 353_184 / 26_917, tolerance: rel(0.12), why: 'heavy-tailed (a few users pay everything with L.pay); ±12 %', sizeDependent: false },
  { key: 'lpayRows', unit: 'count', fact: 'LPAY rows', published: 353_184, tolerance: rel(0.12), why: 'follows from rows per buyer; ±12 %', sizeDependent: true },
  { key: 'lpayOnline', unit: 'share', fact: 'LPAY online share', published: 203_174 / 353_184, tolerance: abs(0.04), why: 'online receipts are paid by L.pay more often; ±4 pp', sizeDependent: false },
];
