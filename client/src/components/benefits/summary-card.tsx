import { View } from '@tarojs/components';
import type { BenefitSummary } from './summary';
import { yuan } from './labels';
import './benefits.scss';

/** "您家可享受 N 项政策，今年已到账 X 元，有 K 项待落实" (UX.md); `who` is 您家 or 该户. */
export default function SummaryCard({ summary, who = '您家', onClick }: { summary: BenefitSummary; who?: string; onClick?: () => void }) {
  return (
    <View className='bf-summary' onClick={onClick}>
      {who}可享受{' '}
      <View className='bf-summary__strong' style={{ display: 'inline' }}>
        {summary.policies}
      </View>{' '}
      项政策，今年已到账{' '}
      <View className='bf-summary__strong' style={{ display: 'inline' }}>
        {yuan(summary.receivedThisYear)}
      </View>
      {summary.gaps > 0 ? (
        <View className='bf-summary__gaps' style={{ display: 'inline' }}>
          ，有 {summary.gaps} 项待落实
        </View>
      ) : (
        '，应享政策均已落实'
      )}
    </View>
  );
}
