import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { invalid } from './errors';
import { cellText } from './sheet-cell';
import { findHeaderRow, HEADER_SEARCH_ROWS, type HeaderSpec } from './sheet-header';

/**
 * Every uploaded sheet's rows (the registry, a 兑现 list, the 医保 list) read one way: the header
 * row found among the first rows (sheet-header.ts: a title or date line above it is skipped,
 * columns in any order under their usual names), each row below it mapped to text cells by
 * column, blank rows dropped, too many refused, every refusal in Chinese.
 */

export interface SheetShape<K extends string> {
  spec: HeaderSpec<K>;
  /** The columns each row's cells are read into, in order. */
  columns: readonly K[];
  /** Data rows the sheet may hold at most. */
  maxRows: number;
  /** What to say when the sheet has no row at all. */
  empty: string;
}

export interface NumberedRow<K extends string> {
  /** The row number Excel shows, so errors point at the right line. */
  row: number;
  cells: Record<K, string>;
}

type RawRow = { row: number; values: unknown[] };

const UNREADABLE = '无法读取该文件，请确认是 Excel（.xlsx）表格';

/** Takes raw rows in sheet order: the first are held until the header row is known, then each row below it is mapped. */
function rowRunner<K extends string>(shape: SheetShape<K>) {
  const rows: NumberedRow<K>[] = [];
  const pending: RawRow[] = [];
  let header: { row: number; columns: Map<K, number> } | null = null;
  const take = (r: RawRow, columns: Map<K, number>) => {
    const cells = Object.fromEntries(shape.columns.map((c) => [c, cellText(r.values[columns.get(c) ?? -1])])) as Record<K, string>;
    if (Object.values(cells).every((v) => v === '')) return;
    if (rows.length >= shape.maxRows) throw invalid(`表格超过 ${shape.maxRows} 行，请分成几个文件导入`);
    rows.push({ row: r.row, cells });
  };
  const settle = () => {
    const found = findHeaderRow(
      shape.spec,
      pending.map((r) => ({ row: r.row, cells: Array.from(r.values, cellText) })),
    );
    if (!found.ok) throw invalid(found.message);
    header = found;
    for (const r of pending) if (r.row > found.row) take(r, found.columns);
  };
  return {
    push(raw: RawRow) {
      if (header) return take(raw, header.columns);
      pending.push(raw);
      if (pending.length >= HEADER_SEARCH_ROWS) settle();
    },
    finish(): NumberedRow<K>[] {
      if (!header && pending.length) settle();
      if (!header) throw invalid(shape.empty);
      return rows;
    },
  };
}

/** The first worksheet streamed row by row (exceljs), for sheets of a county's size; cells are read without styles. */
export async function readStreamedSheet<K extends string>(bytes: Buffer, shape: SheetShape<K>): Promise<NumberedRow<K>[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  const runner = rowRunner(shape);
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) runner.push({ row: row.number, values: row.values as unknown[] });
      break;
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'DomainError') throw error;
    throw invalid(UNREADABLE);
  }
  return runner.finish();
}

/** The first worksheet loaded whole (exceljs), so a date-formatted cell reads as its date. */
export async function readLoadedSheet<K extends string>(bytes: Buffer, shape: SheetShape<K>): Promise<NumberedRow<K>[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid(UNREADABLE);
  }
  const runner = rowRunner(shape);
  // Blank rows too, so the header is looked for in exactly the first rows as Excel numbers them.
  workbook.worksheets[0]?.eachRow({ includeEmpty: true }, (row, number) => runner.push({ row: number, values: row.values as unknown[] }));
  return runner.finish();
}
