import ExcelJS from 'exceljs';
import type { ListNeedsInput } from '../../../types/api/needs';
import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS, type NeedView } from '../../../types/need';
import { chinaDate } from '../../../types/format';
import type { AdminCtx } from '../handler';
import { adminScope } from '../access/scope';
import { addTable, saveExport, type ExportFile } from '../sheet-export';
import { chinaTime } from '../time';
import { list } from './need-list.service';

/** A county's needs of several years; beyond this the export should be narrowed by status or category. */
export const NEED_EXPORT_MAX = 20_000;
const PAGE = 500;

const when = (at: string | null | undefined) => (at ? chinaTime(at).format('YYYY-MM-DD HH:mm') : '');

/**
 * 导出需求: the needs oversight list under its filters (needs.list: the caller's region, overdue
 * first), a row each. The callback phone is left out (not needed to follow up a need here).
 */
export async function exportNeeds(ctx: AdminCtx, filters: Omit<ListNeedsInput, 'limit' | 'offset'>): Promise<ExportFile> {
  adminScope(ctx.user);
  const workbook = new ExcelJS.Workbook();
  const table = addTable<NeedView>(workbook, '需求', [
    { header: '上报日期', width: 12, value: (n) => chinaDate(n.reportedAt) },
    { header: '行政村', width: 12, value: (n) => n.villageName },
    { header: '户主', width: 10, value: (n) => n.householdHeadName },
    { header: '类别', width: 10, value: (n) => NEED_CATEGORY_LABELS[n.category] },
    { header: '状态', width: 10, value: (n) => NEED_STATUS_LABELS[n.status] },
    { header: '是否逾期', width: 9, value: (n) => (n.overdue ? '是' : '否') },
    { header: '办理时限', width: 17, value: (n) => when(n.deadline) },
    { header: '承办人', width: 10, value: (n) => n.assigneeName },
    { header: '需求描述', width: 40, value: (n) => n.description },
    { header: '满意度评分', width: 10, kind: 'number', value: (n) => n.rating },
  ]);
  for (let offset = 0; offset < NEED_EXPORT_MAX; offset += PAGE) {
    const { items } = await list(ctx, { ...filters, offset, limit: PAGE });
    table.add(items);
    if (items.length < PAGE) break;
  }
  return saveExport(ctx, workbook, `needs-${chinaDate(ctx.now)}`, 'export_needs', table.rows);
}
