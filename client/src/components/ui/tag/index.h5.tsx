import { Text } from '@tarojs/components';
import { tagColour, type TagComponent } from './types';
import './index.h5.scss';

const Tag: TagComponent = ({ status, type, plain, size, children }) => (
  <Text className={['bf-tag', `bf-tag--${tagColour({ status, type })}`, plain && 'bf-tag--plain', size && `bf-tag--${size}`].filter(Boolean).join(' ')}>
    {children}
  </Text>
);

export default Tag;
