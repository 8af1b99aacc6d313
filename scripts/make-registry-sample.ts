/**
 * Writes test/fixtures/registry-sample.xlsx: a small import sheet for the demo county in the
 * registry layout (one row per member; a blank 户编号 continues the household above), with some deliberately bad rows so the import wizard has
 * errors to show. Run: `npx tsx scripts/make-registry-sample.ts`. Deterministic: same file each run.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { idCheckChar } from '../types/id-number';
import { COLUMNS, type SheetRow } from '../cloudfunctions/core/households/import/sheet';

/** A valid ID number (the area code 990201 is not a real one, unlike the demo seed's 990102). */
function id(birth: string, seq: number): string {
  const first17 = `990201${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** The same number with a different check character. */
const wrongCheck = (idNumber: string) => idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');

const household = (code: string, village: string, status = '监测户'): Partial<SheetRow> => ({
  code,
  town: '青禾镇',
  village,
  address: `${village}3组${code.slice(-2)}号`,
  status,
  causes: '因病、缺技术',
  identifiedYear: '2024',
  incomeYear: '2025',
  income: '18600',
  housingGrade: 'B',
  housingAssessedOn: '2025-06-15',
  safeWater: '是',
});
const member = (name: string, relation: string, idNumber: string, extra: Partial<SheetRow> = {}): Partial<SheetRow> => ({
  name,
  relation,
  idNumber,
  phone: '',
  health: '健康',
  chronicApproved: '否',
  disabilityLevel: '0',
  schooling: '非在校生',
  laborCapacity: '有劳动力',
  employed: '是',
  hasIncome: '是',
  hasSupporter: '否',
  ...extra,
});

export const SAMPLE_ROWS: Partial<SheetRow>[] = [
  { ...household('QH-2026-001', '上坪村'), ...member('林国栋', '户主', id('19700312', 11), { phone: '13900001111', health: '慢性病', chronicApproved: '是' }) },
  member('何秀兰', '配偶', id('19720508', 22)),
  member('林小雨', '子女', id('20120901', 32), { schooling: '初中', laborCapacity: '无劳动能力', employed: '否', hasIncome: '否', hasSupporter: '是' }),
  {
    ...household('QH-2026-002', '下河村', '贫困户'),
    ...member('宋长海', '户主', id('19550101', 13), { phone: '13900002222', laborCapacity: '弱劳动力', employed: '否', disabilityLevel: '2' }),
  },
  { ...household('QH-2026-003', '上坪村'), ...member('唐玉梅', '户主', id('19801120', 24), { phone: '13900003333' }) },
  member('唐子轩', '子女', id('20150403', 15), { schooling: '小学', laborCapacity: '无劳动能力', employed: '否', hasIncome: '否', hasSupporter: '是' }),
  // Bad: the ID number's check character is wrong.
  { ...household('QH-2026-004', '上坪村'), ...member('钱多多', '户主', wrongCheck(id('19900101', 17))) },
  // Bad: no such village in 青禾镇.
  { ...household('QH-2026-005', '月亮村'), ...member('孙悟能', '户主', id('19880808', 19)) },
  // Bad: the same person as row 3 again.
  { ...household('QH-2026-006', '下河村'), ...member('何秀兰', '户主', id('19720508', 22)) },
  // Bad: a phone number with 10 digits.
  { ...household('QH-2026-007', '下河村'), ...member('冯晓光', '户主', id('19920202', 31), { phone: '1390000444' }) },
  // Bad: a household whose only member is not the head.
  { ...household('QH-2026-008', '上坪村'), ...member('邓一凡', '子女', id('19990909', 33)) },
];

async function main() {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('建档立卡户');
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  sheet.addRows(SAMPLE_ROWS);
  workbook.created = new Date('2026-11-01T00:00:00Z');
  workbook.modified = workbook.created;
  const file = path.resolve(__dirname, '../test/fixtures/registry-sample.xlsx');
  await workbook.xlsx.writeFile(file);
  console.log(`示例导入表已写入 ${path.relative(process.cwd(), file)}（${SAMPLE_ROWS.length} 行）`);
}

if (require.main === module) void main();
