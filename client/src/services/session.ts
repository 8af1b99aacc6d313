import Taro from '@tarojs/taro';

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
