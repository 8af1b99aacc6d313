import { chinaHour } from './dates';

import { thousands } from '@bangfu/types/format';

/** `12345` → `12,345`: the one formatter both sides share (types/format). */
export { thousands };

/** A greeting for the time of day in China. */
export function greeting(date = new Date()): string {
  const h = chinaHour(date);
  if (h < 6) return '夜深了';
  if (h < 11) return '早上好';
  if (h < 13) return '中午好';
  if (h < 18) return '下午好';
  return '晚上好';
}
