import { View } from '@tarojs/components';
import type { LoadingComponent } from './types';

const Loading: LoadingComponent = ({ text = '加载中…', vertical = true }) => (
  <View className='bf-loading'>
    <van-loading size='24px' vertical={vertical}>
      {text}
    </van-loading>
  </View>
);

export default Loading;
