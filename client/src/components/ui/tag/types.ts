import type { ReactElement, ReactNode } from 'react';

/**
 * Status colours mean one thing everywhere (UX.md): success = done/received (green),
 * warning = due/pending (orange), danger = overdue/gap/emergency (red), default = not applicable (grey),
 * primary = neutral information (blue).
 */
export type TagType = 'success' | 'warning' | 'danger' | 'default' | 'primary';

export interface TagProps {
  type?: TagType;
  plain?: boolean;
  size?: 'medium' | 'large';
  children?: ReactNode;
}
export type TagComponent = (props: TagProps) => ReactElement;
