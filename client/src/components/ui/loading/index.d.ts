import type { LoadingComponent } from './types';

export type { LoadingProps } from './types';
/** Resolved per platform by Taro: `index.weapp.tsx` (van-loading) or `index.h5.tsx`. */
declare const Loading: LoadingComponent;
export default Loading;
