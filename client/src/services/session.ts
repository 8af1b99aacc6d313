import Taro from '@tarojs/taro';
import { ApiCallError, NETWORK_MESSAGE } from './errors';

/**
 * The local demo's signed-in account (H5 only): the openid sent as `x-dev-openid`.
 * Stored with Taro storage, i.e. localStorage key `bf.demoOpenid` on H5.
 */
export const DEMO_OPENID_KEY = 'bf.demoOpenid';

export function getDemoOpenid(): string {
  try {
    const value: unknown = Taro.getStorageSync(DEMO_OPENID_KEY);
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}

export function setDemoOpenid(openid: string) {
  Taro.setStorageSync(DEMO_OPENID_KEY, openid.trim());
}

export function clearDemoOpenid() {
  Taro.removeStorageSync(DEMO_OPENID_KEY);
}

/**
 * The local demo's caller header for the host's own routes (`/api/files`), none outside demo
 * builds. Written with DEMO_BUILD itself, a literal after the build's define, so a production
 * bundle drops the header name as well.
 */
export function demoHeaders(): Record<string, string> {
  return process.env.TARO_ENV === 'h5' && DEMO_BUILD ? { 'x-dev-openid': getDemoOpenid() } : {};
}

/** Local demo builds only (DEMO_BUILD, config/index.ts): the browser may sign in as a seeded account instead of by scanning. */
export const DEMO_SIGN_IN = process.env.TARO_ENV === 'h5' && DEMO_BUILD;

/** The browser build signs admins in by scanning with the mini-program (pages/login); WeChat signs in by itself. */
export const WEB_SIGN_IN = process.env.TARO_ENV === 'h5';

/** True when the launcher must first send the person to the sign-in page, unless a web session holds (web-session.d.ts). */
export function needsSignIn(): boolean {
  return WEB_SIGN_IN && !(DEMO_SIGN_IN && getDemoOpenid());
}

export interface DemoAccount {
  openid: string;
  name: string;
  role: 'admin' | 'helper' | 'household' | null;
  description: string;
}

/** The seeded demo accounts, from the local host (`GET /api/dev/accounts`); H5 only. */
export async function listDemoAccounts(): Promise<DemoAccount[]> {
  let res: Response;
  try {
    res = await fetch('/api/dev/accounts', { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiCallError({ code: 'INTERNAL', message: NETWORK_MESSAGE, details: { network: true } });
  }
  const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { items?: DemoAccount[] }; error?: { message?: string } } | null;
  if (body?.ok && Array.isArray(body.data?.items)) return body.data.items;
  throw new ApiCallError({ code: 'INTERNAL', message: body?.error?.message || '无法读取演示账号，请确认本地服务（npm start）已启动' });
}
