import { View } from '@tarojs/components';
import { Empty, Loaded } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { chineseDate } from '@/utils/dates';
import './household-sections.scss';

const KIND_LABELS = { visit: '走访', status: '状态', need: '需求', benefit: '兑现', plan: '计划', finding: '整改' } as const;

/** 户档案动态: visits, status changes, needs, benefits, plan progress and 督查整改 steps, newest first. */
export default function TimelineSection({ householdId }: { householdId: string }) {
  const t = useRequest(() => api.visits.timeline({ householdId }), [householdId]);
  return (
    <View className='hh-section'>
      <View className='hh-section__title'>帮扶动态</View>
      <Loaded state={t} empty={<Empty description='还没有帮扶记录' />}>
        {({ items }) =>
          items.map((e, i) => (
            <View key={`${e.kind}-${e.refId ?? i}-${e.at}`} className='hh-section__item hh-section__item--timeline'>
              <View className='hh-section__when'>
                {chineseDate(e.at)} · {KIND_LABELS[e.kind]}
              </View>
              <View className='hh-section__name'>{e.title}</View>
              {e.detail && <View className='hh-section__detail'>{e.detail}</View>}
            </View>
          ))
        }
      </Loaded>
    </View>
  );
}
