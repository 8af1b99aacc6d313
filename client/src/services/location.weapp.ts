import Taro from '@tarojs/taro';

/** WeChat answers GCJ-02 itself; a refusal (scope.userLocation) or a timeout is the helper's to retry. */
export async function currentFix() {
  try {
    const res = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 10000 });
    return { latitude: res.latitude, longitude: res.longitude, accuracy: res.accuracy ?? 0 };
  } catch (e) {
    const denied = /auth|deny|denied/i.test(String((e as { errMsg?: string })?.errMsg ?? ''));
    throw new Error(denied ? '没有定位权限：可在右上角「设置」中允许使用位置，或不填' : '未能获取位置，可稍后再试或不填');
  }
}
