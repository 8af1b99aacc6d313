import ExcelJS from 'exceljs';
import type { AdminCtx } from './handler';
import { audit, type AuditAction } from './audit/audit.service';
import { fileLink, saveFile } from './files';

/**
 * One column of an exported table. A `number` column writes numeric cells (counts, amounts, years),
 * so Excel sums and sorts them; a `text` column writes text cells formatted as text (`@`), so ID
 * numbers and phones are neither rounded nor stripped of their X.
 */
export type SheetColumn<T> = { header: string; width?: number } & (
  | { kind: 'number'; value: (row: T) => number | null | undefined }
  /** A moment (ISO): a date cell that reads China time (2026年12月14日 00:30). */
  | { kind: 'time'; value: (row: T) => string | null | undefined }
  | { kind?: 'text'; value: (row: T) => string | null | undefined }
);

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
export const TIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm';

/**
 * A moment as an Excel date cell showing China time. Excel has no time zones and ExcelJS writes a
 * Date's UTC fields, so the cell is given the China wall clock as its UTC fields.
 */
export const chinaTimeCell = (iso: string) => new Date(new Date(iso).getTime() + CHINA_OFFSET_MS);

/** The cell a column writes: a finite number for a number column (blank when there is none), a date for a time column, text otherwise. */
export function cellOf<T>(column: SheetColumn<T>, row: T): string | number | Date | null {
  const v = column.value(row as never);
  if (column.kind === 'number') return typeof v === 'number' && Number.isFinite(v) ? v : null;
  if (column.kind === 'time') return typeof v === 'string' && v ? chinaTimeCell(v) : null;
  return v == null ? '' : String(v);
}

export interface Table<T> {
  add(rows: Iterable<T>): void;
  readonly rows: number;
}

/** A worksheet with a bold, frozen header row; rows are added a page at a time. */
export function addTable<T>(workbook: ExcelJS.Workbook, name: string, columns: SheetColumn<T>[]): Table<T> {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((c, i) => ({ key: `c${i}`, header: c.header, width: c.width ?? Math.max(8, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const text = columns.flatMap((c, i) => (c.kind === 'number' || c.kind === 'time' ? [] : [i + 1]));
  columns.forEach((c, i) => {
    if (c.kind === 'time') sheet.getColumn(i + 1).numFmt = TIME_FORMAT;
  });
  let rows = 0;
  return {
    add(items) {
      for (const item of items) {
        const row = sheet.addRow(columns.map((c) => cellOf(c, item)));
        for (const i of text) row.getCell(i).numFmt = '@';
        rows++;
      }
    },
    get rows() {
      return rows;
    },
  };
}

export interface ExportFile {
  fileId: string;
  rows: number;
  url: string;
}

/**
 * Saves an export as the caller's file (kept 24 hours, readable by its owner or an admin above),
 * audit-logs it (exports carry personal data of a whole region), and answers the download link.
 */
export async function saveExport(
  ctx: AdminCtx,
  workbook: ExcelJS.Workbook,
  name: string,
  action: AuditAction,
  rows: number,
  detail: Record<string, string | number> = {},
): Promise<ExportFile> {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const fileId = await saveFile(ctx, bytes, `${name}.xlsx`, 'export');
  await audit(ctx, { action, detail: { rows, ...detail } });
  return { fileId, rows, url: await fileLink(ctx, fileId) };
}
