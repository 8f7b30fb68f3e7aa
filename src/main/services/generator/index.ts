import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, keyedError } from '../../../shared/errors';
import { LPOINT_FILES, type LpointKind } from '../../../shared/lpointFiles';
import { ARCHETYPES, buildArchetypeProfiles, drawArchetype } from './archetypes';
import { drawTraits } from './behaviour';
import { branchesCsv, buildBranches } from './branches';
import { buildCalendar } from './calendar';
import { buildCatalog, catalogCsv, type Catalog } from './catalog';
import { CustomerFile, demoLine } from './customers';
import { breakLine, defectSchedule, type PlantedDefect } from './defects';
import { LIFE_STAGES, PARAMS } from './params';
import { PaymentContext } from './payments';
import { PurchaseContext } from './purchases';
import { rngFor } from './random';
import { ServiceContext } from './services';
import { TasteModel } from './taste';
import { BufferedWriter } from './writer';

export type { PlantedDefect, DefectReason } from './defects';
export { PARAMS } from './params';

export interface GenerateOptions {
  out: string;
  customers?: number;
  seed?: number;
  year?: number;
  /** Plant the documented bad purchase lines (default true). Exact duplicates are written either way. */
  defects?: boolean;
  onProgress?: (p: { step: string; linesDone: number; fraction: number }) => void;
  /** Checked between customers; when true the generation stops with CANCELLED. */
  cancelled?: () => boolean;
}

export interface GroundTruth {
  /** Customers who go quiet, with the day they do (YYYYMMDD); their activity fades for 100 days before. */
  dropouts: { cust: string; date: string }[];
  /** Customers whose first activity is after the start of the year. */
  lateStarts: { cust: string; date: string }[];
  nonBuyers: number;
  lpayUsers: number;
  serviceUsers: number;
  /** Each customer's latent shopper archetype (PARAMS.archetypes.kinds). */
  archetypes: ArchetypeTruth;
  /** Each customer's product-level taste (taste.ts): preferred brand tier, life stages, favourite brands. */
  taste: TasteTruth;
  /** The catalog's brands and complements (the app's fixed master data, the same for every seed). */
  catalog: CatalogTruth;
}

export interface TasteTruth {
  /** PARAMS.taste.tiers and LIFE_STAGES, in index order. */
  tiers: string[];
  lifeStages: string[];
  /** One digit per customer (01_DEMO order): the preferred brand tier. */
  tierByCustomer: string;
  /** One digit per customer: bit k set = the customer is in lifeStages[k] (0 none, 1 baby, 2 pet, 3 both). */
  lifeStageByCustomer: string;
  /** Customers in each life stage. */
  lifeStageCounts: number[];
  /**
   * Per customer: the first favourite brand of every category (one digit each, in the catalog's category
   * order, as catalog.categories), a colon, then the second favourite.
   */
  favouriteBrands: string[];
}

export interface CatalogTruth {
  /** Top category names in catalog order (the index favouriteBrands uses). */
  categories: string[];
  /** One digit per product (PD0001, PD0002, …): its brand index inside its category. */
  brandByProduct: string;
  /** Per category: its brands' tiers, one digit each (index into tiers). */
  brandTiers: string[];
  /** [product, its complement] by product code. */
  complements: [string, string][];
}

export interface ArchetypeTruth {
  keys: string[];
  ko: string[];
  en: string[];
  /** Customers per archetype. */
  counts: number[];
  /** One digit per customer, the archetype index, in the order of the customer file (01_DEMO). */
  byCustomer: string;
}

export interface GenerateReport {
  out: string;
  seed: number;
  year: number;
  customers: number;
  defectsPlanted: boolean;
  /** Data rows (header excluded) per file. */
  files: { kind: LpointKind; file: string; rows: number; lines: number }[];
  /** Exact duplicate purchase lines written (not rejects; the importer counts them). */
  duplicates: number;
  defects: PlantedDefect[];
  groundTruth: GroundTruth;
  seconds: number;
  manifest: string;
}

export const MANIFEST_FILE = 'GENERATOR_MANIFEST.json';

const fileOf = (kind: LpointKind) => LPOINT_FILES.find((f) => f.kind === kind)!;
const header = (kind: LpointKind) => fileOf(kind).columns.join(',') + '\r\n';

/**
 * Writes the six L.POINT-schema files of a deterministic synthetic year into `out`, streaming
 * (memory does not grow with the number of customers), plus GENERATOR_MANIFEST.json with the
 * seed, the parameters, the line counts, the planted defects and the ground truth.
 */
export async function generateLpoint(options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const customers = options.customers ?? PARAMS.defaultCustomers;
  const seed = options.seed ?? PARAMS.defaultSeed;
  const year = options.year ?? PARAMS.defaultYear;
  const withDefects = options.defects ?? true;
  if (!Number.isInteger(customers) || customers < 1 || customers > 1_000_000) throw new AppError('BAD_ARGUMENT', 'customers must be a whole number from 1 to 1,000,000.');
  if (!Number.isInteger(seed) || seed < 0 || seed > Number.MAX_SAFE_INTEGER) throw new AppError('BAD_ARGUMENT', 'seed must be a non-negative whole number.');
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new AppError('BAD_ARGUMENT', 'year must be between 1990 and 2100.');
  try {
    mkdirSync(options.out, { recursive: true });
  } catch (error) {
    const reason = (error as Error).message;
    throw keyedError('IO', `Cannot create the folder ${options.out}: ${reason}`, 'folderCreateFailed', { folder: options.out, reason });
  }
  const progress = options.onProgress ?? (() => undefined);
  progress({ step: 'catalog', linesDone: 0, fraction: 0 });

  const catalog = buildCatalog(PARAMS.masterSeed);
  const branches = buildBranches(PARAMS.masterSeed);
  const cal = buildCalendar(year, seed, catalog.categories.length);
  const profiles = buildArchetypeProfiles(cal, catalog);
  writeFileSync(join(options.out, fileOf('products').fileName), catalogCsv(catalog));
  writeFileSync(join(options.out, fileOf('branches').fileName), branchesCsv(branches));

  const demoW = new BufferedWriter(join(options.out, fileOf('customers').fileName));
  const pddeW = new BufferedWriter(join(options.out, fileOf('purchases').fileName));
  const copW = new BufferedWriter(join(options.out, fileOf('services').fileName));
  const lpayW = new BufferedWriter(join(options.out, fileOf('payments').fileName));
  const writers = [demoW, pddeW, copW, lpayW];
  demoW.add(header('customers'), 1);
  pddeW.add(header('purchases'), 1);
  copW.add(header('services'), 1);
  lpayW.add(header('payments'), 1);

  const people = new CustomerFile(seed, customers);
  const purchases = new PurchaseContext(catalog, cal, branches, profiles);
  const services = new ServiceContext(cal, branches);
  const payments = new PaymentContext(cal);
  const schedule = withDefects ? defectSchedule(seed, customers) : new Map();
  const defects: PlantedDefect[] = [];
  const pendingDefects: string[] = [];
  const archetypes: ArchetypeTruth = {
    keys: ARCHETYPES.map((a) => a.key),
    ko: ARCHETYPES.map((a) => a.ko),
    en: ARCHETYPES.map((a) => a.en),
    counts: ARCHETYPES.map(() => 0),
    byCustomer: '',
  };
  const archetypeOf: string[] = []; // one digit each: at most 10 archetypes
  const tasteModel = new TasteModel(catalog);
  const taste: TasteTruth = {
    tiers: [...PARAMS.taste.tiers],
    lifeStages: [...LIFE_STAGES],
    tierByCustomer: '',
    lifeStageByCustomer: '',
    lifeStageCounts: LIFE_STAGES.map(() => 0),
    favouriteBrands: [],
  };
  const tierOf: string[] = [];
  const stageOf: string[] = [];
  const digits = (a: Int8Array) => Array.from(a, (b) => String(b)).join('');
  const truth: GroundTruth = { dropouts: [], lateStarts: [], nonBuyers: 0, lpayUsers: 0, serviceUsers: 0, archetypes, taste, catalog: catalogTruth(catalog) };
  const step = Math.max(1, Math.floor(customers / 100));
  try {
    for (let i = 0; i < customers; i++) {
      const demo = people.get(i);
      const rng = rngFor(seed, 'customer', i);
      const archetype = drawArchetype(rngFor(seed, 'archetype', i), demo);
      const traits = drawTraits(rng, demo, cal, catalog, profiles[archetype]);
      const personal = tasteModel.draw(rngFor(seed, 'taste', i), demo, ARCHETYPES[archetype]);
      archetypes.counts[archetype]++;
      archetypeOf.push(String(archetype));
      tierOf.push(String(personal.tier));
      stageOf.push(String(personal.lifeStages));
      LIFE_STAGES.forEach((_, k) => (taste.lifeStageCounts[k] += (personal.lifeStages >> k) & 1));
      taste.favouriteBrands.push(`${digits(personal.first)}:${digits(personal.second)}`);
      demoW.add(demoLine(demo), 1);
      const [pText, pLines] = purchases.customer(rngFor(seed, 'purchases', i), demo, traits, personal);
      if (pLines) pddeW.add(pText, pLines);
      const [sText, sLines] = services.customer(rngFor(seed, 'services', i), demo, traits);
      if (sLines) copW.add(sText, sLines);
      const [lText, lLines] = payments.customer(rngFor(seed, 'payments', i), demo, traits, purchases.log);
      if (lLines) lpayW.add(lText, lLines);

      if (!traits.buyer) truth.nonBuyers++;
      if (traits.dropoutDay >= 0) truth.dropouts.push({ cust: demo.id, date: cal.ymd[traits.dropoutDay] });
      if (traits.startDay > 0) truth.lateStarts.push({ cust: demo.id, date: cal.ymd[traits.startDay] });
      if (traits.lpayUser) truth.lpayUsers++;
      if (traits.serviceUser) truth.serviceUsers++;

      for (const reason of schedule.get(i) ?? []) pendingDefects.push(reason);
      if (pendingDefects.length && purchases.lastLine) {
        for (const reason of pendingDefects.splice(0)) {
          const raw = breakLine(purchases.lastLine, reason as PlantedDefect['reason'], year, defects.length);
          pddeW.add(raw + '\r\n', 1);
          defects.push({ line: pddeW.lines, reason: reason as PlantedDefect['reason'], raw });
        }
      }
      if (writers.some((w) => w.full)) for (const w of writers) await w.flush();
      if (i % step === 0) {
        if (options.cancelled?.()) throw new AppError('CANCELLED', 'The sample data generation was cancelled.');
        progress({ step: 'customers', linesDone: pddeW.lines - 1, fraction: i / customers });
      }
    }
    for (const w of writers) await w.close();
    archetypes.byCustomer = archetypeOf.join('');
    taste.tierByCustomer = tierOf.join('');
    taste.lifeStageByCustomer = stageOf.join('');
  } catch (error) {
    for (const w of writers) w.destroy();
    throw error;
  }

  const rows = (w: BufferedWriter) => w.lines - 1;
  const files: GenerateReport['files'] = [
    { kind: 'customers', file: fileOf('customers').fileName, rows: rows(demoW), lines: demoW.lines },
    { kind: 'purchases', file: fileOf('purchases').fileName, rows: rows(pddeW), lines: pddeW.lines },
    { kind: 'services', file: fileOf('services').fileName, rows: rows(copW), lines: copW.lines },
    { kind: 'products', file: fileOf('products').fileName, rows: catalog.code.length, lines: catalog.code.length + 1 },
    { kind: 'branches', file: fileOf('branches').fileName, rows: branches.rows.length, lines: branches.rows.length + 1 },
    { kind: 'payments', file: fileOf('payments').fileName, rows: rows(lpayW), lines: lpayW.lines },
  ];
  const manifestPath = join(options.out, MANIFEST_FILE);
  const report: GenerateReport = {
    out: options.out,
    seed,
    year,
    customers,
    defectsPlanted: withDefects,
    files,
    duplicates: purchases.duplicates,
    defects,
    groundTruth: truth,
    seconds: (performance.now() - started) / 1000,
    manifest: manifestPath,
  };
  // The manifest is the same bytes for the same seed, wherever it is written.
  const stable = { ...report } as Partial<GenerateReport>;
  delete stable.seconds;
  delete stable.out;
  delete stable.manifest;
  writeFileSync(manifestPath, JSON.stringify({ generator: 'campaign-workbench sample data', ...stable, params: PARAMS }, null, 1) + '\n');
  progress({ step: 'done', linesDone: rows(pddeW), fraction: 1 });
  return report;
}

function catalogTruth(catalog: Catalog): CatalogTruth {
  const complements: [string, string][] = [];
  catalog.complement.forEach((q, p) => {
    if (q >= 0) complements.push([catalog.code[p], catalog.code[q]]);
  });
  return {
    categories: catalog.categories.map((c) => c.name),
    brandByProduct: Array.from(catalog.brands.brand, (b) => String(b)).join(''),
    brandTiers: catalog.brands.tier.map((t) => Array.from(t, (x) => String(x)).join('')),
    complements,
  };
}
