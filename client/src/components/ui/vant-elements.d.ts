/** @vant/weapp native components as JSX elements, used only by the UI kit's `*.weapp.tsx` files. */
import type { ReactNode } from 'react';

type VantProps = Record<string, unknown> & {
  className?: string;
  style?: string;
  children?: ReactNode;
  onClick?: (e: unknown) => void;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'van-button': VantProps;
      'van-cell': VantProps;
      'van-cell-group': VantProps;
      'van-tag': VantProps;
      'van-empty': VantProps;
      'van-loading': VantProps;
    }
  }
}
