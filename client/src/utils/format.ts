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

/** A share as a percentage with one decimal: 0.8734 → `87.3%`. */
export const pct = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

/** A change with its sign: `+1.5`, `-0.3`, `0.0`. */
export const signed = (n: number, digits = 1) => `${n > 0 ? '+' : ''}${n.toFixed(digits)}`;
