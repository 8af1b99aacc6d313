import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ErrorState, Loading, Page } from '@/components/ui';
import NeedActions from '@/components/needs/need-actions';
import NeedSummary from '@/components/needs/need-summary';
import NeedTimeline from '@/components/needs/need-timeline';
import { useNeed } from '@/components/needs/use-need';
import { useNow } from '@/components/needs/use-now';
import '@/components/needs/needs.scss';

/** 督办: an admin may take any step the helper may (when the helper does not act) and reopen a rejection. */
export default function AdminNeed() {
  const { id = '' } = useRouter().params;
  const { need, loading, error, reload, setNeed } = useNeed(id);
  const now = useNow();
  if (loading && !need) return <Page wide><Loading /></Page>;
  if (error && !need) return <Page wide><ErrorState error={error} onRetry={reload} /></Page>;
  if (!need) return <Page wide />;
  return (
    <Page wide>
      <NeedSummary need={need} now={now} />
      <NeedActions need={need} actor='admin' onChanged={setNeed} />
      <View className='need-section'>办理记录</View>
      <NeedTimeline need={need} />
    </Page>
  );
}
