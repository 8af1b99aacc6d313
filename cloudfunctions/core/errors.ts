import type { ErrorCode } from '../../types/common';

/** An error a domain service raises on purpose: its message is plain Chinese a user can act on. */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (message: string, details?: unknown) => new DomainError('INVALID_INPUT', message, details);
export const forbidden = (message = '您没有权限进行此操作') => new DomainError('FORBIDDEN', message);
/** Also used when the caller may not see a record: they learn nothing about whether it exists. */
export const notFound = (message = '没有找到这条记录，或您无权查看') => new DomainError('NOT_FOUND', message);
export const conflict = (message: string, details?: unknown) => new DomainError('CONFLICT', message, details);
export const rateLimited = (message: string, details?: unknown) => new DomainError('RATE_LIMITED', message, details);
export const unauthenticated = (message = '请先在微信中登录后再试') => new DomainError('UNAUTHENTICATED', message);
