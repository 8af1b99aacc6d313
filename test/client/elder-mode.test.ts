/**
 * 长辈版 follows WeChat's font size until the person chooses (SPEC §2): the weapp reader and the
 * rule of services/prefs, with Taro's storage and system info in memory.
 */
const info: { app?: () => unknown; system?: () => unknown } = {};
const store = new Map<string, unknown>();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getAppBaseInfo: () => (info.app ? info.app() : {}),
    getSystemInfoSync: () => (info.system ? info.system() : {}),
    getStorageSync: (k: string) => (store.has(k) ? store.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void store.set(k, v),
  },
}));
jest.mock('../../client/src/services/font-scale', () => jest.requireActual('../../client/src/services/font-scale.weapp'), { virtual: true });

beforeEach(() => {
  store.clear();
  info.app = undefined;
  info.system = undefined;
  jest.resetModules();
});
const prefs = () => require('../../client/src/services/prefs') as typeof import('../../client/src/services/prefs');
const scale = () => (require('../../client/src/services/font-scale.weapp') as typeof import('../../client/src/services/font-scale.weapp')).systemFontScale();

describe('the system font size, as WeChat reports it', () => {
  test("getAppBaseInfo's fontSizeScaleFactor 1.4 reads 1.4", () => {
    info.app = () => ({ fontSizeScaleFactor: 1.4 });
    expect(scale()).toBe(1.4);
  });
  test('an old client without getAppBaseInfo falls back to fontSizeSetting 20 → 1.25', () => {
    info.app = () => {
      throw new Error('not supported');
    };
    info.system = () => ({ fontSizeSetting: 20 });
    expect(scale()).toBe(1.25);
  });
  test('nothing reported reads standard size 1', () => expect(scale()).toBe(1));
});

describe('长辈版 on or off', () => {
  test('with the largest WeChat font and no choice made, it is on, following the font, grown 1.5 times at most', () => {
    info.app = () => ({ fontSizeScaleFactor: 2 });
    const p = prefs();
    expect(p.isElderMode()).toBe(true);
    expect(p.followsSystemFont()).toBe(true);
    expect(p.elderScale()).toBe(1.5);
  });
  test('with the standard font it stays off until switched on', () => {
    info.app = () => ({ fontSizeScaleFactor: 1 });
    expect(prefs().isElderMode()).toBe(false);
  });
  test('a person who switched it off keeps it off even with a large font', () => {
    info.app = () => ({ fontSizeScaleFactor: 1.4 });
    store.set('bf.elderMode', false);
    const p = prefs();
    expect(p.isElderMode()).toBe(false);
    expect(p.followsSystemFont()).toBe(false);
  });
  test('switching it on at standard size stores the choice', () => {
    const p = prefs();
    p.setElderMode(true);
    expect(store.get('bf.elderMode')).toBe(true);
    expect(p.isElderMode()).toBe(true);
    expect(p.elderScale()).toBe(1);
  });
});
