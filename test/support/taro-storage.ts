/**
 * Taro's storage API over a Map, for client tests in Node (`wx` does not exist there). The Map lives
 * on globalThis, so it survives `jest.resetModules()` / `isolateModules`: a test reloads the queue
 * modules to play an app restart, and what was stored must still be there, as on a phone.
 *
 *   jest.mock('@tarojs/taro', () => jest.requireActual('../support/taro-storage').taroModule);
 */
const holder = globalThis as { __bangfuTaroStorage?: Map<string, unknown> };
export const storage: Map<string, unknown> = (holder.__bangfuTaroStorage ??= new Map());

export const taroModule = {
  __esModule: true,
  default: {
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, JSON.parse(JSON.stringify(v))),
    removeStorageSync: (k: string) => void storage.delete(k),
  },
};
