import type { TableComponent } from './types';

export type { TableColumn, TableProps } from './types';
/** Resolved per platform by Taro: `index.weapp.tsx` (rows) or `index.h5.tsx` (a table on a desk, rows on a phone). */
declare const Table: TableComponent;
export default Table;
