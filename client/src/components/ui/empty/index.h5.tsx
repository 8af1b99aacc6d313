import { View } from '@tarojs/components';
import Button from '../button';
import type { EmptyComponent } from './types';
import './index.h5.scss';

const GLYPH: Record<NonNullable<Parameters<EmptyComponent>[0]['image']>, string> = { default: '', error: '!', network: '!', search: '?' };

const Empty: EmptyComponent = ({ description, image = 'default', actionText, onAction }) => (
  <View className='bf-empty'>
    <View className={`bf-empty__image bf-empty__image--${image}`}>{GLYPH[image]}</View>
    <View className='bf-empty__description'>{description}</View>
    {actionText && (
      <View className='bf-empty__action'>
        <Button type='primary' round onClick={onAction}>
          {actionText}
        </Button>
      </View>
    )}
  </View>
);

export default Empty;
