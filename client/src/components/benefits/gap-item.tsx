import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@/components/ui';
import type { Gap } from '@bangfu/types/api/benefits';
import { gapTodo, POLICY_NAMES, yuan } from './labels';
import './benefits.scss';

export interface GapItemProps {
  gap: Gap;
  /** Given (even null) for the household itself: it is told whom to ask and may call. Omitted for helpers and admins. */
  helperPhone?: string | null;
}

/** 应享未享, in red: what is missing, what to do, and a call button when there is a number. */
export default function GapItem({ gap, helperPhone }: GapItemProps) {
  return (
    <View className='bf-gap'>
      <View className='bf-gap__head'>
        <View className='bf-gap__name'>{POLICY_NAMES[gap.policy]}</View>
        {gap.amount !== null && <View className='bf-gap__amount'>{yuan(gap.amount)}</View>}
      </View>
      <View className='bf-gap__who'>{gap.memberName ?? '全家'}</View>
      {gap.shortfall !== null && (
        <View className='bf-gap__short'>应享 {yuan(gap.amount)}，已到账 {yuan(gap.received)}，差 {yuan(gap.shortfall)}</View>
      )}
      <View className='bf-gap__todo'>{gapTodo(gap.kind, helperPhone === undefined ? 'staff' : 'household')}</View>
      {gap.helperName && <View className='bf-gap__helper'>负责帮扶人：{gap.helperName}</View>}
      {helperPhone && (
        <View className='bf-gap__call'>
          <Button type='danger' size='normal' round onClick={() => void Taro.makePhoneCall({ phoneNumber: helperPhone })}>
            联系帮扶人
          </Button>
        </View>
      )}
    </View>
  );
}
