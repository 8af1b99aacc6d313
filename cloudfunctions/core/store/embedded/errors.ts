/**
 * Errors shaped like node-sdk's TcbError (`code`, `message`, `requestId`): against CloudBase a
 * response carrying `code` is thrown by node-sdk as such an error, and `runTransaction` retries
 * exactly when `error.code === 'DATABASE_TRANSACTION_CONFLICT'`.
 */
export const ErrorCode = {
  INVALID_PARAM: 'INVALID_PARAM',
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  /** Works on CloudBase but not in the embedded store (geo operators, realtime watch…). */
  UNSUPPORTED: 'EMBEDDED_UNSUPPORTED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DbError extends Error {
  readonly code: ErrorCode;
  requestId = '';

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DbError';
    this.code = code;
  }
}

export const unsupported = (what: string): DbError =>
  new DbError(ErrorCode.UNSUPPORTED, `[embedded store] ${what} is not supported locally`);

/** SQLite failures the caller can act on, mapped to the codes CloudBase would answer. */
export function mapSqliteError(err: unknown): unknown {
  const code = (err as { code?: string } | null)?.code ?? '';
  const message = (err as Error | null)?.message ?? String(err);
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new DbError(ErrorCode.DUPLICATE_WRITE, `E11000 duplicate key error: ${message}`);
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return new DbError(ErrorCode.REQUEST_FAILED, `database is locked by another process: ${message}`);
  }
  return err;
}
