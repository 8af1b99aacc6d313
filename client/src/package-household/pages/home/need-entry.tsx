import { View } from '@tarojs/components';
import { navigate } from '@/services/routes';
import './need-entry.scss';

/** 我要求助 on the household home: one big red tap from anywhere the household starts. */
export default function NeedEntry() {
  return (
    <View className='need-entry' onClick={() => void navigate('needReport')}>
      <View className='need-entry__title'>我要求助</View>
      <View className='need-entry__sub'>看病、住房、上学、急难，点这里告诉帮扶人</View>
    </View>
  );
}
