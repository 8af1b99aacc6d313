import { View } from '@tarojs/components';
import type { LoadingComponent } from './types';
import './index.h5.scss';

const Loading: LoadingComponent = ({ text = '加载中…', vertical = true }) => (
  <View className='bf-loading'>
    <View className={vertical ? 'bf-loading__inner bf-loading__inner--vertical' : 'bf-loading__inner'}>
      <View className='bf-loading__spinner' />
      {text && <View className='bf-loading__text'>{text}</View>}
    </View>
  </View>
);

export default Loading;
