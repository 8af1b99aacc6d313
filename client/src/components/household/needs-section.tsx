import { View } from '@tarojs/components';
import { Empty, Loaded } from '@/components/ui';
import NeedCard from '@/components/needs/need-card';
import { useNow } from '@/components/needs/use-now';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import '@/components/needs/needs.scss';
import './household-sections.scss';

/** 需求: this household's needs, overdue first (the server's order); a tap opens the need to handle it. */
export default function NeedsSection({ householdId, isAdmin }: { householdId: string; isAdmin: boolean }) {
  const list = useRequest(() => api.needs.list({ householdId, limit: 20, offset: 0 }), [householdId]);
  const now = useNow();
  return (
    <View className='hh-section'>
      <View className='hh-section__title'>需求{list.data ? ` · 共 ${list.data.total} 条` : ''}</View>
      <Loaded state={list} empty={<Empty description='这户还没有上报需求' />}>
        {(d) =>
          d.items.map((need) => (
            <NeedCard
              key={need._id}
              need={need}
              now={now}
              show='assignee'
              onClick={() => void navigate(isAdmin ? 'adminNeed' : 'helperNeed', { id: need._id })}
            />
          ))
        }
      </Loaded>
    </View>
  );
}
