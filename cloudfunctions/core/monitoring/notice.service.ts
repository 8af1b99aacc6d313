import ExcelJS from 'exceljs';
import { MONITORING_TYPE_LABELS, type NoticeListInput, type NoticeRow } from '../../../types/monitoring';
import type { ExportFile } from '../../../types/common';
import { addDays, chineseDay } from '../../../types/format';
import type { AdminCtx } from '../handler';
import { scopedWhere } from '../access';
import { regionNames } from '../regions/region.repository';
import { addTable, saveExport, type SheetColumn } from '../sheet-export';
import { dateOf } from '../time';
import { warningsWhere } from './warning.repository';

/**
 * 公示名单 (SPEC §3b 村级评议): the households of the admin's region (narrowed by town or
 * village) whose village review — and so whose public notice — is running, in village order.
 */
export async function noticeList(ctx: AdminCtx, input: NoticeListInput): Promise<{ items: NoticeRow[]; total: number }> {
  const where = scopedWhere(ctx.user.scope, { townId: input.townId, villageId: input.villageId });
  if (!where) return { items: [], total: 0 };
  const warnings = await warningsWhere({ ...where, stage: 'village_review' });
  const names = await regionNames([...new Set(warnings.flatMap((w) => [w.villageId, w.townId]))]);
  const items = warnings.map((w): NoticeRow => ({
    warningId: w._id,
    householdId: w.householdId,
    headName: w.headName,
    villageId: w.villageId,
    villageName: names.get(w.villageId) ?? '',
    townName: names.get(w.townId) ?? '',
    suggestedType: w.suggestedType,
    noticeFrom: w.noticeFrom ?? w.stageStartedOn,
    noticeUntil: w.noticeUntil ?? w.dueOn,
  }));
  return { items, total: items.length };
}

const COLUMNS: SheetColumn<NoticeRow & { n: number }>[] = [
  { header: '序号', kind: 'number', width: 6, value: (r) => r.n },
  { header: '乡镇', width: 14, value: (r) => r.townName },
  { header: '村', width: 14, value: (r) => r.villageName },
  { header: '户主姓名', width: 12, value: (r) => r.headName },
  { header: '拟纳入监测类型', width: 18, value: (r) => (r.suggestedType ? MONITORING_TYPE_LABELS[r.suggestedType] : '') },
  { header: '公示期', width: 30, value: (r) => `${chineseDay(r.noticeFrom)}至${chineseDay(addDays(r.noticeUntil, -1))}` },
];

/** The 公示名单 as .xlsx, to print and post: no ID number, income or health detail; audit-logged as every export. */
export async function exportNoticeList(ctx: AdminCtx, input: NoticeListInput): Promise<ExportFile> {
  const { items } = await noticeList(ctx, input);
  const workbook = new ExcelJS.Workbook();
  const table = addTable(workbook, '监测对象识别公示', COLUMNS);
  table.add(items.map((r, i) => ({ ...r, n: i + 1 })));
  return saveExport(ctx, workbook, `防返贫监测对象公示名单-${dateOf(ctx.now)}`, 'export_monitoring_notice', table.rows);
}
