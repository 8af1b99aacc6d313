import type { ReactElement } from 'react';

export interface EmptyProps {
  /** What is missing and what to do next, in one or two short sentences. */
  description: string;
  image?: 'default' | 'error' | 'network' | 'search';
  actionText?: string;
  onAction?: () => void;
}
export type EmptyComponent = (props: EmptyProps) => ReactElement;
