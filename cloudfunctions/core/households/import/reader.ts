import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { invalid } from '../../errors';
import { cellText } from '../../sheet-cell';
import { COLUMNS, type ColumnKey, type SheetRow } from './sheet';
import { HEADER_SEARCH_ROWS } from '../../sheet-header';
import { findHeader } from './header.rules';

/** A county's sheet is about 100,000 member rows; refuse anything far beyond that. */
export const MAX_ROWS = 120_000;

export interface NumberedRow {
  /** The row number Excel shows, so errors point at the right line. */
  row: number;
  cells: SheetRow;
}

type RawRow = { row: number; values: unknown[] };

/** The header among the rows read so far (header.rules.ts), or a message naming what is missing. */
function headerOf(rows: RawRow[]): { row: number; columns: Map<ColumnKey, number> } {
  const found = findHeader(rows.map((r) => ({ row: r.row, cells: Array.from(r.values, cellText) })));
  if (!found.ok) throw invalid(found.message);
  return found;
}

/**
 * Reads the first worksheet as a stream (exceljs), one numbered row of text cells at a time. The
 * first rows are held until the header row is known: a title or date line above it is skipped,
 * columns may come in any order under any of their usual names, extra ones are ignored.
 */
export async function readSheet(bytes: Buffer): Promise<NumberedRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  const rows: NumberedRow[] = [];
  const pending: RawRow[] = [];
  let header: ReturnType<typeof headerOf> | null = null;
  const take = (r: RawRow) => {
    const cells = Object.fromEntries(COLUMNS.map((c) => [c.key, cellText(r.values[header!.columns.get(c.key) ?? -1])])) as SheetRow;
    if (Object.values(cells).every((v) => v === '')) return;
    if (rows.length >= MAX_ROWS) throw invalid(`表格超过 ${MAX_ROWS} 行，请分成几个文件导入`);
    rows.push({ row: r.row, cells });
  };
  const settle = () => {
    header = headerOf(pending);
    for (const r of pending) if (r.row > header.row) take(r);
  };
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const raw = { row: row.number, values: row.values as unknown[] };
        if (header) {
          take(raw);
          continue;
        }
        pending.push(raw);
        if (pending.length >= HEADER_SEARCH_ROWS) settle();
      }
      break;
    }
    if (!header && pending.length) settle();
  } catch (error) {
    if (error instanceof Error && error.name === 'DomainError') throw error;
    throw invalid('无法读取该文件，请确认是 Excel（.xlsx）表格');
  }
  if (!header) throw invalid('表格是空的：应有一行列名（可下载「导入模板」），其下每行一位家庭成员');
  return rows;
}
