import type { CellComponent, CellGroupComponent } from './types';

export type { CellGroupProps, CellProps } from './types';
/** Resolved per platform by Taro: `index.weapp.tsx` (van-cell) or `index.h5.tsx`. */
declare const Cell: CellComponent;
export declare const CellGroup: CellGroupComponent;
export default Cell;
