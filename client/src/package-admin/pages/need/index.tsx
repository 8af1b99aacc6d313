import { View } from '@tarojs/components';
import NeedActions from '@/components/needs/need-actions';
import NeedSteps from '@/components/needs/need-steps';
import NeedSummary from '@/components/needs/need-summary';
import NeedTimeline from '@/components/needs/need-timeline';
import NeedPage from '@/components/needs/need-page';
import { useNow } from '@/components/needs/use-now';
import '@/components/needs/needs.scss';

/** 督办: an admin may take any step the helper may (when the helper does not act), reopen a rejection, reassign (转派) and urge. */
export default function AdminNeed() {
  const now = useNow();
  return (
    <NeedPage wide>
      {(need, onChanged) => (
        <>
          <NeedSummary need={need} now={now} />
          <NeedActions need={need} actor='admin' onChanged={onChanged} />
          <NeedSteps need={need} actor='admin' onChanged={onChanged} />
          <View className='need-section'>办理记录</View>
          <NeedTimeline need={need} />
        </>
      )}
    </NeedPage>
  );
}
