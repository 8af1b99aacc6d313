import tcb from '@cloudbase/node-sdk';
import { isLocalMode } from './runtime';

/**
 * Who is calling: a WeChat user by their OPENID (the mini-program), or a web session by the
 * CloudBase custom user id its custom-login ticket was issued for (an admin at a desk,
 * core/auth/web-login.service.ts). Never both, and never taken from the payload.
 */
export type Caller = { openid: string; customUserId?: undefined } | { customUserId: string; openid?: undefined };

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * In a deployed function both come from the context CloudBase attaches to the invocation
 * (`getCloudbaseContext` merges the `context` argument with the environment): `WX_OPENID` for a
 * mini-program call, `TCB_CUSTOM_USER_ID` for a js-sdk call signed in with a custom-login ticket.
 * In local mode (runtime.ts), and only there, they are what the local host copied into the
 * context: `devOpenid` from the demo's `x-dev-openid` header, `customUserId` from an access token
 * the host itself issued and verified (core/local/cloudbase-auth.ts). A deployed function never
 * honours either field.
 */
export function callerOf(context: unknown): Caller | null {
  if (isLocalMode()) {
    const local = context as { devOpenid?: unknown; customUserId?: unknown } | undefined;
    const openid = text(local?.devOpenid);
    if (openid) return { openid };
    const customUserId = text(local?.customUserId);
    return customUserId ? { customUserId } : null;
  }
  const ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  if (ctx.WX_OPENID) return { openid: ctx.WX_OPENID };
  return ctx.TCB_CUSTOM_USER_ID ? { customUserId: ctx.TCB_CUSTOM_USER_ID } : null;
}
