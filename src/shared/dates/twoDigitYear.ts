/**
 * The one two-digit-year rule of the app, DuckDB's (and Python's / POSIX's) for %y:
 * 00–68 → 2000–2068, 69–99 → 1969–1999. The import runs DuckDB's strptime, so any other pivot here
 * would make the preview disagree with what is loaded.
 */
export const TWO_DIGIT_YEAR_PIVOT = 69;

export function expandTwoDigitYear(yy: number): number {
  return yy >= TWO_DIGIT_YEAR_PIVOT ? 1900 + yy : 2000 + yy;
}

/** The rule in words, for reasons and help text. */
export const TWO_DIGIT_YEAR_RULE = 'two-digit years 00–68 are read as 2000–2068 and 69–99 as 1969–1999';
