import Taro from '@tarojs/taro';
import { getDemoOpenid } from './session';
import { isNetworkError } from './errors';

/**
 * The last answer of the few reads a helper needs to start without signal (who am I, my
 * households), kept on the phone under the account that got it: a cold start in a courtyard
 * opens the list and 记录走访 instead of an error. Only these small answers, no ID numbers or
 * phones; signing out drops them.
 */
const KEYS = ['whoami', 'listDue'] as const;
type KeptKey = (typeof KEYS)[number];
const storageKey = (key: KeptKey) => `bf.kept.${key}`;

interface Kept<T> {
  account: string;
  savedAt: string;
  value: T;
}

export function keepAnswer<T>(key: KeptKey, value: T): void {
  try {
    Taro.setStorageSync(storageKey(key), { account: getDemoOpenid(), savedAt: new Date().toISOString(), value } satisfies Kept<T>);
  } catch {
    // Storage full: the next online start keeps it; nothing else depends on it.
  }
}

export function keptAnswer<T>(key: KeptKey): { value: T; savedAt: string } | null {
  try {
    const kept = Taro.getStorageSync(storageKey(key)) as Kept<T> | '';
    return kept && kept.account === getDemoOpenid() ? { value: kept.value, savedAt: kept.savedAt } : null;
  } catch {
    return null;
  }
}

export function dropKeptAnswers(): void {
  KEYS.forEach((k) => Taro.removeStorageSync(storageKey(k)));
}

/**
 * `read`'s answer, kept for next time; without a network, the kept one (`savedAt` says from when).
 * Any other failure (signed out, refused) is thrown as it is.
 */
export async function readOrKept<T>(key: KeptKey, read: () => Promise<T>): Promise<{ value: T; savedAt: string | null }> {
  try {
    const value = await read();
    keepAnswer(key, value);
    return { value, savedAt: null };
  } catch (e) {
    const kept = isNetworkError(e) ? keptAnswer<T>(key) : null;
    if (!kept) throw e;
    return kept;
  }
}
