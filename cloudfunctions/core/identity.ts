import tcb from '@cloudbase/node-sdk';
import { isLocalMode } from './runtime';

/**
 * Who is calling. In a deployed function the OPENID comes from the WeChat context that CloudBase
 * attaches to the invocation (`getCloudbaseContext` merges the `context` argument with the
 * environment). In local mode (runtime.ts), and only there, the caller is the `devOpenid` the
 * local host copied from the `x-dev-openid` header: a deployed function never honours that header.
 */
export function openidOf(context: unknown): string | null {
  if (isLocalMode()) {
    const dev = (context as { devOpenid?: unknown } | undefined)?.devOpenid;
    return typeof dev === 'string' && dev.trim() ? dev.trim() : null;
  }
  const ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  return ctx.WX_OPENID || null;
}
