import type { BinnedFeatures } from './binning';
import { buildHistogram, clearHistogram, SLOT, subtractHistogram } from './histogram';
import { bestSplit, type SplitCandidate, type SplitRules } from './split';
import type { GbdtTree } from './tree';

/**
 * Leaf-wise (best-first) growth, as LightGBM: the leaf whose best split gains most is split next,
 * until maxLeaves. For a fixed number of leaves this lowers the loss more than level-by-level growth,
 * and the cost of a tree is bounded by its leaves; maxDepth and minSamplesLeaf keep it from growing
 * long thin branches on small data.
 *
 * The rows of each leaf are a contiguous range of `idx` (partitioned in place at each split, order
 * kept). Only the smaller child's histogram is built from its rows; the larger one is the parent's
 * minus the smaller's.
 */
export interface GrowContext {
  binned: BinnedFeatures;
  d: number;
  idx: Int32Array;
  scratch: Int32Array;
  /** Free histograms, reused across leaves and trees. */
  pool: Float64Array[];
  rules: SplitRules;
  maxLeaves: number;
  maxDepth: number;
  learningRate: number;
}

export interface GrownTree {
  tree: GbdtTree;
  /** Per internal node, the last bin on the left (for routing binned rows). */
  binThreshold: Int32Array;
  /** Per leaf, its range of ctx.idx after growth. */
  leafBegin: Int32Array;
  leafEnd: Int32Array;
}

interface Leaf {
  begin: number;
  end: number;
  G: number;
  H: number;
  C: number;
  depth: number;
  hist: Float64Array | null;
  split: SplitCandidate | null;
  parent: number;
  isLeft: boolean;
}

/** Grows one tree on the in-bag rows ctx.idx[0..m) with the given gradients, splitting on the given features (sorted). */
export function growTree(ctx: GrowContext, grad: Float64Array, hess: Float64Array, m: number, features: Int32Array): GrownTree {
  const { binned, d, idx, rules } = ctx;
  const { slots, offset, valueBins, edges } = binned;
  // Histograms cover the sampled features only when they are at most half of them: walking a whole
  // row is so much faster per entry (measured) that above that it wins despite the extra entries.
  const histFeatures = 2 * features.length <= d ? features : null;
  const size = offset[d] * SLOT;
  const acquire = (): Float64Array => {
    const h = ctx.pool.pop() ?? new Float64Array(size);
    clearHistogram(h, offset, histFeatures);
    return h;
  };
  const release = (leaf: Leaf) => {
    if (leaf.hist) ctx.pool.push(leaf.hist);
    leaf.hist = null;
  };
  /** Whether a leaf may still be split (so whether its histogram is worth having). */
  const splittable = (leaf: Leaf, leafCount: number) =>
    leafCount < ctx.maxLeaves && (ctx.maxDepth === 0 || leaf.depth < ctx.maxDepth) && leaf.C >= 2 * rules.minSamplesLeaf;
  const evaluate = (leaf: Leaf) => {
    leaf.split = leaf.hist ? bestSplit(leaf.hist, offset, valueBins, features, leaf.G, leaf.H, leaf.C, rules) : null;
    if (!leaf.split) release(leaf);
  };

  const feature: number[] = [];
  const threshold: number[] = [];
  const binThreshold: number[] = [];
  const defaultLeft: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const gain: number[] = [];

  let G = 0;
  let H = 0;
  for (let j = 0; j < m; j++) {
    G += grad[idx[j]];
    H += hess[idx[j]];
  }
  const root: Leaf = { begin: 0, end: m, G, H, C: m, depth: 0, hist: null, split: null, parent: -1, isLeft: false };
  if (splittable(root, 1)) {
    root.hist = acquire();
    buildHistogram(root.hist, slots, d, idx, 0, m, grad, hess, histFeatures);
  }
  evaluate(root);
  const leaves: Leaf[] = [root];

  while (leaves.length < ctx.maxLeaves) {
    let pick = -1;
    for (let l = 0; l < leaves.length; l++) {
      const s = leaves[l].split;
      if (s && (pick < 0 || s.gain > leaves[pick].split!.gain)) pick = l;
    }
    if (pick < 0) break;
    const parent = leaves[pick];
    const s = parent.split!;
    const node = feature.length;
    const f = s.feature;
    feature.push(f);
    threshold.push(s.bin === valueBins[f] ? Infinity : edges[f][s.bin - 1]);
    binThreshold.push(s.bin);
    defaultLeft.push(s.defaultLeft ? 1 : 0);
    gain.push(s.gain);
    left.push(~pick);
    right.push(~leaves.length);
    if (parent.parent >= 0) (parent.isLeft ? left : right)[parent.parent] = node;

    const mid = partition(idx, ctx.scratch, parent.begin, parent.end, slots, d, f, offset[f], offset[f] + s.bin, s.defaultLeft);
    const depth = parent.depth + 1;
    const l: Leaf = { begin: parent.begin, end: mid, G: s.leftG, H: s.leftH, C: mid - parent.begin, depth, hist: null, split: null, parent: node, isLeft: true };
    const r: Leaf = { begin: mid, end: parent.end, G: parent.G - s.leftG, H: parent.H - s.leftH, C: parent.end - mid, depth, hist: null, split: null, parent: node, isLeft: false };
    leaves[pick] = l;
    leaves.push(r);
    // Build the smaller child's histogram from its rows and take the larger's as parent − smaller;
    // skip what no later split can use.
    const [small, large] = l.C <= r.C ? [l, r] : [r, l];
    const smallSplits = splittable(small, leaves.length);
    const largeSplits = splittable(large, leaves.length);
    if (smallSplits || largeSplits) {
      small.hist = acquire();
      buildHistogram(small.hist, slots, d, idx, small.begin, small.end, grad, hess, histFeatures);
      if (largeSplits) {
        subtractHistogram(parent.hist!, small.hist, offset, histFeatures);
        large.hist = parent.hist;
        parent.hist = null;
      }
      if (!smallSplits) release(small);
    }
    release(parent);
    evaluate(l);
    evaluate(r);
  }
  for (const leaf of leaves) release(leaf);

  const leafValue = new Float64Array(leaves.length);
  const leafCount = new Int32Array(leaves.length);
  const leafBegin = new Int32Array(leaves.length);
  const leafEnd = new Int32Array(leaves.length);
  for (let l = 0; l < leaves.length; l++) {
    const leaf = leaves[l];
    leafValue[l] = (-leaf.G / (leaf.H + rules.lambda)) * ctx.learningRate;
    leafCount[l] = leaf.C;
    leafBegin[l] = leaf.begin;
    leafEnd[l] = leaf.end;
  }
  const tree: GbdtTree = {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    defaultLeft: Uint8Array.from(defaultLeft),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    gain: Float64Array.from(gain),
    leafValue,
    leafCount,
  };
  return { tree, binThreshold: Int32Array.from(binThreshold), leafBegin, leafEnd };
}

/**
 * Stable in-place partition of idx[begin..end) by a split on feature f: slot `missing` is its
 * missing bin, slots up to `lastLeft` go left. Returns the first index of the right side.
 */
function partition(
  idx: Int32Array,
  scratch: Int32Array,
  begin: number,
  end: number,
  slots: Uint16Array | Uint32Array,
  d: number,
  f: number,
  missing: number,
  lastLeft: number,
  defaultLeft: boolean,
): number {
  let w = begin;
  let r = 0;
  for (let j = begin; j < end; j++) {
    const i = idx[j];
    const s = slots[i * d + f];
    if (s === missing ? defaultLeft : s <= lastLeft) idx[w++] = i;
    else scratch[r++] = i;
  }
  idx.set(scratch.subarray(0, r), w);
  return w;
}

/** The leaf a training row (starting at `base` in binned.slots) falls in. */
export function binnedLeafOf(grown: GrownTree, binned: BinnedFeatures, base: number): number {
  const { tree, binThreshold } = grown;
  const { slots, offset } = binned;
  if (tree.feature.length === 0) return 0;
  let node = 0;
  for (;;) {
    const f = tree.feature[node];
    const b = slots[base + f] - offset[f];
    const child = (b === 0 ? tree.defaultLeft[node] === 1 : b <= binThreshold[node]) ? tree.left[node] : tree.right[node];
    if (child < 0) return ~child;
    node = child;
  }
}
