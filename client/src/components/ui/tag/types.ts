import type { ReactElement, ReactNode } from 'react';

/**
 * What a status tag says, the one thing its colour means everywhere (UX.md): `done` = done /
 * received (green), `due` = due / pending (orange), `alert` = overdue / entitled but not received /
 * emergency (red), `none` = not applicable (grey).
 */
export type StatusMeaning = 'done' | 'due' | 'alert' | 'none';

/** vant's tag colours. */
export type VantTagType = 'success' | 'warning' | 'danger' | 'default' | 'primary';

/** The one status → colour mapping: every coloured tag goes through it. */
export const STATUS_COLOUR: Record<StatusMeaning, VantTagType> = { done: 'success', due: 'warning', alert: 'danger', none: 'default' };
export const statusColour = (status: StatusMeaning): VantTagType => STATUS_COLOUR[status];

/** A label that is not a status: blue (information) or grey. Status colours come only from `status`. */
export type TagType = 'primary' | 'default';

export interface TagProps {
  /** A status: its colour is `statusColour(status)`. Takes precedence over `type`. */
  status?: StatusMeaning;
  type?: TagType;
  plain?: boolean;
  size?: 'medium' | 'large';
  children?: ReactNode;
}
export type TagComponent = (props: TagProps) => ReactElement;

/** The vant type a tag renders with. */
export const tagColour = ({ status, type = 'default' }: Pick<TagProps, 'status' | 'type'>): VantTagType => (status ? statusColour(status) : type);
