import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Empty, Loaded, Page } from '@/components/ui';
import ExportButton from '@/components/export-button';
import NeedCard from '@/components/needs/need-card';
import { useNow } from '@/components/needs/use-now';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import Filters, { type NeedFilters } from './filters';
import SettingsCard from './settings-card';
import StatsBar from './stats-bar';
import '@/components/needs/needs.scss';
import './index.scss';

const PAGE = 20;

/** 需求督办: every need in the admin's region, overdue first in red, with filters and paging. */
export default function AdminNeeds() {
  const [filters, setFilters] = useState<NeedFilters>({});
  const [pages, setPages] = useState(1);
  const list = useRequest(() => api.needs.list({ ...filters, limit: PAGE * pages }), [filters, pages]);
  const stats = useRequest(() => api.needs.stats());
  const now = useNow();
  useReloadOnShow(() => Promise.all([list.reload(), stats.reload()]));
  const change = (f: NeedFilters) => {
    setFilters(f);
    setPages(1);
  };

  return (
    <Page tabBar={{ role: 'admin', active: 'needs' }} wide>
      <View className='admin-needs__head'>
        <View className='admin-needs__title'>需求督办</View>
        <ExportButton file='需求督办' unit='条' run={() => api.needs.exportXlsx(filters)} />
      </View>
      {stats.data && <StatsBar stats={stats.data} />}
      <Filters value={filters} onChange={change} />
      <Loaded state={list} empty={<Empty description='没有符合条件的需求。可以换个筛选条件看看。' />}>
        {({ items, total }) => (
          <>
            <View className='admin-needs__total'>共 {total} 条，超时的排在最前</View>
            <View className='admin-needs__grid'>
              {items.map((need) => (
                <NeedCard key={need._id} need={need} now={now} show='household' durations onClick={() => void navigate('adminNeed', { id: need._id })} />
              ))}
            </View>
            {items.length < total && (
              <View className='admin-needs__more'>
                <Button block round loading={list.loading} onClick={() => setPages((p) => p + 1)}>
                  加载更多
                </Button>
              </View>
            )}
          </>
        )}
      </Loaded>
      <SettingsCard />
    </Page>
  );
}
