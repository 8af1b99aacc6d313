import { View } from '@tarojs/components';
import { navigate } from '@/services/routes';
import './self-check-entry.scss';

/** 风险自查 · 申请帮扶 on the household home, one big tap (长辈版: ≥ 60 px). */
export default function SelfCheckEntry() {
  return (
    <View className='sc-entry' onClick={() => void navigate('selfCheck')}>
      <View className='sc-entry__title'>风险自查 · 申请帮扶</View>
      <View className='sc-entry__sub'>点几下看看家里有没有返贫风险，也能看申请进度</View>
    </View>
  );
}
