import { View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import ExportButton from '@/components/export-button';
import { Button, Empty, Loaded, Page } from '@/components/ui';
import FindingRow from '@/components/findings/finding-row';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import Filters, { type FindingFilters } from './filters';
import StatsStrip from './stats-strip';
import '@/components/findings/findings.scss';
import './index.scss';

const PAGE = 20;

/** 督查整改 workbench: the region's findings by deadline (overdue first, in red), filters, paging, the ledger export. */
export default function AdminFindings() {
  const [filters, setFilters] = useState<FindingFilters>({});
  const [offset, setOffset] = useState(0);
  const stats = useRequest(() => api.findings.stats());
  const villages = useRequest(() => api.households.villages());
  const list = useRequest(() => api.findings.list({ ...filters, limit: PAGE, offset }), [filters, offset]);
  useReloadOnShow(() => Promise.all([list.reload(), stats.reload()]));
  const towns = useMemo(() => {
    const byId = new Map((villages.data?.items ?? []).map((v) => [v.townId, v.townName]));
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [villages.data]);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));

  return (
    <Page wide>
      <View className='admin-findings__head'>
        <View className='admin-findings__title'>督查整改</View>
        <View className='admin-findings__actions'>
          <Button size='small' type='primary' onClick={() => void navigate('adminFindingNew')}>
            登记问题
          </Button>
          <ExportButton file='督查整改台账' label='导出台账' unit='条' run={() => api.findings.exportLedger(filters)} />
          <Button size='small' plain onClick={() => void navigate('review')}>
            回头看
          </Button>
          <Button size='small' plain onClick={() => void navigate('integrity')}>
            数据核查
          </Button>
          <Button size='small' plain onClick={() => void navigate('visitConfirmations')}>
            走访确认
          </Button>
        </View>
      </View>
      <Loaded state={stats} placeholder={<View className='findings-stats findings-stats--placeholder'>正在统计…</View>}>
        {(s) => <StatsStrip stats={s} />}
      </Loaded>
      <Filters
        value={filters}
        towns={towns}
        onChange={(f) => {
          setFilters(f);
          setOffset(0);
        }}
      />
      {list.data && (
        <View className='admin-findings__total'>
          共 {total} 条，未销号的按整改时限排在前{list.loading ? ' · 正在刷新…' : ''}
        </View>
      )}
      <Loaded state={list} empty={<Empty description='没有符合条件的督查问题。可以换个筛选条件，或点「登记问题」录入。' />}>
        {({ items }) => (
          <View className='admin-findings__grid'>
            {items.map((f) => (
              <FindingRow key={f._id} finding={f} onClick={() => void navigate('finding', { id: f._id })} />
            ))}
          </View>
        )}
      </Loaded>
      {total > PAGE && (
        <View className='admin-findings__pager'>
          <Button size='small' disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            上一页
          </Button>
          <View className='admin-findings__page'>
            第 {offset / PAGE + 1} / {pages} 页
          </View>
          <Button size='small' disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            下一页
          </Button>
        </View>
      )}
    </Page>
  );
}
