import { View } from '@tarojs/components';
import Button from '../button';
import type { EmptyComponent } from './types';

const Empty: EmptyComponent = ({ description, image = 'default', actionText, onAction }) => (
  <van-empty image={image} description={description}>
    {actionText && (
      <View className='bf-empty__action'>
        <Button type='primary' round onClick={onAction}>
          {actionText}
        </Button>
      </View>
    )}
  </van-empty>
);

export default Empty;
