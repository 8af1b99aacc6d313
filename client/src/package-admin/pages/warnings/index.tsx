import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { Button, Empty, Loaded, Page } from '@/components/ui';
import WarningRow from '@/components/monitoring/warning-row';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';
import { navigate } from '@/services/routes';
import Filters, { type WarningFilters } from './filters';
import '@/components/monitoring/monitoring.scss';
import './index.scss';

const PAGE = 20;

/**
 * 监测预警 board (识别纳入, SPEC §3b): the region's warnings by deadline, overdue in red and due in
 * orange, filtered by stage, overdue and town; the 公示名单; 监测排查 over the whole region.
 */
export default function AdminWarnings() {
  const [filters, setFilters] = useState<WarningFilters>({ open: true });
  const [offset, setOffset] = useState(0);
  const [sweeping, setSweeping] = useState(false);
  const villages = useRequest(() => api.households.villages());
  const list = useRequest(() => api.monitoring.listWarnings({ ...filters, limit: PAGE, offset }), [filters, offset]);
  useReloadOnShow(list.reload);
  const towns = useMemo(() => {
    const byId = new Map((villages.data?.items ?? []).map((v) => [v.townId, v.townName]));
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [villages.data]);
  const total = list.data?.total ?? 0;

  const sweep = async () => {
    const { confirm } = await Taro.showModal({
      title: '监测排查',
      content: '将按监测规则研判辖区内每一户，有风险且没有在办预警的户生成预警。确认开始吗？',
      confirmText: '开始排查',
    });
    if (!confirm) return;
    setSweeping(true);
    try {
      const r = await api.monitoring.sweep();
      void Taro.showModal({ title: '排查完成', content: `研判 ${r.assessed} 户，有风险 ${r.atRisk} 户，新生成预警 ${r.opened} 条`, showCancel: false });
      void list.reload();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setSweeping(false);
    }
  };

  return (
    <Page wide>
      <View className='admin-findings__head'>
        <View className='admin-findings__title'>监测预警</View>
        <View className='admin-findings__actions'>
          <Button size='small' type='primary' onClick={() => void navigate('warningNotice')}>
            公示名单
          </Button>
          <Button size='small' plain loading={sweeping} onClick={() => void sweep()}>
            监测排查
          </Button>
          <Button size='small' plain onClick={() => void navigate('monitoringParams')}>
            监测参数
          </Button>
        </View>
      </View>
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
          共 {total} 条，按本环节期限排序（工作日计，不含周末和节假日）{list.loading ? ' · 正在刷新…' : ''}
        </View>
      )}
      <Loaded state={list} empty={<Empty description='没有符合条件的预警。可以换个筛选条件，或点「监测排查」研判全辖区。' />}>
        {({ items }) => (
          <View className='admin-findings__grid'>
            {items.map((w) => (
              <WarningRow key={w._id} warning={w} hint={w.actions.length ? '待我办理' : undefined} onClick={() => void navigate('warning', { id: w._id })} />
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
            第 {offset / PAGE + 1} / {Math.ceil(total / PAGE)} 页
          </View>
          <Button size='small' disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            下一页
          </Button>
        </View>
      )}
    </Page>
  );
}
