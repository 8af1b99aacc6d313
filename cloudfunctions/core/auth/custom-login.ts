import tcb from '@cloudbase/node-sdk';
import { z } from '../../../types/z';
import { isLocalMode } from '../runtime';
import { DomainError } from '../errors';
import { setting } from '../settings';

/** The key file CloudBase's console hands out for custom login (自定义登录私钥), as node-sdk's `credentials` takes it. */
export const CustomLoginKey = z.object({ private_key_id: z.string().min(1), private_key: z.string().min(1), env_id: z.string().min(1) });
export type CustomLoginKey = z.infer<typeof CustomLoginKey>;

let localKey: (() => CustomLoginKey) | null = null;

/** For core/local only: the local host plays CloudBase's part of custom login with a key of its own. */
export function useLocalCustomLoginKey(key: (() => CustomLoginKey) | null): void {
  localKey = key;
}

function loginKey(): CustomLoginKey {
  if (isLocalMode()) {
    if (!localKey) throw new Error('local mode has no custom-login key (core/local/cloudbase-auth.ts)');
    return localKey();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(setting('CUSTOM_LOGIN_KEY'));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    parsed = null;
  }
  const key = CustomLoginKey.safeParse(parsed);
  if (!key.success)
    throw new DomainError(
      'INTERNAL',
      '服务配置不完整：自定义登录私钥（CUSTOM_LOGIN_KEY）格式不对，请联系县扶贫办检查。The CUSTOM_LOGIN_KEY setting is not the JSON of the key file.',
    );
  return key.data;
}

/** Access tokens last 2 hours and refresh for 30 days, as CloudBase's own sessions do (DESIGN §5). */
const ACCESS_MS = 2 * 60 * 60 * 1000;
const SESSION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A CloudBase custom-login ticket for this custom user id, signed by node-sdk's own
 * `app.auth().createTicket` with the environment's key; the browser hands it to
 * `auth.signInWithCustomTicket`. Valid 10 minutes, for one sign-in.
 */
export function createTicket(customUserId: string, now: Date): string {
  const key = loginKey();
  const app = tcb.init({ env: key.env_id, credentials: key });
  return app.auth().createTicket(customUserId, { refresh: ACCESS_MS, expire: now.getTime() + SESSION_MS });
}
