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
  message: string;
}

export interface WireError {
  code: ErrorCode;
  /** One readable sentence (for BAD_ARGUMENT: every issue, joined). */
  message: string;
  /** For BAD_ARGUMENT: the failed checks one by one, so a caller words them its own way. */
  issues?: WireIssue[];
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
