/**
 * The k highest of `values`, best first, skipping the indices in `exclude` (strictly ascending).
 * Equal values go to the lower index, so the result is deterministic. A bounded min-heap: one pass,
 * O(n log k), no allocation beyond the k-slot result.
 */
export function selectTop(values: Float32Array, k: number, exclude?: Int32Array, length = values.length): Int32Array {
  const heapIndex = new Int32Array(Math.min(k, length));
  const heapValue = new Float32Array(heapIndex.length);
  let size = 0;
  let next = 0;
  const skip = exclude ?? EMPTY;
  for (let i = 0; i < length; i++) {
    while (next < skip.length && skip[next] < i) next++;
    if (next < skip.length && skip[next] === i) continue;
    const v = values[i];
    if (v !== v) continue; // NaN never ranks
    if (size < heapIndex.length) {
      siftUp(heapIndex, heapValue, size++, i, v);
    } else if (size > 0 && v > heapValue[0]) {
      // Same value as the root loses: the root has the lower index.
      siftDown(heapIndex, heapValue, size, i, v);
    }
  }
  // Pop worst-first into the tail of the result.
  const out = new Int32Array(size);
  for (let end = size - 1; end >= 0; end--) {
    out[end] = heapIndex[0];
    const lastIndex = heapIndex[end];
    const lastValue = heapValue[end];
    if (end > 0) siftDown(heapIndex, heapValue, end, lastIndex, lastValue);
  }
  return out;
}

const EMPTY = new Int32Array(0);

/** a ranks below b: a lower value, or the same value and a higher index. */
const worse = (va: number, ia: number, vb: number, ib: number) => va < vb || (va === vb && ia > ib);

function siftUp(index: Int32Array, value: Float32Array, at: number, i: number, v: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!worse(v, i, value[parent], index[parent])) break;
    index[at] = index[parent];
    value[at] = value[parent];
    at = parent;
  }
  index[at] = i;
  value[at] = v;
}

/** Puts (i, v) at the root of a heap of `size` and sinks it. */
function siftDown(index: Int32Array, value: Float32Array, size: number, i: number, v: number): void {
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && worse(value[child + 1], index[child + 1], value[child], index[child])) child++;
    if (!worse(value[child], index[child], v, i)) break;
    index[at] = index[child];
    value[at] = value[child];
    at = child;
  }
  index[at] = i;
  value[at] = v;
}
