import { View } from '@tarojs/components';
import { useState } from 'react';
import { HOUSEHOLD_STATUS_LABELS } from '@bangfu/types';
import type { HouseholdFilters } from '@bangfu/types/api/households';
import ExportButton from '@/components/export-button';
import { Button, Cell, CellGroup, Empty, Loaded, Page, Table, Tag } from '@/components/ui';
import { STATUS_TAG } from '@/components/household/labels';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { thousands } from '@/utils/format';
import Filters from './filters';
import './index.scss';

const PAGE = 20;

/** 户籍台账: every household in the admin's region, filtered, searched and paged; import, export, pairing. */
export default function HouseholdsPage() {
  const [filters, setFilters] = useState<HouseholdFilters>({});
  const [offset, setOffset] = useState(0);
  const villages = useRequest(() => api.households.villages());
  const list = useRequest(() => api.households.list({ ...filters, limit: PAGE, offset }), [filters, offset]);
  useReloadOnShow(list.reload);
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));

  return (
    <Page tabBar={{ role: 'admin', active: 'households' }} wide>
      <View className='hh-list__head'>
        <View className='hh-list__title'>户籍台账</View>
        <View className='hh-list__actions'>
          <Button size='small' type='primary' onClick={() => void navigate('adminHouseholdEdit')}>
            新增户
          </Button>
          <Button size='small' plain type='primary' onClick={() => void navigate('adminImport')}>
            导入
          </Button>
          <ExportButton file='户籍台账' label='导出' unit='人' run={() => api.households.exportXlsx(filters)} />
          <Button size='small' plain onClick={() => void navigate('adminPairing')}>
            结对管理
          </Button>
        </View>
      </View>
      <Filters
        value={filters}
        villages={villages.data?.items ?? []}
        onChange={(f) => {
          setFilters(f);
          setOffset(0);
        }}
      />
      {list.data && (
        <View className='hh-list__total'>
          共 {thousands(total)} 户{list.loading ? ' · 正在刷新…' : ''}
        </View>
      )}
      <Loaded state={list} empty={<Empty description='没有符合条件的户。可以换个条件，或点「新增户」「导入」登记。' />}>
        {({ items }) => (
          <Table
            rows={items}
            rowKey={(h) => h._id}
            onOpen={(h) => void navigate('householdDetail', { id: h._id })}
            columns={[
              { title: '户主', cell: (h) => `${h.headName} 户` },
              { title: '户编号', cell: (h) => h.code },
              { title: '所在村', cell: (h) => h.villageName ?? '' },
              { title: '人口', cell: (h) => `${h.memberCount} 人`, numeric: true },
              { title: '户类型', cell: (h) => <Tag {...STATUS_TAG[h.status]}>{HOUSEHOLD_STATUS_LABELS[h.status]}</Tag> },
            ]}
            phoneGroup={(rows) => <CellGroup inset>{rows}</CellGroup>}
            phoneRow={(h) => (
              <Cell
                title={`${h.headName} 户`}
                label={`${h.code} · ${h.villageName ?? ''} · ${h.memberCount} 人`}
                isLink
                center
                onClick={() => void navigate('householdDetail', { id: h._id })}
              >
                <Tag {...STATUS_TAG[h.status]}>{HOUSEHOLD_STATUS_LABELS[h.status]}</Tag>
              </Cell>
            )}
          />
        )}
      </Loaded>
      {total > PAGE && (
        <View className='hh-list__pager'>
          <Button size='small' disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            上一页
          </Button>
          <View className='hh-list__page'>
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
