import { binaryInput, requireCount, MetricInputError, type Labels, type Scores } from './input';
import { byScoreDescending } from './order';

/** One row of the lift table; group 1 holds the highest scores. */
export interface LiftRow {
  group: number;
  customers: number;
  positives: number;
  /** positives / customers in this group. */
  rate: number;
  /** rate / the overall rate: how many times better than targeting at random. */
  lift: number;
  /** Share of all positives found in groups 1…this one (cumulative gains). */
  cumulativeGain: number;
  /** Rate of groups 1…this one together, over the overall rate. */
  cumulativeLift: number;
  /** The score range of the group. */
  minScore: number;
  maxScore: number;
}

export interface LiftTable {
  customers: number;
  positives: number;
  overallRate: number;
  rows: LiftRow[];
}

/**
 * The marketer's decile table: customers sorted by score, highest first, and cut into `groups` (10)
 * groups of as-equal-as-possible size (group g holds sorted positions ⌊g·n/G⌋ … ⌊(g+1)·n/G⌋ − 1). Equal
 * scores are ordered by original index, so a tie on a boundary is split deterministically (earlier
 * customers in the better group) rather than shared. Throws when there are fewer customers than groups;
 * returns null when there is no positive (every lift would be 0/0).
 */
export function liftByDecile(yTrue: Labels, scores: Scores, groups = 10): LiftTable | null {
  const fn = 'liftByDecile';
  const { n, positives } = binaryInput(fn, yTrue, scores);
  requireCount(fn, 'groups', groups, 1);
  if (n < groups) throw new MetricInputError(fn, `${n} customers cannot fill ${groups} groups`);
  if (positives === 0) return null;
  const overallRate = positives / n;
  const order = byScoreDescending(scores);
  const rows: LiftRow[] = [];
  let cumulativeCustomers = 0;
  let cumulativePositives = 0;
  for (let g = 0; g < groups; g++) {
    const start = Math.floor((g * n) / groups);
    const end = Math.floor(((g + 1) * n) / groups);
    let groupPositives = 0;
    for (let r = start; r < end; r++) groupPositives += yTrue[order[r]];
    const customers = end - start;
    cumulativeCustomers += customers;
    cumulativePositives += groupPositives;
    const rate = groupPositives / customers;
    rows.push({
      group: g + 1,
      customers,
      positives: groupPositives,
      rate,
      lift: rate / overallRate,
      cumulativeGain: cumulativePositives / positives,
      cumulativeLift: cumulativePositives / cumulativeCustomers / overallRate,
      minScore: scores[order[end - 1]],
      maxScore: scores[order[start]],
    });
  }
  return { customers: n, positives, overallRate, rows };
}
