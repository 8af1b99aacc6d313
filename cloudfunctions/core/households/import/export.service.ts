import ExcelJS from 'exceljs';
import type { HouseholdFilters } from '../../../../types/api/households';
import type { AdminCtx } from '../../handler';
import { audit } from '../../audit/audit.service';
import { fileLink, saveFile } from '../../files';
import { regionNames } from '../../regions/region.repository';
import { adminScope } from '../../access/scope';
import { householdQuery } from '../list.service';
import { allHouseholds } from '../household.repository';
import { COLUMNS, householdRows } from './sheet';
import { dateOf } from '../../time';

/**
 * 导出: the caller's region under the current filters, in the import layout (so an exported sheet
 * can be corrected and imported back). Full ID numbers are in it, so every export is audit-logged,
 * kept 24 hours as the caller's file, and handed out by a link only its owner (or an admin above) can use.
 */
export async function exportHouseholds(ctx: AdminCtx, filters: HouseholdFilters): Promise<{ fileId: string; rows: number; url: string }> {
  adminScope(ctx.user);
  const where = await householdQuery(ctx, filters);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('建档立卡户');
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  let rows = 0;
  for await (const page of where ? allHouseholds(where) : []) {
    const names = await regionNames(page.flatMap((h) => [h.townId, h.villageId]));
    for (const h of page) {
      const lines = householdRows(h, names.get(h.townId) ?? '', names.get(h.villageId) ?? '');
      sheet.addRows(lines);
      rows += lines.length;
    }
  }
  // ID numbers and phones as text, so Excel neither rounds them nor drops the X.
  sheet.getColumn('idNumber').numFmt = '@';
  sheet.getColumn('phone').numFmt = '@';
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const fileId = await saveFile(ctx, bytes, `households-${dateOf(ctx.now)}.xlsx`, 'export');
  await audit(ctx, { action: 'export_households', detail: { rows } });
  return { fileId, rows, url: await fileLink(ctx, fileId) };
}
