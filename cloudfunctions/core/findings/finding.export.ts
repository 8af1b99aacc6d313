import ExcelJS from 'exceljs';
import {
  FINDING_CATEGORY_LABELS,
  FINDING_SEVERITY_LABELS,
  FINDING_SOURCE_LABELS,
  FINDING_STATUS_LABELS,
  FINDING_SUBJECT_LABELS,
  type Finding,
  type ListFindingsInput,
} from '../../../types/finding';
import type { ExportFile } from '../../../types/common';
import type { AdminCtx } from '../handler';
import { conflict } from '../errors';
import { addTable, chinaTimeCell, saveExport, TIME_FORMAT, type SheetColumn } from '../sheet-export';
import { dateOf } from '../time';
import { findingsWhere } from './finding.repository';
import { listCondition, visibleFinding } from './finding-query.service';

const subjectOf = (f: Finding) => `${FINDING_SUBJECT_LABELS[f.subject.kind]}：${f.subjectName}`;

/** The ledger columns county offices keep (整改台账), in their order. */
const LEDGER: SheetColumn<Finding>[] = [
  { header: '编号', width: 14, value: (f) => f.code },
  { header: '来源', width: 12, value: (f) => FINDING_SOURCE_LABELS[f.source] },
  { header: '类别', width: 10, value: (f) => FINDING_CATEGORY_LABELS[f.category] },
  { header: '问题对象', width: 22, value: subjectOf },
  { header: '问题概要', width: 40, value: (f) => f.description },
  { header: '严重程度', width: 8, value: (f) => FINDING_SEVERITY_LABELS[f.severity] },
  { header: '牵头单位', width: 16, value: (f) => f.leadUnit },
  { header: '责任单位', width: 16, value: (f) => f.responsibleUnit },
  { header: '责任人', width: 10, value: (f) => f.responsibleName },
  { header: '整改时限', width: 20, kind: 'time', value: (f) => f.deadline },
  { header: '整改措施', width: 36, value: (f) => f.measures.map((m, i) => `${i + 1}. ${m}`).join('\n') },
  { header: '整改情况', width: 36, value: (f) => (f.returnReason ? `退回：${f.returnReason}` : f.evidence.at(-1)?.note) },
  { header: '状态', width: 10, value: (f) => FINDING_STATUS_LABELS[f.status] },
  { header: '销号时间', width: 20, kind: 'time', value: (f) => f.closedAt },
];

/** 整改台账: the caller's findings under the list's filters, one row each, audit-logged like every export. */
export async function exportLedger(ctx: AdminCtx, filters: Omit<ListFindingsInput, 'limit' | 'offset'>): Promise<ExportFile> {
  const where = await listCondition(ctx, filters);
  const workbook = new ExcelJS.Workbook();
  const table = addTable(workbook, '督查整改台账', LEDGER);
  table.add(where ? await findingsWhere(where) : []);
  return saveExport(ctx, workbook, `督查整改台账-${dateOf(ctx.now)}`, 'export_findings', table.rows);
}

/** 限期整改通知单 of one finding as a printable sheet (A4, portrait), once its notice is issued. */
export async function exportNotice(ctx: AdminCtx, input: { findingId: string }): Promise<ExportFile> {
  const { finding: f } = await visibleFinding(ctx.user, input.findingId);
  if (!f.notice) throw conflict('请先下发限期整改通知单');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('限期整改通知单', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 } });
  sheet.columns = [{ width: 16 }, { width: 60 }];
  sheet.mergeCells('A1:B1');
  sheet.getCell('A1').value = '限期整改通知单';
  sheet.getCell('A1').font = { bold: true, size: 18 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  const rows: Array<[string, string | Date]> = [
    ['通知单编号', f.notice.number],
    ['问题编号', f.code],
    ['责任单位', f.responsibleUnit ?? ''],
    ['责任人', f.responsibleName ?? ''],
    ['问题来源', FINDING_SOURCE_LABELS[f.source]],
    ['问题类别', FINDING_CATEGORY_LABELS[f.category]],
    ['问题对象', subjectOf(f)],
    ['问题描述', f.description],
    ['整改时限', chinaTimeCell(f.deadline)],
    ['整改要求', '请于整改时限前完成整改，在帮扶通中提交整改佐证并申请销号；逾期未完成的将通报。'],
    ['牵头单位', f.leadUnit ?? ''],
    ['下发人', f.notice.issuedByName],
    ['下发时间', chinaTimeCell(f.notice.issuedAt)],
  ];
  rows.forEach(([label, value], i) => {
    const row = sheet.getRow(i + 3);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    if (value instanceof Date) row.getCell(2).numFmt = TIME_FORMAT;
  });
  return saveExport(ctx, workbook, `限期整改通知单-${f.code}`, 'export_finding_notice', 1, { findingId: f._id });
}
