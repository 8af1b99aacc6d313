import type { EmptyComponent } from './types';

export type { EmptyProps } from './types';
/** Resolved per platform by Taro: `index.weapp.tsx` (van-empty) or `index.h5.tsx`. */
declare const Empty: EmptyComponent;
export default Empty;
