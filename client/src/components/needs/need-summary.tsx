import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { NEED_CATEGORY_LABELS, type NeedView } from '@bangfu/types';
import { Card, statusColour, Tag } from '@/components/ui';
import { countdown, dateTime, ESCALATION_LABELS, statusTag } from './format';
import PhotoStrip from './photo-strip';

/** The top of a need's page: status, the deadline as a countdown, who handles it, what was asked. */
export default function NeedSummary({ need, now, children }: { need: NeedView; now: number; children?: ReactNode }) {
  const status = statusTag(need);
  const clock = countdown(need, now);
  return (
    <Card title={NEED_CATEGORY_LABELS[need.category]} extra={<Tag status={status.status}>{status.label}</Tag>}>
      {clock && <View className={`need-summary__clock need-summary__clock--${statusColour(clock.status)}`}>{clock.text}</View>}
      {need.deadline && <View className='need-summary__row'>时限：{dateTime(need.deadline)} 前</View>}
      {need.escalation !== 'none' && <View className='need-summary__escalation'>{ESCALATION_LABELS[need.escalation]}</View>}
      {need.escalated && (
        <View className='need-summary__escalation'>
          帮扶人提请协调（{dateTime(need.escalated.at)}）：{need.escalated.reason}
        </View>
      )}
      <View className='need-summary__row'>办理人：{need.assigneeName ?? '待扶贫办分配'}</View>
      <View className='need-summary__row'>
        求助户：{need.householdHeadName ?? '—'} 户{need.villageName ? ` · ${need.villageName}` : ''}
      </View>
      <View className='need-summary__row'>上报时间：{dateTime(need.reportedAt)}</View>
      {need.callbackPhone && <View className='need-summary__row'>回拨电话：{need.callbackPhone}</View>}
      <View className='need-summary__desc'>{need.description}</View>
      <PhotoStrip photos={need.photos} />
      {need.rating !== undefined && (
        <View className='need-summary__row'>
          评价：{'★'.repeat(need.rating)}
          {'☆'.repeat(5 - need.rating)}
          {need.ratingComment ? ` ${need.ratingComment}` : ''}
        </View>
      )}
      {children}
    </Card>
  );
}
