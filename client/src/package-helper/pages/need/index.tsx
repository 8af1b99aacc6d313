import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, ErrorState, Loading, Page } from '@/components/ui';
import NeedActions from '@/components/needs/need-actions';
import NeedSummary from '@/components/needs/need-summary';
import NeedTimeline from '@/components/needs/need-timeline';
import { useNeed } from '@/components/needs/use-need';
import { useNow } from '@/components/needs/use-now';
import { useRequest } from '@/hooks/use-request';
import { knownUser } from '@/services/auth';
import '@/components/needs/needs.scss';

/** 需求办理: call back, accept, start, resolve with what was done, or reject with a reason. */
export default function HelperNeed() {
  const { id = '' } = useRouter().params;
  const { need, loading, error, reload, setNeed } = useNeed(id);
  const me = useRequest(knownUser);
  const now = useNow();
  if (loading && !need) return <Page><Loading /></Page>;
  if (error && !need) return <Page><ErrorState error={error} onRetry={reload} /></Page>;
  if (!need) return <Page />;
  const actor = me.data?.userId && need.assigneeId === me.data.userId ? 'assignee' : 'pairedHelper';
  return (
    <Page>
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
      <NeedActions need={need} actor={actor} onChanged={setNeed} />
      <View className='need-section'>办理记录</View>
      <NeedTimeline need={need} />
    </Page>
  );
}
