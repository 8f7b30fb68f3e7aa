import { PARAMS } from './params';
import { cumulative, pick, rngFor } from './random';

/**
 * The app's own branch file: per chain the configured number of branches, spread over the 17
 * regions in proportion to where customers live, each with a sub-region (Zxx + 3 digits).
 * A06 (online mall) has no branches.
 */
export interface Branches {
  /** Rows in file order. */
  rows: { code: string; chain: string; region: string; subregion: string }[];
  /** chain → region → branch codes in that region (falls back to the chain's busiest region). */
  byChainRegion: Map<string, Map<string, string[]>>;
  /** chain → all branch codes. */
  byChain: Map<string, string[]>;
}

export const REGIONS = Object.keys(PARAMS.demographics.regions);

export function buildBranches(seed: number): Branches {
  const rng = rngFor(seed, 'branches');
  const regionCum = cumulative(REGIONS.map((r) => PARAMS.demographics.regions[r]));
  const rows: Branches['rows'] = [];
  const byChainRegion = new Map<string, Map<string, string[]>>();
  const byChain = new Map<string, string[]>();
  for (const [chain, count] of Object.entries(PARAMS.branches.perChain)) {
    const regions = new Map<string, string[]>();
    const all: string[] = [];
    for (let i = 0; i < count; i++) {
      const code = `${chain}${String(i + 1).padStart(4, '0')}`;
      // The first 17 branches of a chain with enough branches cover every region once.
      const region = count >= 40 && i < REGIONS.length ? REGIONS[i] : REGIONS[pick(regionCum, rng.next())];
      const subregion = `${region}${String(1 + rng.int(PARAMS.branches.subregionsPerRegion)).padStart(3, '0')}`;
      rows.push({ code, chain, region, subregion });
      if (!regions.has(region)) regions.set(region, []);
      regions.get(region)!.push(code);
      all.push(code);
    }
    byChainRegion.set(chain, regions);
    byChain.set(chain, all);
  }
  return { rows, byChainRegion, byChain };
}

/** Branches of a chain near a region: its own region's, or all of the chain's when the region has none. */
export function branchesNear(branches: Branches, chain: string, region: string): string[] {
  return branches.byChainRegion.get(chain)?.get(region) ?? branches.byChain.get(chain) ?? [];
}

export function branchesCsv(branches: Branches): string {
  return ['br_c,cop_c,zon_hlv,zon_mcls', ...branches.rows.map((b) => `${b.code},${b.chain},${b.region},${b.subregion}`)].join('\r\n') + '\r\n';
}
