import type { ApiResult } from '../../../types';

/** `client/src/services/transport` for the soak: the queue's sends go to whatever the soak installed. */
type Send = (fn: string, action: string, payload: unknown) => Promise<ApiResult<unknown>>;

let current: Send | null = null;

export function useTransport(send: Send): void {
  current = send;
}

export function send(fn: string, action: string, payload: unknown): Promise<ApiResult<unknown>> {
  if (!current) throw new Error('soak: no transport installed');
  return current(fn, action, payload);
}
