/**
 * The one seam between the client and the functions, per platform:
 * `transport.weapp.ts` (Taro.cloud.callFunction) and `transport.h5.ts` (fetch('/api/<fn>')).
 * Never throws: a network failure answers `{ ok: false, error: { code: 'INTERNAL', details: { network: true } } }`.
 */
import type { ApiResult } from '@bangfu/types';

/**
 * `topLevel` adds fields beside `action`/`payload` (weapp only): WeChat replaces a top-level
 * `Taro.cloud.CloudID(...)` with its open data, and only at the top level (notices' group opens).
 */
export declare function send(fn: string, action: string, payload: unknown, topLevel?: Record<string, unknown>): Promise<ApiResult<unknown>>;
