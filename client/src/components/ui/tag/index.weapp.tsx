import type { TagComponent } from './types';

const Tag: TagComponent = ({ type = 'default', plain, size, children }) => (
  <van-tag type={type} plain={plain} size={size}>
    {children}
  </van-tag>
);

export default Tag;
