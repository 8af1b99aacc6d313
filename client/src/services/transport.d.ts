/**
 * The one seam between the client and the functions, per platform:
 * `transport.weapp.ts` (Taro.cloud.callFunction) and `transport.h5.ts` (fetch('/api/<fn>')).
 * Never throws: a network failure answers `{ ok: false, error: { code: 'INTERNAL', details: { network: true } } }`.
 */
import type { ApiResult } from '@bangfu/types';

export declare function send(fn: string, action: string, payload: unknown): Promise<ApiResult<unknown>>;
