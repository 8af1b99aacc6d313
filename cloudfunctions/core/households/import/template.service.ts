import ExcelJS from 'exceljs';
import type { AdminCtx } from '../../handler';
import { adminScope } from '../../access/scope';
import { villagesWithTowns } from '../../regions/region.repository';
import { addTable, saveExport, type ExportFile } from '../../sheet-export';
import { COLUMNS, LABELS, type ColumnKey } from './sheet';
import { HEADER_NAMES, OPTIONAL_COLUMNS } from './header.rules';
import { REGISTRY_COLUMNS } from './export.service';

const values = (labels: Record<string, string>) => `填：${Object.values(labels).join('、')}`;
const YES_NO = '填「是」或「否」，留空为「否」';

/** What each column takes, as the import's row schema checks it (row.schema.ts). */
const HOW: Record<ColumnKey, string> = {
  code: '同一户的成员填相同户编号；留空表示与上一行同户',
  town: '乡镇名称，见「村名对照」',
  village: '行政村名称，见「村名对照」',
  address: '如：上坪村3组12号',
  status: values(LABELS.status),
  causes: `${values(LABELS.causes)}；多个用顿号分开`,
  identifiedYear: '四位年份，如 2024',
  incomeYear: '收入所属年份，如 2025',
  income: '整数，单位元，如 18600',
  housingGrade: '填 A、B、C 或 D',
  housingAssessedOn: '如 2025-06-15，可不填',
  safeWater: YES_NO,
  name: '家庭成员姓名',
  relation: values(LABELS.relation),
  idNumber: '18 位身份证号，末位可为 X（请把单元格设为文本）',
  phone: '11 位手机号，可不填',
  health: values(LABELS.health),
  chronicApproved: YES_NO,
  disabilityLevel: '0 到 4，0 为无残疾，可不填',
  schooling: `${values(LABELS.schooling)}，可不填`,
  laborCapacity: values(LABELS.laborCapacity),
  employed: YES_NO,
  hasIncome: YES_NO,
  hasSupporter: YES_NO,
};

type Guide = { header: string; required: string; how: string; names: string };

/**
 * 导入模板: the registry layout's header row to fill in, a guide to every column (what it takes,
 * whether it may be left out, the other names the import accepts) and the caller's towns and
 * villages as the import spells them. It holds no personal data; it is still the caller's file.
 */
export async function importTemplate(ctx: AdminCtx): Promise<ExportFile> {
  const scope = adminScope(ctx.user);
  const workbook = new ExcelJS.Workbook();
  addTable(workbook, '建档立卡户', REGISTRY_COLUMNS);
  const guide = addTable<Guide>(workbook, '填写说明', [
    { header: '列名', width: 14, value: (g) => g.header },
    { header: '是否必填', width: 9, value: (g) => g.required },
    { header: '填写说明', width: 60, value: (g) => g.how },
    { header: '也可用的列名', width: 40, value: (g) => g.names },
  ]);
  guide.add(
    COLUMNS.map((c) => ({
      header: c.header,
      required: OPTIONAL_COLUMNS.includes(c.key) ? '可不填' : '必填',
      how: HOW[c.key],
      names: HEADER_NAMES[c.key].filter((n) => n !== c.header).join('、'),
    })),
  );
  const places = addTable<{ townName: string; name: string }>(workbook, '村名对照', [
    { header: '乡镇', width: 14, value: (v) => v.townName },
    { header: '行政村', width: 14, value: (v) => v.name },
  ]);
  places.add(await villagesWithTowns(scope.regionId));
  return saveExport(ctx, workbook, 'registry-template', 'export_template', 0);
}
