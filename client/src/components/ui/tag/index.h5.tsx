import { Text } from '@tarojs/components';
import type { TagComponent } from './types';
import './index.h5.scss';

const Tag: TagComponent = ({ type = 'default', plain, size, children }) => (
  <Text className={['bf-tag', `bf-tag--${type}`, plain && 'bf-tag--plain', size && `bf-tag--${size}`].filter(Boolean).join(' ')}>{children}</Text>
);

export default Tag;
