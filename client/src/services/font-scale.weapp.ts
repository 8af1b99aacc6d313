import Taro from '@tarojs/taro';

/** WeChat's 字体大小 as a factor (SPEC §2 长辈版 follows it; DESIGN §5). */
export function systemFontScale(): number {
  try {
    const factor = (Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number }).fontSizeScaleFactor;
    if (typeof factor === 'number' && factor > 0) return factor;
  } catch {
    // Older base libraries have no getAppBaseInfo: fall through to fontSizeSetting.
  }
  try {
    const setting = (Taro.getSystemInfoSync() as { fontSizeSetting?: number }).fontSizeSetting;
    if (typeof setting === 'number' && setting > 0) return setting / 16;
  } catch {
    // Nothing to follow: standard size.
  }
  return 1;
}
