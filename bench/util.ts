/** Small helpers for the benchmarks: figures are printed, never asserted. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

export const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
