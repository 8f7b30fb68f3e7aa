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
  | 'CANCELLED'
  | 'IO'
  | 'INTERNAL';

export interface WireError {
  code: ErrorCode;
  message: string;
}

/** A failure a user can act on: the message is one clear sentence. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
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
    typeof (value as WireError).message === 'string'
  );
}
