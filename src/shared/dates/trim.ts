/**
 * DuckDB's trim(): removes the Unicode space separators (category Zs: U+0020, U+00A0 no-break space,
 * U+3000 ideographic space, U+2000–U+200A, …) from both ends, and nothing else (not tabs or line breaks,
 * which strptime itself skips; not U+FEFF). The import's SQL trims before reading, so this does too.
 */
const isZs = (c: number) =>
  c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;

export function duckTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isZs(s.charCodeAt(a))) a++;
  while (b > a && isZs(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
