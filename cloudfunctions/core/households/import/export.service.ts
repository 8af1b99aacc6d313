import ExcelJS from 'exceljs';
import type { HouseholdFilters } from '../../../../types/api/households';
import type { AdminCtx } from '../../handler';
import { regionNames } from '../../regions/region.repository';
import { adminScope } from '../../access/scope';
import { addTable, saveExport, type ExportFile, type SheetColumn } from '../../sheet-export';
import { householdQuery } from '../list.service';
import { allHouseholds } from '../household.repository';
import { COLUMNS, householdRows, type SheetRow } from './sheet';
import { dateOf } from '../../time';

/** The registry layout as export columns: years, income and disability level as numbers, the rest as text. */
export const REGISTRY_COLUMNS: SheetColumn<SheetRow>[] = COLUMNS.map((c) =>
  'numeric' in c
    ? { header: c.header, width: c.width, kind: 'number' as const, value: (r: SheetRow) => (r[c.key] === '' ? null : Number(r[c.key])) }
    : { header: c.header, width: c.width, value: (r: SheetRow) => r[c.key] },
);

/**
 * 导出: the caller's region under the current filters, in the import layout (so an exported sheet
 * can be corrected and imported back). Full ID numbers are in it, so every export is audit-logged,
 * kept 24 hours as the caller's file, and handed out by a link only its owner (or an admin above) can use.
 */
export async function exportHouseholds(ctx: AdminCtx, filters: HouseholdFilters): Promise<ExportFile> {
  adminScope(ctx.user);
  const where = await householdQuery(ctx, filters);
  const workbook = new ExcelJS.Workbook();
  const table = addTable(workbook, '建档立卡户', REGISTRY_COLUMNS);
  for await (const page of where ? allHouseholds(where) : []) {
    const names = await regionNames(page.flatMap((h) => [h.townId, h.villageId]));
    for (const h of page) table.add(householdRows(h, names.get(h.townId) ?? '', names.get(h.villageId) ?? ''));
  }
  return saveExport(ctx, workbook, `households-${dateOf(ctx.now)}`, 'export_households', table.rows);
}
