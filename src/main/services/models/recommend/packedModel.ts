/**
 * A trained network (NeuMF, Wide & Deep) as two files' worth of bytes: a JSON description in which
 * every typed array is replaced by a reference into one binary blob, and the blob. The walk is
 * generic over plain objects and arrays, so a model type gains a field without a new file format.
 * Numbers are stored as they are held (Float32 weights stay Float32: no rounding on the way).
 */

type Packed = { $type: 'f32' | 'f64' | 'i32' | 'u8'; offset: number; length: number };

const KINDS = {
  f32: Float32Array,
  f64: Float64Array,
  i32: Int32Array,
  u8: Uint8Array,
} as const;

function kindOf(value: unknown): keyof typeof KINDS | null {
  if (value instanceof Float32Array) return 'f32';
  if (value instanceof Float64Array) return 'f64';
  if (value instanceof Int32Array) return 'i32';
  if (value instanceof Uint8Array) return 'u8';
  return null;
}

/** The description (JSON text) and the blob of `model`; typed arrays start at 8-byte offsets. */
export function packModel(model: unknown): { json: string; bin: Uint8Array } {
  const parts: { offset: number; bytes: Uint8Array }[] = [];
  let size = 0;
  const walk = (v: unknown): unknown => {
    const kind = kindOf(v);
    if (kind) {
      const a = v as Float32Array | Float64Array | Int32Array | Uint8Array;
      const offset = Math.ceil(size / 8) * 8;
      parts.push({ offset, bytes: new Uint8Array(a.buffer, a.byteOffset, a.byteLength) });
      size = offset + a.byteLength;
      return { $type: kind, offset, length: a.length } satisfies Packed;
    }
    if (ArrayBuffer.isView(v)) throw new Error(`packModel: ${v.constructor.name} is not a supported array`);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('packModel: a weight or setting is not a finite number');
    return v;
  };
  const described = walk(model);
  const bin = new Uint8Array(size);
  for (const p of parts) bin.set(p.bytes, p.offset);
  return { json: JSON.stringify(described), bin };
}

/** The model packModel described; the arrays are fresh copies out of `bin`. */
export function unpackModel<T>(json: string, bin: Uint8Array): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const p = v as Partial<Packed>;
      if (typeof p.$type === 'string' && p.$type in KINDS && typeof p.offset === 'number' && typeof p.length === 'number') {
        const Kind = KINDS[p.$type];
        const bytes = p.length * Kind.BYTES_PER_ELEMENT;
        if (p.offset < 0 || p.offset + bytes > bin.byteLength) throw new Error(`unpackModel: an array reaches past the end of the weights file (${p.offset + bytes} > ${bin.byteLength} bytes)`);
        const copy = new Uint8Array(bytes);
        copy.set(bin.subarray(p.offset, p.offset + bytes));
        return new Kind(copy.buffer);
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(JSON.parse(json)) as T;
}
