import { Text, View } from '@tarojs/components';
import type { ButtonComponent } from './types';
import './index.h5.scss';

const Button: ButtonComponent = ({ type = 'default', size = 'normal', block, plain, round, loading, loadingText, disabled, onClick, children }) => {
  const inactive = disabled || loading;
  const className = [
    'bf-btn',
    `bf-btn--${type}`,
    `bf-btn--${size}`,
    block && 'bf-btn--block',
    plain && 'bf-btn--plain',
    round && 'bf-btn--round',
    inactive && 'bf-btn--disabled',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <View className={className} hoverClass={inactive ? 'none' : 'bf-btn--active'} onClick={() => !inactive && onClick?.()}>
      {loading && <View className='bf-btn__spinner' />}
      <Text className='bf-btn__text'>{loading && loadingText ? loadingText : children}</Text>
    </View>
  );
};

export default Button;
