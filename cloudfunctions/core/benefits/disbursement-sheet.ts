import ExcelJS from 'exceljs';
import { z } from '../../../types/z';
import { BenefitPeriod } from '../../../types/benefit';
import { IdNumber, IsoDate } from '../../../types/common';
import { type Policy, PolicyCode } from '../../../types/policy';
import { invalid } from '../errors';
import { cellText } from '../sheet-cell';

/** The columns of a 兑现 list as county offices keep it; header names accepted for each. */
const HEADERS = {
  policy: ['政策', '政策名称', '项目', '政策代码'],
  idNumber: ['身份证号', '成员身份证号', '身份证号码'],
  period: ['发放期间', '期间', '年度', '所属期'],
  amount: ['金额', '发放金额', '金额（元）', '金额(元)'],
  paidOn: ['发放日期', '日期'],
} as const;
type Column = keyof typeof HEADERS;
const REQUIRED: Column[] = ['policy', 'idNumber', 'period', 'amount'];

export const MAX_RECORD_ROWS = 20_000;

export interface DisbursementRow {
  row: number;
  cells: Record<Column, string>;
}

/** One row's cells, validated like any untrusted input: policy by name or code, ID by checksum. */
export function rowSchema(policies: Policy[], today: string) {
  const byName = new Map<string, string>(policies.flatMap((p) => [[p.label, p.code], [p.code, p.code]]));
  return z.object({
    policy: z.string().transform((v) => byName.get(v) ?? v).pipe(PolicyCode),
    idNumber: IdNumber,
    period: BenefitPeriod,
    amount: z.string().transform((v, ctx) => {
      if (v === '' || v === '—' || v === '-') return null;
      const n = Number(v.replace(/,/g, ''));
      if (!Number.isFinite(n) || n < 0) { ctx.addIssue({ code: 'custom', message: `金额「${v}」不是有效的非负数字` }); return z.NEVER; }
      return n;
    }),
    paidOn: z.string().transform((v) => v || today).pipe(IsoDate),
  });
}

function columnsOf(values: unknown[]): Map<Column, number> {
  const map = new Map<Column, number>();
  values.forEach((v, i) => {
    const text = cellText(v);
    const column = (Object.keys(HEADERS) as Column[]).find((c) => (HEADERS[c] as readonly string[]).includes(text));
    if (column && !map.has(column)) map.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !map.has(c));
  if (missing.length) throw invalid(`表格第 1 行缺少列：${missing.map((c) => HEADERS[c][0]).join('、')}（应有 政策、身份证号、发放期间、金额，可选 发放日期）`);
  return map;
}

/** The first worksheet's rows after the header, as text cells with the row number Excel shows. */
export async function readDisbursementSheet(bytes: Buffer): Promise<DisbursementRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('无法读取该文件，请确认是 Excel（.xlsx）表格');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 1) throw invalid('表格是空的：第 1 行应为列名，从第 2 行起每行一条兑现记录');
  const columns = columnsOf(sheet.getRow(1).values as unknown[]);
  if (sheet.rowCount - 1 > MAX_RECORD_ROWS) throw invalid(`表格超过 ${MAX_RECORD_ROWS} 行，请分成几个文件导入`);
  const rows: DisbursementRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as unknown[];
    const cells = Object.fromEntries((Object.keys(HEADERS) as Column[]).map((c) => [c, cellText(values[columns.get(c) ?? -1])])) as Record<Column, string>;
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: number, cells });
  });
  return rows;
}
