import { View } from '@tarojs/components';
import { MEASURE_CATEGORY_LABELS } from '@bangfu/types';
import { Empty, Loaded, Tag } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import MeasureForm from './measure-form';
import './household-sections.scss';

/** 一户一策: this year's measures with target and progress (the household detail page's plan section). */
/** `editable`: helpers and admins may add measures; households only read. */
export default function PlanSection({ householdId, editable = false }: { householdId: string; editable?: boolean }) {
  const plan = useRequest(() => api.visits.getPlan({ householdId }), [householdId]);
  return (
    <View className='hh-section'>
      <View className='hh-section__title'>一户一策 · {plan.data?.year ?? ''} 年帮扶计划</View>
      <Loaded state={plan} empty={<Empty description='还没有制定今年的帮扶措施' />} isEmpty={(p) => p.measures.length === 0}>
        {(p) =>
          p.measures.map((m) => (
            <View key={m.id} className='hh-section__item'>
              <View className='hh-section__line'>
                <Tag type='primary' plain>
                  {MEASURE_CATEGORY_LABELS[m.category]}
                </Tag>
                <View className='hh-section__name'>{m.title}</View>
                <Tag status={m.progress >= 100 ? 'done' : 'due'}>{m.progress}%</Tag>
              </View>
              {m.target && <View className='hh-section__detail'>目标：{m.target}</View>}
            </View>
          ))
        }
      </Loaded>
      {editable && <MeasureForm householdId={householdId} onSaved={plan.reload} />}
    </View>
  );
}
