import { View } from '@tarojs/components';
import { Button } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { daysLabel } from './format';
import './findings.scss';

/** 督查整改 on an admin's 户档案: this household's open findings (tap to open) and the way to record one. */
export default function HouseholdFindings({ householdId }: { householdId: string }) {
  const list = useRequest(() => api.findings.list({ householdId, limit: 20, offset: 0 }), [householdId]);
  const open = (list.data?.items ?? []).filter((f) => f.open);
  return (
    <View className='hh-section'>
      <View className='hh-section__title'>督查整改</View>
      {open.map((f) => {
        const days = daysLabel(f);
        return (
          <View key={f._id} className='hh-section__item finding-household__item' onClick={() => void navigate('finding', { id: f._id })}>
            <View className='hh-section__name'>
              {f.code} · {f.description}
            </View>
            <View className={`finding-days finding-days--${days.tone}`}>{days.text}</View>
          </View>
        );
      })}
      {list.data && !open.length && <View className='hh-section__detail'>本户没有未销号的督查问题</View>}
      <View className='finding-household__add'>
        <Button size='small' plain type='primary' onClick={() => void navigate('adminFindingNew', { householdId })}>
          登记督查问题
        </Button>
      </View>
    </View>
  );
}
