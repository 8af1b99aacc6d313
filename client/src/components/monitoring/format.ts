import { chineseDay, monthDay, WARNING_STAGE_LABELS, type WarningView } from '@bangfu/types';
import type { StatusMeaning } from '@/components/ui';

/** The stage as a tag: red past its deadline, orange when due, green once confirmed, grey when dismissed or running. */
export function stageTag(w: Pick<WarningView, 'stage' | 'deadline'>): { status: StatusMeaning; label: string } {
  const label = WARNING_STAGE_LABELS[w.stage];
  if (w.stage === 'confirmed') return { status: 'done', label };
  if (w.stage === 'dismissed') return { status: 'none', label };
  if (w.deadline === 'overdue') return { status: 'alert', label: `${label} · 已逾期` };
  if (w.deadline === 'due') return { status: 'due', label: `${label} · 即将到期` };
  return { status: 'none', label };
}

/** "期限 11月27日" for an open step, with how it stands; nothing for a closed warning. */
export function deadlineText(w: Pick<WarningView, 'open' | 'dueOn' | 'deadline'>): string {
  if (!w.open) return '';
  const day = monthDay(w.dueOn);
  if (w.deadline === 'overdue') return `本环节期限 ${day}，已逾期`;
  if (w.deadline === 'due') return `本环节期限 ${day}，请尽快办理`;
  return `本环节期限 ${day}（工作日计）`;
}

export const noticeText = (w: Pick<WarningView, 'noticeFrom' | 'noticeUntil'>) =>
  w.noticeFrom && w.noticeUntil ? `公示自${chineseDay(w.noticeFrom)}起，${chineseDay(w.noticeUntil)}起可提交乡镇审核` : '';

export const SOURCE_LABELS: Record<WarningView['source'], string> = { assessment: '系统研判', self_report: '农户自主申报', department: '部门筛查' };
