import tcb from '@cloudbase/node-sdk';

/**
 * Who is calling. In a deployed function the OPENID comes from the WeChat context that CloudBase
 * attaches to the invocation (`getCloudbaseContext` merges the `context` argument with the
 * environment). The local host, and only it, switches to local identity, where the caller is the
 * `devOpenid` it copied from the `x-dev-openid` header. Deployed bundles never call
 * `enableLocalIdentity`, so a deployed function cannot honour that header.
 */
let localIdentity = false;

export function enableLocalIdentity(): void {
  localIdentity = true;
}

/** Local mode (demo host, tests): WeChat cloud calls are recorded instead of made (core/wechat). */
export function isLocalMode(): boolean {
  return localIdentity;
}

export function openidOf(context: unknown): string | null {
  if (localIdentity) {
    const dev = (context as { devOpenid?: unknown } | undefined)?.devOpenid;
    return typeof dev === 'string' && dev.trim() ? dev.trim() : null;
  }
  const ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  return ctx.WX_OPENID || null;
}
