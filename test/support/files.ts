import ExcelJS from 'exceljs';
import { clock } from '../../cloudfunctions/core/clock';
import { readFile, saveFile } from '../../cloudfunctions/core/files';
import { admit, type AdminCtx, type Ctx } from '../../cloudfunctions/core/handler';
import { findUserByOpenid } from '../../cloudfunctions/core/users/user.repository';

/** The Ctx the handler would build for this local account. */
export async function ctxOf(openid: string): Promise<Ctx> {
  return { openid, user: await findUserByOpenid(openid), requestId: 'test', now: clock.now() };
}

/** The same, for an admin action: throws as the handler would answer when the account is not an admin. */
export async function adminCtxOf(openid: string): Promise<AdminCtx> {
  return admit(['admin'] as const, await ctxOf(openid));
}

/** A sheet uploaded for import by this admin, as the local host's POST /api/files records it. */
export async function uploadAs(openid: string, bytes: Buffer, name = 'sheet.xlsx'): Promise<string> {
  return saveFile(await adminCtxOf(openid), bytes, name, 'upload');
}

/** A saved file's bytes, read as this admin. */
export async function readAs(openid: string, fileId: string): Promise<Buffer> {
  return readFile(await adminCtxOf(openid), fileId);
}

/** A 兑现清单 (.xlsx) in the import layout with these rows, uploaded for import by the county admin. */
export async function disbursementSheet(rows: (string | number)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('兑现清单');
  ws.addRow(['政策', '身份证号', '发放期间', '金额', '发放日期']);
  rows.forEach((r) => ws.addRow(r));
  return uploadAs('demo-admin', Buffer.from(await workbook.xlsx.writeBuffer()), '兑现清单.xlsx');
}

/** An exported sheet, read back as this admin would open it. */
export async function workbookOf(openid: string, fileId: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readAs(openid, fileId)) as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's data rows as header → cell (the first row is the header). */
export function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const out: Record<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i)]).filter(([h]) => h)));
  });
  return out;
}
