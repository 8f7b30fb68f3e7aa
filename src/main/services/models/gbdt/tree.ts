/**
 * One regression tree of the ensemble, flat in typed arrays. Internal nodes are numbered in the
 * order they were split (0 is the root); a child >= 0 is an internal node, a child < 0 is leaf ~child.
 * A tree that never split has no internal nodes and one leaf. Rows go left when value <= threshold;
 * a missing value (NaN) goes left when defaultLeft is 1. A threshold of +Infinity is the split
 * "present (left) / missing (right)".
 */
export interface GbdtTree {
  feature: Int32Array;
  threshold: Float64Array;
  defaultLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Gain of each split (for importances and for checking a split by hand). */
  gain: Float64Array;
  /** Leaf outputs, already multiplied by the learning rate. */
  leafValue: Float64Array;
  /** In-bag training rows that reached each leaf. */
  leafCount: Int32Array;
}

/** The leaf a row of x (starting at offset `base`) falls in. */
export function leafOf(tree: GbdtTree, x: Float32Array, base: number): number {
  if (tree.feature.length === 0) return 0;
  let node = 0;
  for (;;) {
    const v = x[base + tree.feature[node]];
    const child = v !== v ? (tree.defaultLeft[node] ? tree.left[node] : tree.right[node]) : v <= tree.threshold[node] ? tree.left[node] : tree.right[node];
    if (child < 0) return ~child;
    node = child;
  }
}
