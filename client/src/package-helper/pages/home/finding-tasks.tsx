import { View } from '@tarojs/components';
import FindingRow from '@/components/findings/finding-row';
import { useReloadOnShow } from '@/hooks/use-reload';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import '@/components/findings/findings.scss';

/** Well past what one helper has open at a time; closed ones come last in the list and are dropped here. */
const LIMIT = 50;

/**
 * 整改任务: the helper's open 督查整改 findings, those waiting on the helper first (then by deadline,
 * the server's order). Hidden when there is none, so the home stays about households.
 */
export default function FindingTasks() {
  const list = useRequest(() => api.findings.list({ limit: LIMIT, offset: 0 }));
  const rounds = useRequest(() => api.findings.rounds({ limit: 1, offset: 0 }));
  useReloadOnShow(() => Promise.all([list.reload(), rounds.reload()]));
  const open = (list.data?.items ?? []).filter((f) => f.open);
  const latest = rounds.data?.items[0];
  if (!open.length && !latest) return null;
  const sorted = [...open.filter((f) => f.actions.length), ...open.filter((f) => !f.actions.length)];
  return (
    <View className='finding-tasks'>
      {open.length > 0 && (
        <View className='finding-tasks__title'>
          整改任务 <View className='finding-tasks__count'>{open.length} 条未销号</View>
        </View>
      )}
      {sorted.map((f) => (
        <FindingRow key={f._id} finding={f} hint={f.actions.length ? '待我处理' : undefined} onClick={() => void navigate('finding', { id: f._id })} />
      ))}
      {latest && (
        <View className='finding-tasks__review' onClick={() => void navigate('review', { id: latest._id })}>
          回头看：{latest.title}，复核您结对的抽中户 ›
        </View>
      )}
    </View>
  );
}
