import ExcelJS from 'exceljs';
import type { AdminCtx } from '../handler';
import { addTable, saveExport, type ExportFile } from '../sheet-export';
import { MEDICAL_COLUMNS, MEDICAL_HEADERS, type MedicalColumn } from './medical-sheet';

type Guide = { header: string; how: string; names: string };
const HOW: Record<MedicalColumn, string> = {
  idNumber: '18 位身份证号，末位可为 X（请把单元格设为文本）',
  name: '与身份证号登记的姓名一致',
  date: '结算日期，如 2025-03-01 或 2025年3月1日，不晚于今天',
  amount: '个人自付金额，单位元，如 12000',
};

/**
 * 医保导入模板: the four columns to fill (the header the import reads first) and a guide to each,
 * with the other names the import accepts. No personal data; still the caller's own file.
 */
export async function medicalTemplate(ctx: AdminCtx): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  addTable(
    workbook,
    '医保大额自付',
    MEDICAL_COLUMNS.map((c) => ({ header: MEDICAL_HEADERS[c][0], width: c === 'idNumber' ? 22 : 14, value: () => '' })),
  );
  const guide = addTable<Guide>(workbook, '填写说明', [
    { header: '列名', width: 12, value: (g) => g.header },
    { header: '填写说明', width: 50, value: (g) => g.how },
    { header: '也可用的列名', width: 40, value: (g) => g.names },
  ]);
  guide.add(MEDICAL_COLUMNS.map((c) => ({ header: MEDICAL_HEADERS[c][0], how: HOW[c], names: MEDICAL_HEADERS[c].slice(1).join('、') })));
  return saveExport(ctx, workbook, 'medical-template', 'export_template', 0);
}
