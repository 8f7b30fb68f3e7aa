import { inferDateFormats, type DateInference, type InferOptions } from './infer';

/** The largest share of sampled values that may be unreadable for a format still to be inferred. */
export const MAX_BAD_DATE_SHARE = 0.05;

/**
 * Inference for real files, where a few values are broken (a month 13, a stray text): when no
 * format reads every value but the closest one reads all but a few (at most 10 of the sample, and at
 * most 5 % of it, or one value in a small sample), the format is inferred from the values it reads — still asking when day and month
 * cannot be told apart — and the unreadable ones are left for the import to reject with their
 * reason. `unreadable` says how many there were in the sample.
 */
export function inferDateFormatAllowingFew(column: readonly string[], options: InferOptions = {}): DateInference & { unreadable: number } {
  const first = inferDateFormats(column, options);
  const best = first.nearest[0];
  const allowed = best ? Math.max(1, Math.floor(MAX_BAD_DATE_SHARE * (best.read + best.failed))) : 0;
  if (first.chosen || first.ambiguous || !best || !best.complete || best.failed > allowed) {
    return { ...first, unreadable: 0 };
  }
  const bad = new Set(best.failures.map((f) => f.value));
  const again = inferDateFormats(
    column.filter((v) => !bad.has(v)),
    options,
  );
  const note = ` ${best.failed} value${best.failed === 1 ? '' : 's'} no format reads (e.g. "${best.failures[0].value}") will be rejected as bad dates.`;
  return { ...again, reason: again.reason + note, unreadable: best.failed };
}
