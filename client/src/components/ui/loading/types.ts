import type { ReactElement } from 'react';

export interface LoadingProps {
  /** Shown beside the spinner, e.g. 加载中… */
  text?: string;
  vertical?: boolean;
}
export type LoadingComponent = (props: LoadingProps) => ReactElement;
