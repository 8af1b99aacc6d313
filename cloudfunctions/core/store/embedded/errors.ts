/**
 * Errors with the codes and messages CloudBase answers. Against CloudBase a response carrying
 * `code` is thrown by node-sdk as its TcbError (`code`, `message`, `requestId`); the embedded
 * requester hands these to node-sdk's own `processReturn`, so callers get that very object (see
 * index.ts), and `runTransaction` retries exactly when `error.code === 'DATABASE_TRANSACTION_CONFLICT'`.
 */
export const ErrorCode = {
  INVALID_PARAM: 'INVALID_PARAM',
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  /** Works on CloudBase but not in the embedded store (realtime watch, big polygons…). */
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

/** The suffix CloudBase appends to its ResourceUnavailable answers. */
const CONTACT = 'Please check your request, but if the problem persists, contact us.';

/**
 * CloudBase's answer to a write that meets another transaction's write, or a document changed
 * since the transaction's snapshot (node-sdk's own transaction tests against CloudBase assert
 * this code and message: TencentCloudBase/node-sdk test/database/unit/transaction.test.ts).
 */
export const transactionConflict = (): DbError =>
  new DbError(
    ErrorCode.TRANSACTION_CONFLICT,
    `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${CONTACT}`,
  );

/** CloudBase's answer to any call on a transaction that was committed, aborted or expired (same test). */
export const transactionNotExist = (): DbError =>
  new DbError(
    ErrorCode.TRANSACTION_FAIL,
    `[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. ${CONTACT}`,
  );

/**
 * A write outside any transaction met a document an open transaction has written: MongoDB makes
 * such a write wait until the transaction ends, so the request layer retries it (request.ts).
 * `until` is when the transaction expires at the latest.
 */
export class LockedError extends DbError {
  constructor(readonly until: number) {
    super(ErrorCode.REQUEST_FAILED, 'the document is being written by an open transaction');
    this.name = 'LockedError';
  }
}

export const unsupported = (what: string): DbError => new DbError(ErrorCode.UNSUPPORTED, `[embedded store] ${what} is not supported locally`);

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
