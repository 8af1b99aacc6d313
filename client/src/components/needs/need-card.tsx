import { View } from '@tarojs/components';
import { NEED_CATEGORY_LABELS, type NeedView } from '@bangfu/types';
import { statusColour, Tag } from '@/components/ui';
import { countdown, dateTime, ESCALATION_LABELS, statusTag } from './format';

export interface NeedCardProps {
  need: NeedView;
  now: number;
  /** Helpers and admins see which household; the household itself sees who handles it. */
  show: 'household' | 'assignee';
  onClick: () => void;
  /** Admins: how long accepting and resolving took (督办 figures per need). */
  durations?: boolean;
}

function hoursText(fromIso: string, toIso: string | undefined): string | null {
  if (!toIso) return null;
  const h = (new Date(toIso).getTime() - new Date(fromIso).getTime()) / 3600_000;
  return h >= 48 ? `${Math.round(h / 24)} 天` : `${Math.max(0, Math.round(h))} 小时`;
}

function durationText(need: NeedView): string | null {
  const at = (s: NeedView['status']) => need.history.find((h) => h.status === s)?.at;
  const accept = hoursText(need.reportedAt, at('accepted'));
  const resolve = hoursText(need.reportedAt, at('resolved'));
  if (!accept && !resolve) return null;
  return [
    accept && `受理用时 ${accept}`,
    resolve && `办结用时 ${resolve}`,
    need.status === 'confirmed' || need.status === 'resolved' ? (need.rating ? `评价 ${need.rating} 星` : '未评价') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One need in a list: category (急难 in red), status, countdown, and who it concerns. */
export default function NeedCard({ need, now, show, onClick, durations }: NeedCardProps) {
  const status = statusTag(need);
  const clock = countdown(need, now);
  const took = durations ? durationText(need) : null;
  const who = show === 'household' ? `${need.householdHeadName ?? '—'} 户 · ${need.villageName ?? ''}` : `办理人：${need.assigneeName ?? '待分配'}`;
  return (
    <View className={need.overdue ? 'need-card need-card--overdue' : 'need-card'} onClick={onClick}>
      <View className='need-card__top'>
        <Tag {...(need.category === 'emergency' ? { status: 'alert' as const } : { type: 'primary' as const, plain: true })}>
          {NEED_CATEGORY_LABELS[need.category]}
        </Tag>
        <Tag status={status.status}>{status.label}</Tag>
      </View>
      <View className='need-card__desc'>{need.description}</View>
      <View className='need-card__meta'>{who}</View>
      <View className='need-card__meta'>上报于 {dateTime(need.reportedAt)}</View>
      {took && <View className='need-card__meta'>{took}</View>}
      {clock && <View className={`need-card__clock need-card__clock--${statusColour(clock.status)}`}>{clock.text}</View>}
      {need.escalated && <View className='need-card__escalation'>帮扶人提请协调：{need.escalated.reason}</View>}
      {need.escalation !== 'none' && <View className='need-card__escalation'>{ESCALATION_LABELS[need.escalation]}</View>}
    </View>
  );
}
