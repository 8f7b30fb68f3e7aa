/** Gradients of one dense layer (same layouts as the layer). */
export interface DenseGradient {
  kernel: Float64Array;
  bias: Float64Array;
}

/**
 * Gradients of an embedding table for the rows one batch touched: row `rows[k]` (k < count) has
 * gradient grad[k·dim .. (k+1)·dim). Rows the batch did not touch have zero gradient.
 */
export interface RowGradient {
  dim: number;
  rows: Int32Array;
  count: number;
  grad: Float64Array;
}
