import { View } from '@tarojs/components';
import { Empty, Loaded, Page } from '@/components/ui';
import NeedCard from '@/components/needs/need-card';
import { useNow } from '@/components/needs/use-now';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import '@/components/needs/needs.scss';
import './index.scss';

/** 需求: needs routed to this helper, overdue first, then by how soon each is due; closed ones last. */
export default function HelperNeeds() {
  const list = useRequest(() => api.needs.list({ limit: 100 }));
  const now = useNow();
  useReloadOnShow(list.reload);
  const items = list.data?.items;
  const overdue = items?.filter((n) => n.overdue).length ?? 0;
  const open = items?.filter((n) => n.deadline).length ?? 0;

  return (
    <Page tabBar={{ role: 'helper', active: 'needs' }}>
      <View className='helper-needs__head'>
        <View className='helper-needs__title'>待办需求</View>
        {items && (
          <View className='helper-needs__count'>
            待办 {open} 条{overdue > 0 && <View className='helper-needs__overdue'>，已超时 {overdue} 条</View>}
          </View>
        )}
      </View>
      <Loaded state={list} empty={<Empty description='暂时没有分派给您的需求。帮扶户求助后会出现在这里。' actionText='刷新' onAction={list.reload} />}>
        {(data) =>
          data.items.map((need) => (
            <NeedCard key={need._id} need={need} now={now} show='household' onClick={() => void navigate('helperNeed', { id: need._id })} />
          ))
        }
      </Loaded>
    </Page>
  );
}
