import { View } from '@tarojs/components';
import { PAIRING_ROLE_LABELS } from '@bangfu/types';
import { Cell, CellGroup, Empty, ErrorState, Loading, Page, Tag } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { listByHelper } from '@/services/assignments';
import { count } from '@/utils/format';
import './index.scss';

/** 我的帮扶户: the households paired with this helper. */
export default function HelperHome() {
  const list = useRequest(() => listByHelper());
  const items = list.data?.items;

  return (
    <Page tabBar={{ role: 'helper', active: 'home' }}>
      <View className='helper__head'>
        <View className='helper__title'>我的帮扶户</View>
        {items && <View className='helper__count'>共 {count(items.length, '户')}</View>}
      </View>
      {list.loading && !items ? (
        <Loading />
      ) : list.error && !items ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : items && items.length === 0 ? (
        <Empty description='还没有结对的帮扶户。结对由扶贫办安排，如有疑问请联系扶贫办。' actionText='刷新' onAction={list.reload} />
      ) : items ? (
        <CellGroup inset>
          {items.map((p) => (
            <Cell key={p._id} title={p.householdHeadName ? `${p.householdHeadName} 户` : '户主信息缺失'} label={p.villageName || '村信息缺失'} size='large' center>
              <Tag type='primary' plain>
                {PAIRING_ROLE_LABELS[p.role]}
              </Tag>
            </Cell>
          ))}
        </CellGroup>
      ) : null}
    </Page>
  );
}
