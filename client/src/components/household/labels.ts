import type { HouseholdStatus } from '@bangfu/types';
import type { TagType } from '@/components/ui';

/** Status colours (UX.md): red = in poverty, orange = monitored (at risk), green = exited and enjoying, grey otherwise. */
export const STATUS_TAG: Record<HouseholdStatus, TagType> = {
  poor: 'danger',
  monitored: 'warning',
  exited_enjoying: 'success',
  exited_not_enjoying: 'default',
  none: 'default',
};

/** `2026-11-23` → `2026年11月23日`. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant in China time (UTC+8, no daylight saving), e.g. `11月24日 18:30`. */
export function chinaMonthDayTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}
