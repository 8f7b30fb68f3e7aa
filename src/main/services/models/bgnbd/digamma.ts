/**
 * ψ(x) = d/dx ln Γ(x) for x > 0 (NaN otherwise): the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10,
 * then the asymptotic series ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) to k = 6 (the next term is below 1e-15 there).
 */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const w = 1 / (x * x);
  // Σ B₂ₖ/(2k) w^k for k = 1 … 6, by Horner: B₂ₖ/(2k) = 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760.
  const tail = w * (1 / 12 + w * (-1 / 120 + w * (1 / 252 + w * (-1 / 240 + w * (1 / 132 + w * (-691 / 32760))))));
  return shift + Math.log(x) - 0.5 / x - tail;
}
