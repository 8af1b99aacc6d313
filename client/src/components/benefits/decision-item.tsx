import { View } from '@tarojs/components';
import { useState } from 'react';
import { statusColour, Tag } from '@/components/ui';
import type { Decision } from '@bangfu/types';
import { POLICY_NAMES, yuan } from './labels';
import './benefits.scss';

export interface DecisionItemProps {
  decision: Decision;
  subject: string;
  /** received: green 已到账; gap (entitled, not received): red 待落实; nothing for the calculator. */
  status?: 'received' | 'gap' | null;
}

/** One policy decision: name, who, amount and the first reason; tap shows every reason. */
export default function DecisionItem({ decision, subject, status }: DecisionItemProps) {
  const [open, setOpen] = useState(false);
  // Collapsed, show the reason that says most: "registered" alone tells a household little.
  const primary = decision.reasons.find((r) => !r.startsWith('户状态为')) ?? decision.reasons[0];
  const reasons = open ? decision.reasons : primary ? [primary] : [];
  return (
    <View className={`bf-decision ${decision.entitled ? '' : 'bf-decision--na'}`} onClick={() => setOpen(!open)}>
      <View className='bf-decision__head'>
        <View className='bf-decision__name'>{POLICY_NAMES[decision.policy]}</View>
        {decision.entitled && decision.amount !== null && (
          <View className={`bf-decision__amount${status ? ` bf-decision__amount--${statusColour(status === 'gap' ? 'alert' : 'done')}` : ''}`}>
            {yuan(decision.amount)}
          </View>
        )}
        {status === 'received' && <Tag status='done'>已到账</Tag>}
        {status === 'gap' && <Tag status='alert'>待落实</Tag>}
        {!decision.entitled && <Tag status='none'>不适用</Tag>}
      </View>
      <View className='bf-decision__who'>{subject}</View>
      {reasons.map((r) => (
        <View key={r} className='bf-decision__reason'>
          {r}
        </View>
      ))}
      {decision.reasons.length > 1 && <View className='bf-decision__more'>{open ? '收起' : `查看全部理由（${decision.reasons.length} 条）`}</View>}
    </View>
  );
}
