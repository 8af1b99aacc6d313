import type { ReactElement, ReactNode } from 'react';

export interface CellProps {
  title: string;
  /** Right-hand text; `children` replaces it with any content (tags, a switch). */
  value?: string | number;
  /** Secondary line under the title. */
  label?: string;
  isLink?: boolean;
  /** Vertically centre title and value (use with `label`). */
  center?: boolean;
  size?: 'normal' | 'large';
  required?: boolean;
  onClick?: () => void;
  children?: ReactNode;
}
export type CellComponent = (props: CellProps) => ReactElement;

export interface CellGroupProps {
  title?: string;
  /** Rounded card-like group with side margins. */
  inset?: boolean;
  children?: ReactNode;
}
export type CellGroupComponent = (props: CellGroupProps) => ReactElement;
