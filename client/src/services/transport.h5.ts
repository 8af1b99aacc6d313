import type { ApiResult } from '@bangfu/types';
import { networkFailure } from './errors';
import { uuid } from './request-id';
import { getDemoOpenid } from './session';

/** Local mode (SPEC §4): the host at the same origin answers `POST /api/<function>`; `x-dev-openid` picks the caller. */
export async function send(fn: string, action: string, payload: unknown): Promise<ApiResult<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const openid = getDemoOpenid();
  if (openid) headers['x-dev-openid'] = openid;
  let res: Response;
  try {
    res = await fetch('/api/' + fn, { method: 'POST', headers, body: JSON.stringify({ action, payload, requestId: uuid() }) });
  } catch (e) {
    return networkFailure(String(e));
  }
  try {
    const body = (await res.json()) as ApiResult<unknown>;
    if (body && typeof body === 'object' && typeof body.ok === 'boolean') return body;
  } catch {
    // fall through: not JSON (a proxy error page, an empty 502)
  }
  if (res.status >= 500 || res.status === 0) return networkFailure(`HTTP ${res.status}`);
  return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的结果（HTTP ${res.status}），请稍后重试` } };
}
