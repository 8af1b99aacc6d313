import { View } from '@tarojs/components';
import { MONITORING_TYPE_LABELS, type HouseholdView } from '@bangfu/types';
import { Tag } from '@/components/ui';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import { chineseDate } from '@/utils/dates';
import { deadlineText, stageTag } from './format';
import './monitoring.scss';

/**
 * 防返贫监测 on the 户档案 (admins and the helper the warning is handed to): the open warning and its
 * stage (tap to act), or the household's monitoring type; for a 监测户, whether 风险消除 is ready.
 */
export default function HouseholdWarning({ household: h }: { household: HouseholdView }) {
  const list = useRequest(() => api.monitoring.listWarnings({ householdId: h._id, limit: 5, offset: 0 }), [h._id, h.version]);
  const readiness = useRequest(
    () => (h.status === 'monitored' ? api.monitoring.removalReadiness({ householdId: h._id }) : Promise.resolve(null)),
    [h._id, h.status],
  );
  const items = list.data?.items ?? [];
  const open = items.find((w) => w.open);
  const last = items.find((w) => !w.open);
  if (!open && !last && h.status !== 'monitored') return null;
  const r = readiness.data;
  return (
    <View className='hh-section household-warning'>
      <View className='hh-section__title'>防返贫监测</View>
      {h.status === 'monitored' && (
        <View className='hh-section__detail'>
          监测户{h.monitoringType ? ` · ${MONITORING_TYPE_LABELS[h.monitoringType]}` : ''}
          {h.monitoredSince ? ` · ${chineseDate(h.monitoredSince)}纳入` : ''}
        </View>
      )}
      {r &&
        (r.ready ? (
          <View className='hh-section__detail'>
            <Tag status='done'>可申请风险消除</Tag>
          </View>
        ) : (
          <View className='hh-section__detail'>暂不具备风险消除条件：{r.missing.join('；')}</View>
        ))}
      {[open ?? last].filter(Boolean).map((w) => {
        const tag = stageTag(w!);
        return (
          <View key={w!._id} className='hh-section__item' onClick={() => void navigate('warning', { id: w!._id })}>
            <View className='hh-section__name'>
              {w!.open ? '在办预警' : '最近预警'} <Tag status={tag.status}>{tag.label}</Tag>
            </View>
            {w!.open && <View className={`warning-row__due warning-row__due--${w!.deadline}`}>{deadlineText(w!)}</View>}
          </View>
        );
      })}
    </View>
  );
}
