import { View } from '@tarojs/components';
import { contactWho, type HouseholdContact } from '@bangfu/types';
import type { Gap } from '@bangfu/types/api/benefits';
import CallButton from '@/components/household/call-button';
import { gapTodo, POLICY_NAMES, yuan } from './labels';
import './benefits.scss';

export interface GapItemProps {
  gap: Gap;
  /** Given (even null) for the household itself: whom it is told to ask, and a call button when there is a number. Omitted for helpers and admins. */
  contact?: HouseholdContact | null;
  /** An outlined call button: the screen's one filled button is the first gap's (one primary action per screen, UX). */
  plain?: boolean;
}

/** 应享未享, in red: what is missing, what to do, and a call button when there is a number. */
export default function GapItem({ gap, contact, plain }: GapItemProps) {
  const forHousehold = contact !== undefined;
  return (
    <View className='bf-gap'>
      <View className='bf-gap__head'>
        <View className='bf-gap__name'>{POLICY_NAMES[gap.policy]}</View>
        {gap.amount !== null && <View className='bf-gap__amount'>{yuan(gap.amount)}</View>}
      </View>
      <View className='bf-gap__who'>{gap.memberName ?? '全家'}</View>
      {gap.shortfall !== null && (
        <View className='bf-gap__short'>
          应享 {yuan(gap.amount)}，已到账 {yuan(gap.received)}，差 {yuan(gap.shortfall)}
        </View>
      )}
      <View className='bf-gap__todo'>{forHousehold ? gapTodo(gap.kind, 'household', contactWho(contact)) : gapTodo(gap.kind, 'staff')}</View>
      {!forHousehold && gap.helperName && <View className='bf-gap__helper'>负责帮扶人：{gap.helperName}</View>}
      {contact?.phone && (
        <View className='bf-gap__call'>
          <CallButton contact={contact} type='danger' plain={plain} />
        </View>
      )}
    </View>
  );
}
