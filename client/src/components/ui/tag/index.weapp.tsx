import { tagColour, type TagComponent } from './types';

const Tag: TagComponent = ({ status, type, plain, size, children }) => (
  <van-tag type={tagColour({ status, type })} plain={plain} size={size}>
    {children}
  </van-tag>
);

export default Tag;
