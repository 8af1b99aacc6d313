import type { ApiError, ErrorCode } from '@bangfu/types';

export const NETWORK_MESSAGE = '网络不可用，请检查网络后重试';

/** What a transport answers when the request never reached a function (offline, DNS, timeout). */
export function networkFailure(detail?: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'INTERNAL', message: NETWORK_MESSAGE, details: { network: true, detail } } };
}

/** A function answered `{ ok: false }`: `message` is plain Chinese a user can act on. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** `instanceof` is unreliable once classes extending Error are transpiled to ES5, so check the shape. */
export function isApiCallError(e: unknown): e is ApiCallError {
  return !!e && typeof e === 'object' && (e as { name?: string }).name === 'ApiCallError' && 'code' in e;
}

export function isNetworkError(e: unknown): boolean {
  return isApiCallError(e) && !!e.details && typeof e.details === 'object' && (e.details as { network?: boolean }).network === true;
}

/** The message to show a person for any thrown value. */
export function messageOf(e: unknown): string {
  if (isApiCallError(e)) return e.message;
  return '出了点问题，请稍后重试';
}

/**
 * The server's input problems by where they are (`details[].path`, e.g. `household.members.1.birthDate`),
 * so a page shows each message next to its own field rather than one sentence at the top.
 */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  // A thrown ApiCallError, or the ApiError a queued write's refusal carries: both have code and details.
  const err = e as { code?: unknown; details?: unknown } | null;
  if (!err || typeof err !== 'object' || err.code !== 'INVALID_INPUT' || !Array.isArray(err.details)) return {};
  const errors: Record<string, string> = {};
  for (const d of err.details as Array<{ path?: unknown; message?: unknown }>) {
    if (typeof d?.path === 'string' && typeof d.message === 'string' && !(d.path in errors)) errors[d.path] = d.message;
  }
  return errors;
}
