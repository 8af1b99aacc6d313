import type { ApiResult } from '@bangfu/types';
import { networkFailure } from './errors';
import { uuid } from './request-id';
import { getDemoOpenid } from './session';
import { callFunction } from './web-session';

/**
 * The browser's calls go through `@cloudbase/js-sdk` (web-session.h5.ts): to CloudBase in a
 * production build, to the local host (which speaks the same protocol) in a local one. Only the
 * local demo, signed in by picking an account, calls `POST /api/<function>` with `x-dev-openid`;
 * a production build has no such path (DEMO_BUILD is false there and this branch is dropped).
 */
export async function send(fn: string, action: string, payload: unknown): Promise<ApiResult<unknown>> {
  const event = { action, payload, requestId: uuid() };
  // DEMO_BUILD is a literal after the build's define: a production bundle drops sendAsDemo entirely.
  const demoOpenid = DEMO_BUILD ? getDemoOpenid() : '';
  if (demoOpenid) return sendAsDemo(fn, event, demoOpenid);
  return callFunction(fn, event);
}

async function sendAsDemo(fn: string, event: Record<string, unknown>, openid: string): Promise<ApiResult<unknown>> {
  let res: Response;
  try {
    res = await fetch('/api/' + fn, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': openid }, body: JSON.stringify(event) });
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
