import type { ClusterProfile, ClusterTrait } from '../../../../shared/clusters';
import { CATEGORY_GROUP_NAMES, CHAIN_NAMES, CLUSTER_NAME_PATTERNS, CLUSTER_TRAIT_WORDS, fill, type Lang } from '../../../../shared/i18n';

/** A trait counts toward a name when the cluster's mean is this many standard deviations above all customers'. */
export const NAME_MIN_Z = 0.25;
const TOP_TRAITS = 5;

/**
 * Each cluster's size, feature means (raw units) and the traits that set it apart (largest |z|, where
 * z = (cluster mean − overall mean) / overall sd), and a suggested name from its top positive traits.
 */
export function clusterProfiles(x: Float64Array, n: number, d: number, labels: Int32Array, k: number, names: readonly string[]): { profiles: ClusterProfile[]; overallMeans: number[] } {
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  const overall = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    sizes[c] += 1;
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j];
      sums[c * d + j] += v;
      overall[j] += v;
      sq[j] += v * v;
    }
  }
  const mean = Array.from(overall, (s) => s / n);
  const sd = Array.from(sq, (s, j) => Math.sqrt(Math.max(0, s / n - mean[j] ** 2)));
  const used = new Map<string, number>();
  const profiles = Array.from({ length: k }, (_, c): ClusterProfile => {
    const means = Array.from({ length: d }, (_, j) => (sizes[c] ? sums[c * d + j] / sizes[c] : 0));
    const traits: ClusterTrait[] = names
      .map((feature, j) => ({ feature, mean: means[j], overall: mean[j], z: sd[j] > 0 ? (means[j] - mean[j]) / sd[j] : 0 }))
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.feature.localeCompare(b.feature))
      .slice(0, TOP_TRAITS);
    const name = { ko: suggestName(traits, 'ko'), en: suggestName(traits, 'en') };
    // Two clusters with the same traits: numbered, so every name is unique.
    const seen = (used.get(name.ko) ?? 0) + 1;
    used.set(name.ko, seen);
    if (seen > 1) {
      name.ko += ` ${seen}`;
      name.en += ` ${seen}`;
    }
    return { cluster: c, size: sizes[c], share: sizes[c] / n, name, traits, means };
  });
  return { profiles, overallMeans: mean };
}

/** The word for a trait: the table's, a chain's name, or a category group's. */
export function traitWord(feature: string, lang: Lang): string | null {
  if (CLUSTER_TRAIT_WORDS[feature]) return CLUSTER_TRAIT_WORDS[feature][lang];
  const chain = /^share_lines_(.+)$/.exec(feature);
  if (chain) {
    const name = CHAIN_NAMES[chain[1].toUpperCase()];
    return name ? name[lang] : chain[1].toUpperCase();
  }
  const group = /^cat_share_(.+)$/.exec(feature);
  if (group) return lang === 'en' ? (CATEGORY_GROUP_NAMES[group[1]] ?? group[1]) : group[1];
  return null;
}

function suggestName(traits: ClusterTrait[], lang: Lang): string {
  const words = traits.filter((t) => t.z >= NAME_MIN_Z).map((t) => traitWord(t.feature, lang)).filter((w): w is string => !!w);
  if (words.length >= 2) return fill(CLUSTER_NAME_PATTERNS.two[lang], { a: words[0], b: words[1] });
  if (words.length === 1) return fill(CLUSTER_NAME_PATTERNS.one[lang], { a: words[0] });
  return CLUSTER_NAME_PATTERNS.average[lang];
}
