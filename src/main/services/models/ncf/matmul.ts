/**
 * The three products a dense layer needs over a batch, on feature-major activations: a batch of n
 * vectors of width w is w rows of n (x[k·n + s] is feature k of sample s), so every inner loop runs
 * over samples contiguously and each weight is loaded once per block, not once per sample.
 * Blocks of 4 output rows × 4 inner rows keep 16 weights in registers.
 *
 * Activations may be plain number arrays (double elements): V8 compiles their loads without the
 * detached-buffer check that typed-array loads need once any ArrayBuffer in the process has been
 * detached (importing TensorFlow.js does), which costs these loops about 20 %.
 */
export type Activations = Float64Array | number[];

/** A zeroed array of n doubles (double elements, so writes never change its element kind). */
export function activations(n: number): number[] {
  const a = Array.from({ length: n }, () => 0.5);
  a.fill(0);
  return a;
}

/**
 * y[r, s] += Σ_c a(r, c) · x[c, s] for r < rows, c < inner, s < n, where a(r, c) =
 * a[r·rowStride + c·colStride]: (rowStride, colStride) = (nIn, 1) multiplies by a kernel stored
 * nOut × nIn, (1, nIn) by its transpose.
 */
export function accumulateProduct(
  a: Float32Array,
  rowStride: number,
  colStride: number,
  rows: number,
  inner: number,
  x: Activations,
  y: Activations,
  n: number,
): void {
  const inner4 = inner - (inner % 4);
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const y0 = r * n;
    const y1 = y0 + n;
    const y2 = y1 + n;
    const y3 = y2 + n;
    const a0 = r * rowStride;
    const a1 = a0 + rowStride;
    const a2 = a1 + rowStride;
    const a3 = a2 + rowStride;
    let c = 0;
    for (; c < inner4; c += 4) {
      const p0 = c * colStride;
      const p1 = p0 + colStride;
      const p2 = p1 + colStride;
      const p3 = p2 + colStride;
      const w00 = a[a0 + p0];
      const w01 = a[a0 + p1];
      const w02 = a[a0 + p2];
      const w03 = a[a0 + p3];
      const w10 = a[a1 + p0];
      const w11 = a[a1 + p1];
      const w12 = a[a1 + p2];
      const w13 = a[a1 + p3];
      const w20 = a[a2 + p0];
      const w21 = a[a2 + p1];
      const w22 = a[a2 + p2];
      const w23 = a[a2 + p3];
      const w30 = a[a3 + p0];
      const w31 = a[a3 + p1];
      const w32 = a[a3 + p2];
      const w33 = a[a3 + p3];
      const x0 = c * n;
      const x1 = x0 + n;
      const x2 = x1 + n;
      const x3 = x2 + n;
      for (let s = 0; s < n; s++) {
        const v0 = x[x0 + s];
        const v1 = x[x1 + s];
        const v2 = x[x2 + s];
        const v3 = x[x3 + s];
        y[y0 + s] += w00 * v0 + w01 * v1 + w02 * v2 + w03 * v3;
        y[y1 + s] += w10 * v0 + w11 * v1 + w12 * v2 + w13 * v3;
        y[y2 + s] += w20 * v0 + w21 * v1 + w22 * v2 + w23 * v3;
        y[y3 + s] += w30 * v0 + w31 * v1 + w32 * v2 + w33 * v3;
      }
    }
    for (; c < inner; c++) {
      const p = c * colStride;
      const w0 = a[a0 + p];
      const w1 = a[a1 + p];
      const w2 = a[a2 + p];
      const w3 = a[a3 + p];
      const x0 = c * n;
      for (let s = 0; s < n; s++) {
        const v = x[x0 + s];
        y[y0 + s] += w0 * v;
        y[y1 + s] += w1 * v;
        y[y2 + s] += w2 * v;
        y[y3 + s] += w3 * v;
      }
    }
  }
  for (; r < rows; r++) {
    const y0 = r * n;
    const a0 = r * rowStride;
    for (let c = 0; c < inner; c++) {
      const w = a[a0 + c * colStride];
      const x0 = c * n;
      for (let s = 0; s < n; s++) y[y0 + s] += w * x[x0 + s];
    }
  }
}

/**
 * g[j·stride + k] += Σ_s d[j, s] · x[k, s] for k < nIn: a kernel's gradient from the layer's output
 * gradient d and input x (stride = the kernel's row length, nIn unless x is its first columns only).
 */
export function accumulateOuter(d: Activations, nOut: number, x: Activations, nIn: number, n: number, g: Float64Array, stride = nIn): void {
  let j = 0;
  for (; j + 1 < nOut; j += 2) {
    const d0 = j * n;
    const d1 = d0 + n;
    let k = 0;
    for (; k + 3 < nIn; k += 4) {
      const x0 = k * n;
      const x1 = x0 + n;
      const x2 = x1 + n;
      const x3 = x2 + n;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let s = 0; s < n; s++) {
        const e0 = d[d0 + s];
        const e1 = d[d1 + s];
        const v0 = x[x0 + s];
        const v1 = x[x1 + s];
        const v2 = x[x2 + s];
        const v3 = x[x3 + s];
        s00 += e0 * v0;
        s01 += e0 * v1;
        s02 += e0 * v2;
        s03 += e0 * v3;
        s10 += e1 * v0;
        s11 += e1 * v1;
        s12 += e1 * v2;
        s13 += e1 * v3;
      }
      const g0 = j * stride + k;
      const g1 = g0 + stride;
      g[g0] += s00;
      g[g0 + 1] += s01;
      g[g0 + 2] += s02;
      g[g0 + 3] += s03;
      g[g1] += s10;
      g[g1 + 1] += s11;
      g[g1 + 2] += s12;
      g[g1 + 3] += s13;
    }
    for (; k < nIn; k++) {
      const x0 = k * n;
      let s0 = 0;
      let s1 = 0;
      for (let s = 0; s < n; s++) {
        s0 += d[d0 + s] * x[x0 + s];
        s1 += d[d1 + s] * x[x0 + s];
      }
      g[j * stride + k] += s0;
      g[(j + 1) * stride + k] += s1;
    }
  }
  for (; j < nOut; j++) {
    const d0 = j * n;
    for (let k = 0; k < nIn; k++) {
      const x0 = k * n;
      let s0 = 0;
      for (let s = 0; s < n; s++) s0 += d[d0 + s] * x[x0 + s];
      g[j * stride + k] += s0;
    }
  }
}
