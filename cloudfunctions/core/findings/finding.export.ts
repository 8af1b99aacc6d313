import ExcelJS from 'exceljs';
import {
  FINDING_CATEGORY_LABELS, FINDING_SEVERITY_LABELS, FINDING_SOURCE_LABELS, FINDING_STATUS_LABELS, FINDING_SUBJECT_LABELS,
  type Finding, type ListFindingsInput,
} from '../../../types/finding';
import type { AdminCtx } from '../handler';
import { audit } from '../audit/audit.service';
import { conflict } from '../errors';
import { fileLink, saveFile } from '../files';
import { dateOf } from '../time';
import { findingsWhere } from './finding.repository';
import { listCondition, visibleFinding } from './finding.service';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
/**
 * A moment as an Excel date cell showing China time: Excel has no time zones and ExcelJS writes a
 * Date's UTC fields, so the cell is given the China wall clock as its UTC fields.
 */
const excelChinaTime = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + CHINA_OFFSET_MS) : null);
const DATE_TIME = 'yyyy"年"m"月"d"日" hh:mm';

/** The ledger columns county offices keep (台账), in their order. */
const LEDGER_COLUMNS: Array<{ header: string; key: string; width: number; value: (f: Finding) => unknown }> = [
  { header: '编号', key: 'code', width: 14, value: (f) => f.code },
  { header: '来源', key: 'source', width: 12, value: (f) => FINDING_SOURCE_LABELS[f.source] },
  { header: '类别', key: 'category', width: 10, value: (f) => FINDING_CATEGORY_LABELS[f.category] },
  { header: '问题对象', key: 'subject', width: 22, value: (f) => `${FINDING_SUBJECT_LABELS[f.subject.kind]}：${f.subjectName}` },
  { header: '问题概要', key: 'description', width: 40, value: (f) => f.description },
  { header: '严重程度', key: 'severity', width: 8, value: (f) => FINDING_SEVERITY_LABELS[f.severity] },
  { header: '牵头单位', key: 'leadUnit', width: 16, value: (f) => f.leadUnit ?? '' },
  { header: '责任单位', key: 'responsibleUnit', width: 16, value: (f) => f.responsibleUnit ?? '' },
  { header: '责任人', key: 'responsible', width: 10, value: (f) => f.responsibleName ?? '' },
  { header: '整改时限', key: 'deadline', width: 20, value: (f) => excelChinaTime(f.deadline) },
  { header: '整改措施', key: 'measures', width: 36, value: (f) => f.measures.map((m, i) => `${i + 1}. ${m}`).join('\n') },
  { header: '整改情况', key: 'progress', width: 36, value: (f) => (f.returnReason ? `退回：${f.returnReason}` : f.evidence.at(-1)?.note ?? '') },
  { header: '状态', key: 'status', width: 10, value: (f) => FINDING_STATUS_LABELS[f.status] },
  { header: '销号时间', key: 'closedAt', width: 20, value: (f) => excelChinaTime(f.closedAt) },
];

async function handOut(ctx: AdminCtx, workbook: ExcelJS.Workbook, name: string) {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const fileId = await saveFile(ctx, bytes, name, 'export');
  return { fileId, url: await fileLink(ctx, fileId) };
}

/** 整改台账: the caller's findings under the list's filters, one row each, audit-logged like every export. */
export async function exportLedger(ctx: AdminCtx, filters: Omit<ListFindingsInput, 'limit' | 'offset'>): Promise<{ fileId: string; rows: number; url: string }> {
  const where = await listCondition(ctx, filters);
  const findings = where ? await findingsWhere(where) : [];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('督查整改台账');
  sheet.columns = LEDGER_COLUMNS.map(({ header, key, width }) => ({ header, key, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const f of findings) sheet.addRow(Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, c.value(f)])));
  for (const key of ['deadline', 'closedAt']) sheet.getColumn(key).numFmt = DATE_TIME;
  for (const key of ['description', 'measures', 'progress']) sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
  await audit(ctx, { action: 'export_findings', detail: { rows: findings.length } });
  return { ...(await handOut(ctx, workbook, `督查整改台账-${dateOf(ctx.now)}.xlsx`)), rows: findings.length };
}

/** 限期整改通知单 of one finding as a printable sheet (A4, portrait), once its notice is issued. */
export async function exportNotice(ctx: AdminCtx, input: { findingId: string }): Promise<{ fileId: string; url: string }> {
  const { finding: f } = await visibleFinding(ctx.user, input.findingId);
  if (!f.notice) throw conflict('请先下发限期整改通知单');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('限期整改通知单', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 } });
  sheet.columns = [{ width: 16 }, { width: 60 }];
  sheet.mergeCells('A1:B1');
  sheet.getCell('A1').value = '限期整改通知单';
  sheet.getCell('A1').font = { bold: true, size: 18 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  const rows: Array<[string, unknown]> = [
    ['通知单编号', f.notice.number],
    ['问题编号', f.code],
    ['责任单位', f.responsibleUnit ?? ''],
    ['责任人', f.responsibleName ?? ''],
    ['问题来源', FINDING_SOURCE_LABELS[f.source]],
    ['问题类别', FINDING_CATEGORY_LABELS[f.category]],
    ['问题对象', `${FINDING_SUBJECT_LABELS[f.subject.kind]}：${f.subjectName}`],
    ['问题描述', f.description],
    ['整改时限', excelChinaTime(f.deadline)],
    ['整改要求', '请于整改时限前完成整改，在帮扶通中提交整改佐证并申请销号；逾期未完成的将通报。'],
    ['牵头单位', f.leadUnit ?? ''],
    ['下发人', f.notice.issuedByName],
    ['下发时间', excelChinaTime(f.notice.issuedAt)],
  ];
  rows.forEach(([label, value], i) => {
    const row = sheet.getRow(i + 3);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value as ExcelJS.CellValue;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    if (value instanceof Date) row.getCell(2).numFmt = DATE_TIME;
  });
  await audit(ctx, { action: 'export_finding_notice', detail: { findingId: f._id } });
  return handOut(ctx, workbook, `限期整改通知单-${f.code}.xlsx`);
}
