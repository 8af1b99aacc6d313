import { wgs84ToGcj02 } from '@/utils/gcj02';

/**
 * H5: the browser's Geolocation API, which answers WGS-84 only. Taro's H5 `getLocation` refuses
 * every `type` but 'wgs84' (so `gcj02` never recorded anything): ask the browser directly and
 * convert, so visits from both builds hold the same datum.
 */
export function currentFix(): Promise<{ latitude: number; longitude: number; accuracy: number }> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      reject(new Error('此浏览器不支持定位，可不填'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => resolve({ ...wgs84ToGcj02(coords.latitude, coords.longitude), accuracy: coords.accuracy ?? 0 }),
      (error) =>
        reject(
          new Error(error.code === error.PERMISSION_DENIED ? '没有定位权限：请在浏览器设置中允许此网站使用位置，或不填' : '未能获取位置，可稍后再试或不填'),
        ),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  });
}
