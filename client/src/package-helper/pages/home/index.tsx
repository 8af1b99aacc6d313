import { View } from '@tarojs/components';
import { useState } from 'react';
import { Empty, Loaded, Page } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { useOfflineQueue } from '@/hooks/use-offline-queue';
import { useReloadOnShow, useReloadWhenSynced } from '@/hooks/use-reload';
import { navigate } from '@/services/routes';
import { dueList } from '@/services/visits';
import { shortTime } from '@/utils/dates';
import DueRow from './due-row';
import { filterDue, tagCounts, type DueTag } from './filter';
import ListFilters from './list-filters';
import FindingTasks from './finding-tasks';
import WarningTasks from './warning-tasks';
import SyncStrip from './sync-strip';
import './index.scss';

/** 我的帮扶户 this month: what needs a visit first, with the sync state of visits saved offline. */
export default function HelperHome() {
  const request = useRequest(dueList);
  const list = { ...request, data: request.data?.value };
  const savedAt = request.data?.savedAt;
  const queue = useOfflineQueue();
  const data = list.data;
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<DueTag>();
  useReloadOnShow(list.reload);
  useReloadWhenSynced(queue, list.reload);

  return (
    <Page tabBar={{ role: 'helper', active: 'home' }}>
      <View className='helper__head'>
        <View className='helper__title'>我的帮扶户</View>
        {data && (
          <View className='helper__count'>
            本月已走访{' '}
            <View className='helper__num'>
              {data.visited}/{data.total}
            </View>{' '}
            户
          </View>
        )}
      </View>
      {savedAt && <View className='helper__offline'>网络不可用：显示 {shortTime(savedAt)} 保存在手机上的名单，走访可照常记录，联网后自动同步</View>}
      <SyncStrip />
      <WarningTasks />
      <FindingTasks />
      <Loaded
        state={list}
        empty={<Empty description='还没有结对的帮扶户。结对由扶贫办安排，如有疑问请联系扶贫办。' actionText='刷新' onAction={list.reload} />}
      >
        {({ items }) => {
          const shown = filterDue(items, query, tag);
          return (
            <>
              <ListFilters query={query} tag={tag} counts={tagCounts(items)} onQuery={setQuery} onTag={setTag} />
              {shown.length === 0 ? (
                <View className='helper__none'>
                  没有符合条件的帮扶户
                  <View
                    className='helper__clear'
                    onClick={() => {
                      setQuery('');
                      setTag(undefined);
                    }}
                  >
                    清除筛选
                  </View>
                </View>
              ) : (
                <View className='helper__list'>
                  {shown.map((item) => (
                    <DueRow
                      key={item.householdId}
                      item={item}
                      onOpen={() => navigate('householdDetail', { id: item.householdId, name: item.headName })}
                      onRecord={() => navigate('recordVisit', { householdId: item.householdId, name: item.headName })}
                    />
                  ))}
                </View>
              )}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
