import Taro from '@tarojs/taro';
import type { ApiResult } from '@bangfu/types';
import { ApiCallError, networkFailure } from './errors';

/** Set after a ticket sign-in, removed on sign-out: the js-sdk's own store does not say which kind of session it holds. */
export const WEB_SESSION_KEY = 'bf.webSession';
/** The environment a local build's js-sdk names; the local host answers for it (core/local/cloudbase-auth.ts). */
const LOCAL_ENV = 'bangfu-local';

interface SdkResult {
  error?: unknown;
}
interface SdkAuth {
  signInAnonymously(): Promise<SdkResult>;
  signInWithCustomTicket(getTicket: () => Promise<string>): Promise<SdkResult>;
  signOut(): Promise<SdkResult>;
  hasLoginState(): unknown;
}
interface SdkApp {
  auth: SdkAuth;
  callFunction(options: { name: string; data: unknown }): Promise<{ result: unknown }>;
  /** js-sdk 3 storage (types/storage.d.ts ICloudbaseUploadFileParams): in a browser `filePath` is the File or Blob itself. */
  uploadFile(options: { cloudPath: string; filePath: Blob }): Promise<{ fileID: string }>;
  registerHost(host: string, protocol?: 'http' | 'https'): void;
}

let app: Promise<SdkApp> | null = null;

/**
 * The js-sdk, loaded on first use (its own chunk: the demo and the mini-program never fetch it).
 * Only what is used is registered: app, auth, functions, storage. A build without a CloudBase environment
 * (local) points it at this origin with the js-sdk's own `registerHost`, which swaps the endpoint
 * and nothing else, so the local host receives exactly the requests CloudBase would.
 */
function sdk(): Promise<SdkApp> {
  app ??= (async () => {
    const [{ default: cloudbase }, { registerAuth }, { registerFunctions }, { registerStorage }] = await Promise.all([
      import('@cloudbase/js-sdk/app'),
      import('@cloudbase/js-sdk/auth'),
      import('@cloudbase/js-sdk/functions'),
      import('@cloudbase/js-sdk/storage'),
    ]);
    // As the js-sdk's own entry does: a component already registered (a second init after a failed one) is kept.
    for (const register of [registerAuth, registerFunctions, registerStorage]) {
      try {
        register(cloudbase);
      } catch {
        // registered before
      }
    }
    const instance = cloudbase.init({ env: CLOUD_ENV || LOCAL_ENV, timeout: 15000 }) as unknown as SdkApp;
    if (!CLOUD_ENV) instance.registerHost(window.location.host, window.location.protocol === 'https:' ? 'https' : 'http');
    return instance;
  })();
  app.catch(() => {
    app = null;
  });
  return app;
}

export function hasWebSession(): boolean {
  try {
    return Taro.getStorageSync(WEB_SESSION_KEY) === '1';
  } catch {
    return false;
  }
}

function isResult(value: unknown): value is ApiResult<unknown> {
  return !!value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** CloudBase refused the session itself (expired refresh token, revoked): the person signs in again. */
function sessionRefused(e: unknown): boolean {
  const code = String((e as { code?: unknown; error?: unknown })?.code ?? (e as { error?: unknown })?.error ?? '');
  return (
    /ACCESS_TOKEN|unauthenticated|invalid_grant|INVALID_ACCESS_TOKEN/i.test(code) || /without auth|no refresh token/i.test(String((e as Error)?.message ?? ''))
  );
}

export async function callFunction(fn: string, data: Record<string, unknown>): Promise<ApiResult<unknown>> {
  let instance: SdkApp;
  try {
    instance = await sdk();
    // Before an admin has signed in, the sign-in page's own calls (start, claim) go as an anonymous CloudBase user.
    if (!instance.auth.hasLoginState()) {
      const anonymous = await instance.auth.signInAnonymously();
      if (anonymous?.error) return networkFailure(String((anonymous.error as Error).message ?? anonymous.error));
    }
  } catch (e) {
    return networkFailure(String(e));
  }
  try {
    const { result } = await instance.callFunction({ name: fn, data });
    if (isResult(result)) {
      if (!result.ok && result.error.code === 'UNAUTHENTICATED' && hasWebSession()) await endWebSession();
      return result;
    }
    return { ok: false, error: { code: 'INTERNAL', message: '服务返回了无法识别的结果，请稍后重试' } };
  } catch (e) {
    if (sessionRefused(e)) {
      await endWebSession();
      return { ok: false, error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新扫码登录' } };
    }
    return networkFailure(String((e as Error)?.message ?? e));
  }
}

export async function signInWithTicket(ticket: string): Promise<void> {
  const instance = await sdk();
  const { error } = await instance.auth.signInWithCustomTicket(() => Promise.resolve(ticket));
  if (error) throw new ApiCallError({ code: 'UNAUTHENTICATED', message: '登录没有成功，请刷新二维码后重新扫码' });
  Taro.setStorageSync(WEB_SESSION_KEY, '1');
}

export async function endWebSession(): Promise<void> {
  Taro.removeStorageSync(WEB_SESSION_KEY);
  try {
    await (await sdk()).auth.signOut();
  } catch {
    // Signing out locally is what matters; CloudBase drops the refresh token when it can.
  }
}

export async function uploadFile(cloudPath: string, file: Blob): Promise<string> {
  const instance = await sdk();
  let fileID: string | undefined;
  try {
    ({ fileID } = await instance.uploadFile({ cloudPath, filePath: file }));
  } catch (e) {
    if (sessionRefused(e)) {
      await endWebSession();
      throw new ApiCallError({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新扫码登录' });
    }
    throw new ApiCallError({ code: 'INTERNAL', message: '上传失败，请检查网络后重试' });
  }
  if (!fileID) throw new ApiCallError({ code: 'INTERNAL', message: '上传失败，请重试' });
  return fileID;
}
