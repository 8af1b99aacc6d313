import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { invalid } from '../../errors';
import { cellText } from '../../sheet-cell';
import { COLUMNS, type ColumnKey, type SheetRow } from './sheet';

/** A county's sheet is about 100,000 member rows; refuse anything far beyond that. */
export const MAX_ROWS = 120_000;

export interface NumberedRow {
  /** The row number Excel shows, so errors point at the right line. */
  row: number;
  cells: SheetRow;
}

/** Column positions from the header row: columns may come in any order, extra ones are ignored. */
function columnMap(values: unknown[]): Map<ColumnKey, number> {
  const map = new Map<ColumnKey, number>();
  values.forEach((v, i) => {
    const column = COLUMNS.find((c) => c.header === cellText(v));
    if (column) map.set(column.key, i);
  });
  const missing = COLUMNS.filter((c) => !map.has(c.key) && c.key !== 'phone');
  if (missing.length) throw invalid(`表格第 1 行缺少列：${missing.map((c) => c.header).join('、')}。请使用导出的表格或示例表格的列名`);
  return map;
}

/** Reads the first worksheet as a stream (exceljs), one numbered row of text cells at a time. */
export async function readSheet(bytes: Buffer): Promise<NumberedRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  const rows: NumberedRow[] = [];
  let columns: Map<ColumnKey, number> | null = null;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        if (!columns) { columns = columnMap(values); continue; }
        const cells = Object.fromEntries(COLUMNS.map((c) => [c.key, cellText(values[columns!.get(c.key) ?? -1])])) as SheetRow;
        if (Object.values(cells).every((v) => v === '')) continue;
        if (rows.length >= MAX_ROWS) throw invalid(`表格超过 ${MAX_ROWS} 行，请分成几个文件导入`);
        rows.push({ row: row.number, cells });
      }
      break;
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'DomainError') throw error;
    throw invalid('无法读取该文件，请确认是 Excel（.xlsx）表格');
  }
  if (!columns) throw invalid('表格是空的：第 1 行应为列名，从第 2 行起每行一位家庭成员');
  return rows;
}
