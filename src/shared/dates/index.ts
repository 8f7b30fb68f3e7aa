/**
 * Date formats of imported files: the registry, DuckDB-exact parsing, the import's SQL, inference from a
 * column and plausibility checks, and year-safe calendar helpers. Pure TypeScript (no node, DOM or DuckDB).
 */
export { addDays, addMonths, daysBetween, daysInMonth, isLeapYear, isRealDate, isValidYmd, toIsoDate } from './calendar';
export { TWO_DIGIT_YEAR_PIVOT, TWO_DIGIT_YEAR_RULE, expandTwoDigitYear } from './twoDigitYear';
export {
  DATE_FORMAT_NAMES,
  DATE_FORMAT_SPECS,
  dateFormatProblem,
  dateFormatSpec,
  isPatternRef,
  resolveDateFormat,
  type DateFormatKind,
  type DateFormatRef,
  type DateFormatSpec,
  type DateOrder,
} from './formats';
export { parseDate, parseStrptime, type ParseOptions, type ParsedDate } from './parse';
export { duckTrim } from './trim';
export { dateFormatSql, excelSerialSql, isoSql } from './sql';
export { EXCEL_MAX_SERIAL } from './excel';
export { inferDateFormats, type DateInference, type FormatReading, type InferOptions, type NearMiss } from './infer';
export { inferDateFormatAllowingFew, MAX_BAD_DATE_SHARE } from './tolerant';
export { checkDateFormat, type CheckOptions, type DateCheck } from './check';
export type { DateRange, DateWarning, DateWarningCode, PlausibilityOptions } from './plausibility';
export type { FailedValue } from './column';
