import type { CategoryIndex, KlResult, MixProfile } from '../../../shared/analytics';

/** Added to every category's count in both distributions, so a zero count never gives log(0) (Laplace). */
export const KL_SMOOTHING = 1;

/**
 * KL(P ‖ Q) = Σ p_i · ln(p_i / q_i) in nats (natural log), P the segment's distribution and Q all
 * customers', over a fixed list of categories, each count raised by `alpha` first:
 * p_i = (a_i + α) / (A + α·n). The contributions p_i · ln(p_i / q_i) (negative where the segment
 * has less than its share) are sorted from the largest down and sum to the divergence.
 */
export function klDivergence(
  categories: readonly string[],
  segment: ReadonlyMap<string, number>,
  all: ReadonlyMap<string, number>,
  alpha = KL_SMOOTHING,
): KlResult {
  const n = categories.length;
  const total = (m: ReadonlyMap<string, number>) => categories.reduce((a, c) => a + (m.get(c) ?? 0), 0);
  const segmentTotal = total(segment);
  const allTotal = total(all);
  const contributions = categories.map((category) => {
    const p = ((segment.get(category) ?? 0) + alpha) / (segmentTotal + alpha * n);
    const q = ((all.get(category) ?? 0) + alpha) / (allTotal + alpha * n);
    return { category, p, q, contribution: p * Math.log(p / q) };
  });
  contributions.sort((a, b) => b.contribution - a.contribution || a.category.localeCompare(b.category));
  return { divergence: contributions.reduce((a, c) => a + c.contribution, 0), segmentTotal, allTotal, contributions };
}

/**
 * The mix as marketers read it, beside the divergence: per category the segment's raw share, all
 * customers' raw share and the index segmentShare ÷ allShare × 100 (152: 1.52 times all
 * customers' share; 64: about a third less), highest index first. Categories are those of the
 * divergence; the contribution is the category's KL term.
 */
export function mixProfile(kl: KlResult, segment: ReadonlyMap<string, number>, all: ReadonlyMap<string, number>): MixProfile {
  const categories: CategoryIndex[] = kl.contributions.map(({ category, contribution }) => {
    const s = segment.get(category) ?? 0;
    const a = all.get(category) ?? 0;
    const segmentShare = kl.segmentTotal ? s / kl.segmentTotal : 0;
    const allShare = kl.allTotal ? a / kl.allTotal : 0;
    const index = kl.segmentTotal && allShare ? (100 * segmentShare) / allShare : null;
    const rounded = index === null ? null : Math.round(index);
    const direction = rounded === null ? null : rounded > 100 ? 'more' : rounded < 100 ? 'less' : 'same';
    return { category, segment: s, all: a, segmentShare, allShare, index, direction, contribution };
  });
  categories.sort((x, y) => (y.index ?? -1) - (x.index ?? -1) || x.category.localeCompare(y.category));
  return { ...kl, categories };
}
