import type { ReactElement, ReactNode } from 'react';

export interface TableColumn<T> {
  title: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned (amounts, counts). */
  numeric?: boolean;
}

/**
 * A list of records: a table with a header row on a desk (H5 at ≥ 1024 px, where admins compare
 * rows as in their spreadsheets), and each row as the page's own phone row elsewhere.
 */
export interface TableProps<T> {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: ReadonlyArray<TableColumn<T>>;
  /** How a row reads on a phone (and in the mini program): usually a Cell. */
  phoneRow: (row: T) => ReactNode;
  /** Wraps the phone rows (a CellGroup). */
  phoneGroup?: (rows: ReactNode) => ReactElement;
  onOpen?: (row: T) => void;
  /** The table's caption on a desk, e.g. `兑现记录（共 1,234 条）`. */
  caption?: string;
}
export type TableComponent = <T>(props: TableProps<T>) => ReactElement;
