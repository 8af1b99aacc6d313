import type { ButtonComponent } from './types';

export type { ButtonProps } from './types';
/** Resolved per platform by Taro: `index.weapp.tsx` (van-button) or `index.h5.tsx`. */
declare const Button: ButtonComponent;
export default Button;
