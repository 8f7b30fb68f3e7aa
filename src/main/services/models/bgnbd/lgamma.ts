/**
 * Lanczos approximation (g = 607/128, 15 terms; P. Godfrey's coefficients, as in Boost and Apache
 * Commons Math): about 15 significant digits for Γ(x), x ≥ 0.5. Smaller positive x go through the
 * reflection formula, where ln Γ stays accurate down to x ≈ 1e-300.
 */
const G = 607 / 128;
// Godfrey's 20-digit coefficients, written as the doubles they round to.
const COEFFICIENTS = [
  0.9999999999999971, 57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  0.00003399464998481189, 0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275,
  -0.000026190838401581408, 0.0000036899182659531625,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (NaN otherwise). */
export function lgamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  if (x === 1 || x === 2) return 0;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  // Series in 1/(x + i) on Γ(x) = √(2π) (x + g − ½)^(x − ½) e^−(x + g − ½) A(x − 1); the i = 0 term is the constant.
  let sum = COEFFICIENTS[0];
  for (let i = COEFFICIENTS.length - 1; i > 0; i--) sum += COEFFICIENTS[i] / (x - 1 + i);
  const t = x + G - 0.5;
  return HALF_LOG_2PI + (x - 0.5) * Math.log(t) - t + Math.log(sum);
}
