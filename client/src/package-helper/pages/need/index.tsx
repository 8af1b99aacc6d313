import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { NeedView } from '@bangfu/types';
import { Button } from '@/components/ui';
import NeedActions from '@/components/needs/need-actions';
import NeedPage from '@/components/needs/need-page';
import NeedSteps from '@/components/needs/need-steps';
import NeedSummary from '@/components/needs/need-summary';
import NeedTimeline from '@/components/needs/need-timeline';
import { useNow } from '@/components/needs/use-now';
import { useRequest } from '@/hooks/use-request';
import { knownUser } from '@/services/auth';
import '@/components/needs/needs.scss';

/** 需求办理: call back, accept, start, resolve with what was done, reject with a reason, or ask for coordination (提请协调). */
export default function HelperNeed() {
  return <NeedPage>{(need, onChanged) => <NeedDetail need={need} onChanged={onChanged} />}</NeedPage>;
}

function NeedDetail({ need, onChanged }: { need: NeedView; onChanged: (need: NeedView) => void }) {
  const me = useRequest(knownUser);
  const now = useNow();
  const actor = me.data?.userId && need.assigneeId === me.data.userId ? 'assignee' : 'pairedHelper';
  return (
    <>
      <NeedSummary need={need} now={now}>
        {need.callbackPhone && (
          <View className='need-actions'>
            <Button type='danger' plain block round onClick={() => void Taro.makePhoneCall({ phoneNumber: need.callbackPhone! })}>
              拨打回拨电话
            </Button>
          </View>
        )}
      </NeedSummary>
      {actor === 'pairedHelper' && need.deadline && <View className='need-section'>这条需求由主帮扶人 {need.assigneeName ?? ''} 办理，您可以查看进度。</View>}
      <NeedActions need={need} actor={actor} onChanged={onChanged} />
      <NeedSteps need={need} actor={actor} onChanged={onChanged} />
      <View className='need-section'>办理记录</View>
      <NeedTimeline need={need} />
    </>
  );
}
