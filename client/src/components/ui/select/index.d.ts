import type { DateSelectComponent, SelectComponent } from './types';

export type { DateSelectProps, SelectProps } from './types';
/** Resolved per platform by Taro: `index.weapp.tsx` (picker) or `index.h5.tsx` (select list on a desk, picker on a phone). */
declare const Select: SelectComponent;
export declare const DateSelect: DateSelectComponent;
export default Select;
