import { quotedIdentifier } from '@duckdb/node-api';
import { checkDateFormat, inferDateFormatAllowingFew, inferDateFormats } from '../../../shared/dates';
import { keyedError } from '../../../shared/errors';
import type { DateColumnCheck } from '../../../shared/reports';
import { withScratchSession } from '../db/database';
import { readSource, type StageSource } from './loadFile';

/** How many values of the date column inference and checks read (spread over the whole file). */
export const DATE_SAMPLE = 10_000;

/** Up to DATE_SAMPLE non-empty values of one column, drawn from the whole file (a repeatable sample). */
export async function sampleColumnValues(source: Omit<StageSource, 'mapping'>, index: number): Promise<string[]> {
  const column = quotedIdentifier(source.columns[index]);
  const from = readSource(source, 'ignore');
  return withScratchSession(async (db) => {
    const rows = await db.all<{ v: string }>(
      `SELECT v FROM (SELECT ${column} AS v FROM ${from} WHERE nullif(trim(${column}), '') IS NOT NULL)
       USING SAMPLE reservoir(${DATE_SAMPLE} ROWS) REPEATABLE (20210101)`,
    );
    return rows.map((r) => r.v);
  });
}

export interface ResolvedDates {
  /** The format the import uses (a registry name or a strptime pattern). */
  format: string;
  /** English sentences: dates that look wrong. Empty when none. */
  warnings: string[];
}

/**
 * The date format of a purchase file's date column: inferred from its values when `auto`, else
 * the one given, checked against the values. Refuses (and imports nothing) when the values fit
 * two formats that read them differently, fit none, or look implausible — unless `acceptWarnings`.
 */
export function resolveDates(values: string[], requested: string, column: string, file: string, acceptWarnings: boolean): ResolvedDates {
  let format: string;
  let warnings: string[];
  // The first and last day read: how wrong dates look, in any language.
  let range: { first: string; last: string } | null;
  if (requested === 'auto') {
    const inferred = inferDateFormatAllowingFew(values);
    if (inferred.ambiguous) {
      throw keyedError(
        'BAD_ARGUMENT',
        `The dates in column "${column}" of ${file} fit ${inferred.choices.join(' and ')}, which read them differently. ${inferred.reason} ` +
          `Nothing was imported; set dateFormat in the mapping to one of them.`,
        'datesAmbiguous',
        { column, file, choices: inferred.choices.join(', ') },
      );
    }
    if (!inferred.chosen) {
      const message = `Column "${column}" of ${file}: ${inferred.reason} Nothing was imported.`;
      const near = inferred.nearest[0];
      if (inferred.checked === 0) throw keyedError('BAD_FILE', message, 'datesNone', { column, file });
      if (near) {
        const params = { column, file, format: near.format, read: near.read, checked: near.read + near.failed, value: near.failures[0]?.value ?? '' };
        throw keyedError('BAD_FILE', message, 'datesNearest', params);
      }
      throw keyedError('BAD_FILE', message, 'datesNoFormat', { column, file });
    }
    format = inferred.chosen;
    warnings = inferred.warnings.map((w) => w.message);
    range = inferred.range;
  } else {
    format = requested;
    const check = checkDateFormat(values, requested);
    warnings = check.warnings.map((w) => w.message);
    range = check.range;
    if (check.checked > 0 && check.read === 0) {
      throw keyedError(
        'BAD_FILE',
        `Column "${column}" of ${file}: ${check.summary} Nothing was imported; choose another date format or leave it to auto.`,
        'datesFormatReadsNone',
        { column, file, format: check.format, checked: check.checked, value: check.failures[0]?.value ?? '' },
      );
    }
    if (check.failed > 0) {
      // Another format reading every value means the chosen one is wrong (e.g. M/D/YY on day-first data).
      const inferred = inferDateFormats(values);
      const better = inferred.chosen ?? (inferred.ambiguous ? inferred.choices.join(' or ') : null);
      if (better && better !== requested) {
        throw keyedError(
          'BAD_FILE',
          `Column "${column}" of ${file}: ${check.summary} ${better} reads every value. Nothing was imported; set dateFormat to ${better}, or leave it to auto.`,
          'datesBetterFormat',
          { column, file, format: check.format, read: check.read, checked: check.checked, better: inferred.chosen ?? inferred.choices.join(', ') },
        );
      }
    }
  }
  if (warnings.length && !acceptWarnings) {
    throw keyedError(
      'BAD_FILE',
      `The dates in column "${column}" of ${file} read as ${format} look wrong: ${warnings.join(' ')} ` +
        `Nothing was imported; check the date format, or import anyway with --accept-date-warnings.`,
      'datesLookWrong',
      { column, file, format, first: range?.first ?? '?', last: range?.last ?? '?' },
    );
  }
  return { format, warnings };
}

/** The wizard's view of a date column: inferred (or checked) on a sample of the whole file, nothing imported. */
export function describeDateColumn(values: string[], requested: string, column: string): DateColumnCheck {
  if (requested !== 'auto') {
    const check = checkDateFormat(values, requested);
    return {
      column,
      format: check.format,
      ambiguous: false,
      choices: [],
      example: null,
      first: check.range?.first ?? null,
      last: check.range?.last ?? null,
      warnings: check.warnings.map((w) => w.message),
      reason: check.summary,
      checked: check.checked,
    };
  }
  const inferred = inferDateFormatAllowingFew(values);
  return {
    column,
    format: inferred.chosen,
    ambiguous: inferred.ambiguous,
    choices: inferred.ambiguous ? inferred.readings.map((r) => ({ format: r.format, first: r.range?.first ?? null, last: r.range?.last ?? null })) : [],
    example: inferred.example ? { value: inferred.example.value, dates: inferred.example.dates } : null,
    first: inferred.range?.first ?? null,
    last: inferred.range?.last ?? null,
    warnings: inferred.warnings.map((w) => w.message),
    reason: inferred.reason,
    checked: inferred.checked,
  };
}
