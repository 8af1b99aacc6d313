import { View } from '@tarojs/components';
import WarningRow from '@/components/monitoring/warning-row';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import '@/components/monitoring/monitoring.scss';

/** Shown on the home at most; the list page has them all. */
const SHOWN = 3;

/** 监测预警 waiting on the helper (入户核实 first by deadline). Hidden when there is none, so the home stays about households. */
export default function WarningTasks() {
  const list = useRequest(() => api.monitoring.listWarnings({ limit: 20, offset: 0, open: true }));
  useReloadOnShow(list.reload);
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  const mine = items.filter((w) => w.actions.length);
  return (
    <View className='finding-tasks'>
      <View className='finding-tasks__title' onClick={() => void navigate('helperWarnings')}>
        监测预警{' '}
        <View className='finding-tasks__count'>
          {mine.length} 户待核实 · 全部 {list.data!.total} 条 ›
        </View>
      </View>
      {[...mine, ...items.filter((w) => !w.actions.length)].slice(0, SHOWN).map((w) => (
        <WarningRow key={w._id} warning={w} hint={w.actions.length ? '待我核实' : undefined} onClick={() => void navigate('warning', { id: w._id })} />
      ))}
    </View>
  );
}
