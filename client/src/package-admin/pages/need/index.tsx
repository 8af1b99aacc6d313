import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Loaded, Page } from '@/components/ui';
import NeedActions from '@/components/needs/need-actions';
import NeedSummary from '@/components/needs/need-summary';
import NeedTimeline from '@/components/needs/need-timeline';
import { useNeed } from '@/components/needs/use-need';
import { useNow } from '@/components/needs/use-now';
import '@/components/needs/needs.scss';

/** 督办: an admin may take any step the helper may (when the helper does not act) and reopen a rejection. */
export default function AdminNeed() {
  const { id = '' } = useRouter().params;
  const state = useNeed(id);
  const now = useNow();
  return (
    <Page wide>
      <Loaded state={state}>
        {(need) => (
          <>
            <NeedSummary need={need} now={now} />
            <NeedActions need={need} actor='admin' onChanged={state.setData} />
            <View className='need-section'>办理记录</View>
            <NeedTimeline need={need} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
