import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { NeedView } from '@bangfu/types';
import { Button } from '@/components/ui';
import NeedActions from '@/components/needs/need-actions';
import NeedPage from '@/components/needs/need-page';
import NeedSummary from '@/components/needs/need-summary';
import NeedTimeline from '@/components/needs/need-timeline';
import { useNow } from '@/components/needs/use-now';
import RateBox from './rate-box';
import '@/components/needs/needs.scss';
import './index.scss';

/** 求助进度: status, the deadline as a countdown, who handles it; confirm and rate once resolved. */
export default function MyNeed() {
  return <NeedPage>{(need, onChanged) => <NeedDetail need={need} onChanged={onChanged} />}</NeedPage>;
}

function NeedDetail({ need, onChanged }: { need: NeedView; onChanged: (need: NeedView) => void }) {
  const now = useNow();
  const canRate = (need.status === 'resolved' || need.status === 'confirmed') && need.rating === undefined;
  return (
    <>
      <NeedSummary need={need} now={now}>
        {need.assigneePhone && (
          <View className='need-actions'>
            <Button type='primary' plain block round onClick={() => void Taro.makePhoneCall({ phoneNumber: need.assigneePhone! })}>
              联系帮扶人 {need.assigneeName ?? ''}
            </Button>
          </View>
        )}
      </NeedSummary>
      {canRate && <RateBox need={need} onChanged={onChanged} />}
      {need.status === 'resolved' && (
        <>
          <View className='need-section'>问题没有解决？写明原因，可以要求重新办理</View>
          <NeedActions need={need} actor='household' exclude={['confirmed']} onChanged={onChanged} />
        </>
      )}
      <View className='need-section'>办理记录</View>
      <NeedTimeline need={need} />
    </>
  );
}
