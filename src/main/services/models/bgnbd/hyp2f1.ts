/** Most terms the series may take: at z = 0.9999 about 500 000 are needed for 15 digits. */
const MAX_TERMS = 2_000_000;

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) = Σ_j (a)_j (b)_j / ((c)_j j!) z^j for 0 ≤ z < 1,
 * by its series. Term j + 1 is term j times ρ_j = z (a + j)(b + j) / ((c + j)(j + 1)), and
 * ρ_k / z − 1 = ((a − 1)(b − 1) + (k + 1)(a + b − c − 1)) / ((c + k)(k + 1)), so for every k > j
 * (once c + j + 1 > 0) |ρ_k| ≤ q = z (1 + |(a − 1)(b − 1)| / ((c + j + 1)(j + 2)) + |a + b − c − 1| / (c + j + 1)).
 * When q < 1 the terms left add up to at most |term|·q/(1 − q): the sum stops once that is below
 * 1e-16 of it. Throws where z is outside [0, 1), where c is 0 or a negative whole number (the
 * function is undefined there), or where MAX_TERMS are not enough.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1: z = ${z} is outside [0, 1).`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c = ${c} is 0 or a negative whole number.`);
  const ab = Math.abs((a - 1) * (b - 1));
  const slope = Math.abs(a + b - c - 1);
  let term = 1;
  let sum = 1;
  for (let j = 0; j < MAX_TERMS; j++) {
    term *= (z * (a + j) * (b + j)) / ((c + j) * (j + 1));
    sum += term;
    if (term === 0) return sum;
    const next = c + j + 1;
    if (next <= 0) continue;
    const q = z * (1 + ab / (next * (j + 2)) + slope / next);
    if (q < 1 && (Math.abs(term) * q) / (1 - q) <= 1e-16 * Math.abs(sum)) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}): the series did not converge in ${MAX_TERMS} terms.`);
}
