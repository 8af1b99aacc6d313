import { readStreamedSheet, type NumberedRow as SheetRowOf } from '../../sheet-rows';
import { COLUMNS, type ColumnKey } from './sheet';
import { HEADER_SPEC } from './header.rules';

/** A county's sheet is about 100,000 member rows; refuse anything far beyond that. */
export const MAX_ROWS = 120_000;

export type NumberedRow = SheetRowOf<ColumnKey>;

/**
 * Reads the first worksheet as a stream (sheet-rows.ts), one numbered row of text cells at a time:
 * a title or date line above the header is skipped, columns may come in any order under any of
 * their usual names (header.rules.ts), extra ones are ignored.
 */
export const readSheet = (bytes: Buffer): Promise<NumberedRow[]> =>
  readStreamedSheet(bytes, {
    spec: HEADER_SPEC,
    columns: COLUMNS.map((c) => c.key),
    maxRows: MAX_ROWS,
    empty: '表格是空的：应有一行列名（可下载「导入模板」），其下每行一位家庭成员',
  });
