import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { GapRefresh } from '@bangfu/types/api/benefits';
import { api } from '@/services/client';
import { messageOf } from '@/services/errors';

/**
 * 应享未享重新测算 after a parameter change: the server re-evaluates every household in steps; each
 * call here works on it a few seconds more and answers how far it got, until it is done.
 */
export default function RefreshProgress({ start }: { start: GapRefresh }) {
  const [refresh, setRefresh] = useState(start);
  const [error, setError] = useState('');
  useEffect(() => setRefresh(start), [start]);
  useEffect(() => {
    if (refresh.status !== 'running' || error) return;
    let live = true;
    api.benefits.gapRefresh({}).then(
      (next) => {
        if (live) setRefresh(next);
      },
      (e) => {
        if (live) setError(messageOf(e));
      },
    );
    return () => {
      live = false;
    };
  }, [refresh, error]);
  if (error) return <View className='pol__error'>重新测算应享未享未完成：{error}。稍后打开本页会继续。</View>;
  if (refresh.status === 'running') {
    return (
      <View className='pol__refresh'>
        正在按新参数重新测算应享未享：{refresh.done.toLocaleString()} / {refresh.total.toLocaleString()} 户
      </View>
    );
  }
  return (
    <View className='pol__refresh'>
      应享未享已按新参数重新测算：{refresh.total.toLocaleString()} 户，其中 {refresh.changed.toLocaleString()} 户有变化
    </View>
  );
}
