import { View } from '@tarojs/components';
import { useRequest } from '@/hooks/use-request';
import { api } from '@/services/client';
import { navigate } from '@/services/routes';
import './self-check-entry.scss';

/** 风险自查 · 申请帮扶 on the household home, one big tap (长辈版: ≥ 60 px); an application in progress says where it stands. */
export default function SelfCheckEntry() {
  const mine = useRequest(() => api.monitoring.myWarning({}));
  const open = mine.data?.warning?.open ? mine.data.warning : null;
  return (
    <View className='sc-entry' onClick={() => void navigate('selfCheck')}>
      <View className='sc-entry__title'>{open ? '我的帮扶申请' : '风险自查 · 申请帮扶'}</View>
      <View className='sc-entry__sub'>{open ? open.headline : '点几下看看家里有没有返贫风险，也能看申请进度'}</View>
    </View>
  );
}
