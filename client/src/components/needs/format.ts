import { NEED_STATUS_LABELS, type NeedView } from '@bangfu/types';
import type { StatusMeaning } from '@/components/ui';

import { shortTime } from '@/utils/dates';

/** `2026-11-23T02:00:00Z` → `11月23日 10:00` in China time, whatever zone the phone is set to. */
export const dateTime = (iso: string): string => shortTime(iso);

function span(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return `${hours} 小时 ${minutes % 60} 分`;
  return `${minutes} 分钟`;
}

/** The countdown a page shows: "还剩 5 小时 20 分" (orange), "已超时 3 小时" (red), or nothing once closed. */
export function countdown(need: Pick<NeedView, 'deadline' | 'status'>, now: number): { text: string; status: StatusMeaning } | null {
  if (!need.deadline) return null;
  const left = new Date(need.deadline).getTime() - now;
  const step = need.status === 'reported' ? '受理' : '办结';
  if (left < 0) return { text: `${step}已超时 ${span(-left)}`, status: 'alert' };
  return { text: `距${step}时限还剩 ${span(left)}`, status: 'due' };
}

/** Status colours (UX.md): red overdue, orange waiting, green done, grey rejected. */
export function statusTag(need: Pick<NeedView, 'status' | 'overdue'>): { label: string; status: StatusMeaning } {
  if (need.overdue) return { label: `${NEED_STATUS_LABELS[need.status]} · 已超时`, status: 'alert' };
  if (need.status === 'confirmed' || need.status === 'resolved') return { label: NEED_STATUS_LABELS[need.status], status: 'done' };
  if (need.status === 'rejected') return { label: NEED_STATUS_LABELS[need.status], status: 'none' };
  return { label: NEED_STATUS_LABELS[need.status], status: 'due' };
}

export const ESCALATION_LABELS = { none: '', village: '已提醒村管理员督办', town: '已升级至乡镇督办' } as const;
