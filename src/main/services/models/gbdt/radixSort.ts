/**
 * Sorts float32 values ascending by their bit patterns (LSD radix, 3 passes of 11 bits): several times
 * faster than TypedArray#sort on Node 20, which matters when binning 60 columns of 30,000 rows.
 * `values` must hold no NaN; -0 sorts before +0. `scratch` is a buffer at least as long.
 */
export function sortFloat32(values: Float32Array, scratch: Uint32Array): void {
  const m = values.length;
  const keys = new Uint32Array(values.buffer, values.byteOffset, m);
  // Flip so unsigned order is numeric order: negatives reverse, positives above them.
  for (let i = 0; i < m; i++) {
    const k = keys[i];
    keys[i] = k & 0x80000000 ? ~k >>> 0 : (k | 0x80000000) >>> 0;
  }
  const counts = new Int32Array(2048);
  let src = keys;
  let dst = scratch.subarray(0, m);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < m; i++) counts[(src[i] >>> shift) & 2047]++;
    let sum = 0;
    for (let b = 0; b < 2048; b++) {
      const c = counts[b];
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) dst[counts[(src[i] >>> shift) & 2047]++] = src[i];
    const t = src;
    src = dst;
    dst = t;
  }
  // Three passes leave the result in scratch; unflip it into values.
  for (let i = 0; i < m; i++) {
    const k = src[i];
    keys[i] = k & 0x80000000 ? (k & 0x7fffffff) >>> 0 : ~k >>> 0;
  }
}
