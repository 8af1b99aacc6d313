import type { TagComponent } from './types';

export type { StatusMeaning, TagProps, TagType } from './types';
export { statusColour, STATUS_COLOUR } from './types';
/** Resolved per platform by Taro: `index.weapp.tsx` (van-tag) or `index.h5.tsx`. */
declare const Tag: TagComponent;
export default Tag;
