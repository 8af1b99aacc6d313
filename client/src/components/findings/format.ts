import { FINDING_STATUS_LABELS, type FindingView } from '@bangfu/types';
import type { StatusMeaning, TagType } from '@/components/ui';
import { isApiCallError } from '@/services/errors';

const DAY = 86_400_000;

/** Days left as county offices say it: "还剩 12 天" (orange within 10), "已逾期 4 天" (red), nothing once closed. */
export function daysLabel(
  f: Pick<FindingView, 'overdue' | 'daysLeft' | 'status' | 'closedOnTime' | 'deadline'>,
  now = Date.now(),
): { text: string; tone: 'danger' | 'warning' | 'normal' | 'success' } {
  if (f.status === 'closed') return f.closedOnTime ? { text: '按期销号', tone: 'success' } : { text: '逾期销号', tone: 'danger' };
  const left = f.daysLeft ?? 0;
  // daysLeft is rounded down, so 4 days and an hour past reads -5: count the whole days gone past instead.
  if (f.overdue) return { text: `已逾期 ${Math.max(1, Math.floor((now - Date.parse(f.deadline)) / DAY))} 天`, tone: 'danger' };
  if (left < 1) return { text: '今天到期', tone: 'warning' };
  return { text: `还剩 ${left} 天`, tone: left <= 10 ? 'warning' : 'normal' };
}

/** What a finding's status tag means (UX.md, one mapping): done once closed, alert when sent back or overdue, due while someone must act; 申请销号 is information (it waits for 回头看). */
export function statusTag(f: Pick<FindingView, 'status' | 'overdue'>): { label: string; status?: StatusMeaning; type?: TagType } {
  const label = FINDING_STATUS_LABELS[f.status];
  if (f.status === 'closed') return { label, status: 'done' };
  if (f.status === 'returned' || f.overdue) return { label, status: 'alert' };
  if (f.status === 'close_requested') return { label, type: 'primary' };
  return { label, status: 'due' };
}

/** The current finding a CONFLICT carries (someone else acted first), so the page can show it at once. */
export function conflictingFinding(e: unknown): FindingView | null {
  if (!isApiCallError(e) || e.code !== 'CONFLICT') return null;
  return (e.details as { finding?: FindingView } | undefined)?.finding ?? null;
}

export const ROLE_LABELS = { admin: '扶贫办', helper: '帮扶责任人' } as const;
