import type { ReactElement, ReactNode } from 'react';

export interface ButtonProps {
  /** primary: the screen's one main action; danger: destructive or emergency. */
  type?: 'primary' | 'default' | 'danger' | 'warning' | 'success';
  size?: 'large' | 'normal' | 'small';
  block?: boolean;
  plain?: boolean;
  round?: boolean;
  loading?: boolean;
  loadingText?: string;
  disabled?: boolean;
  onClick?: () => void;
  children?: ReactNode;
}
export type ButtonComponent = (props: ButtonProps) => ReactElement;
