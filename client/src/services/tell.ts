import Taro from '@tarojs/taro';
import { isElderMode } from './prefs';

/**
 * What a write did, as a toast (UX: every write shows what happened) — except in 长辈版, which has
 * no pop-ups (SPEC §2, 适老化): there the page itself shows the new state in place (a 已确认 tag,
 * the stars given, the sent item in the list), so nothing flashes up and vanishes before it is read.
 */
export function tell(title: string, icon: 'success' | 'none' = 'success'): Promise<unknown> {
  if (isElderMode()) return Promise.resolve();
  return Taro.showToast({ title, icon, duration: 1500 });
}
