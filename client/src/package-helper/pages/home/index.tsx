import { View } from '@tarojs/components';
import { Empty, Loaded, Page } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { useOfflineQueue } from '@/hooks/use-offline-queue';
import { useReloadOnShow, useReloadWhenSynced } from '@/hooks/use-reload';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import DueRow from './due-row';
import FindingTasks from './finding-tasks';
import SyncStrip from './sync-strip';
import './index.scss';


/** 我的帮扶户 this month: what needs a visit first, with the sync state of visits saved offline. */
export default function HelperHome() {
  const list = useRequest(() => api.visits.listDue());
  const queue = useOfflineQueue();
  const data = list.data;
  useReloadOnShow(list.reload);
  useReloadWhenSynced(queue, list.reload);

  return (
    <Page tabBar={{ role: 'helper', active: 'home' }}>
      <View className='helper__head'>
        <View className='helper__title'>我的帮扶户</View>
        {data && <View className='helper__count'>本月已走访 <View className='helper__num'>{data.visited}/{data.total}</View> 户</View>}
      </View>
      <SyncStrip />
      <FindingTasks />
      <Loaded state={list} empty={<Empty description='还没有结对的帮扶户。结对由扶贫办安排，如有疑问请联系扶贫办。' actionText='刷新' onAction={list.reload} />}>
        {({ items }) => (
          <View className='helper__list'>
            {items.map((item) => (
              <DueRow key={item.householdId} item={item} onOpen={() => navigate('householdDetail', { id: item.householdId, name: item.headName })} onRecord={() => navigate('recordVisit', { householdId: item.householdId, name: item.headName })} />
            ))}
          </View>
        )}
      </Loaded>
    </Page>
  );
}
