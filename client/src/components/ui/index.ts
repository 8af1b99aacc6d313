/**
 * Bangfu's UI kit. Pages import from here and never check the platform: vant-wrapping components
 * resolve to `index.weapp.tsx` (@vant/weapp) or `index.h5.tsx` (Taro components styled like vant).
 */
export { default as Button } from './button';
export { default as Cell, CellGroup } from './cell';
export { default as Tag } from './tag';
export { default as Empty } from './empty';
export { default as Loading } from './loading';
export { default as ErrorState } from './error-state';
export { default as Loaded } from './loaded';
export { default as Card } from './card';
export { default as TabBar } from './tab-bar';
export { default as Page } from './page';
export { default as Field } from './field';
export { default as Select, DateSelect } from './select';
export { default as Table } from './table';
export type { ButtonProps } from './button';
export type { CellProps, CellGroupProps } from './cell';
export type { StatusMeaning, TagProps, TagType } from './tag';
export { statusColour, STATUS_COLOUR } from './tag/types';
export type { EmptyProps } from './empty';
export type { DateSelectProps, SelectProps } from './select';
export type { TableColumn, TableProps } from './table';
export type { LoadingProps } from './loading';
export type { LoadedProps } from './loaded';
export { VANT_COMPONENTS, vant } from './vant';
