/** Error codes that cross every transport. The renderer switches on `code`, never on message text. */
export type ErrorCode =
  | 'BAD_ARGUMENT'
  | 'FORBIDDEN'
  | 'UNKNOWN_METHOD'
  | 'NOT_FOUND'
  | 'NOT_A_PROJECT'
  | 'PROJECT_EXISTS'
  | 'PROJECT_LOCKED'
  | 'BUSY'
  | 'ALREADY_IMPORTED'
  | 'NO_LPOINT_FILES'
  | 'BAD_FILE'
  | 'IMPORT_FAILED'
  | 'TOO_MANY_REJECTS'
  | 'CANCELLED'
  | 'IO'
  | 'INTERNAL';

/** One failed check of an argument: where (schema path, e.g. ['weights', '0']) and what. */
export interface WireIssue {
  path: string[];
  /** In English, for logs and the CLI; the app words the issue from the fields below in its own language. */
  message: string;
  /** The schema check that failed (zod's issue code: too_small, too_big, invalid_type, invalid_format, invalid_value, custom). */
  code?: string;
  /** What the bound of too_small / too_big counts: number, string (characters), array (items) … */
  origin?: string;
  minimum?: number;
  maximum?: number;
  /** A service's own check: the key of its sentence in the i18n table (ISSUE_TEXTS), with the values to fill in. */
  key?: string;
  params?: Record<string, string | number>;
}

export interface WireError {
  code: ErrorCode;
  /** One readable sentence in English (for BAD_ARGUMENT: every issue, joined). */
  message: string;
  /**
   * For BAD_ARGUMENT: the failed checks one by one; for any other code of a keyed error: one issue
   * without a path carrying the sentence's key and values. A caller words them its own way.
   */
  issues?: WireIssue[];
}

/** The values a keyed sentence is filled with: file names, folders, run ids, line numbers, an engine's own message … */
export type DetailParams = Record<string, string | number>;

/**
 * A service's error worded for the analyst: the English sentence (logs, the CLI) and the key of its
 * sentence in the i18n table (DETAIL_TEXTS; an input to fix is badArgument's, in ISSUE_TEXTS) with the
 * values to fill in. It travels as one issue without a path, so the app words it in its language like an argument issue.
 */
export function keyedError(code: ErrorCode, message: string, key: string, params: DetailParams = {}): AppError {
  return keyed(code, message, [], key, params);
}

/** A service's BAD_ARGUMENT naming the input to fix: the English sentence, and its i18n key with the values. */
export function badArgument(message: string, path: string[], key: string, params: DetailParams = {}): AppError {
  return keyed('BAD_ARGUMENT', message, path, key, params);
}

function keyed(code: ErrorCode, message: string, path: string[], key: string, params: DetailParams): AppError {
  return new AppError(code, message, [{ path, message, code: 'custom', key, params }]);
}

/** A failure a user can act on: the message is one clear sentence. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: WireIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WireError).code === 'string' &&
    typeof (value as WireError).message === 'string' &&
    ((value as WireError).issues === undefined || Array.isArray((value as WireError).issues))
  );
}

/** Any thrown value as it crosses the wire: an AppError keeps its code (and issues), anything else is INTERNAL. */
export function toWireError(error: unknown): WireError {
  if (error instanceof AppError) {
    return error.issues ? { code: error.code, message: error.message, issues: error.issues } : { code: error.code, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}
